import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError, client, ok } from '../../api/client.ts';
import type { CatalogEntry, Flow, FlowDocument, InflightPolicy, ValidationIssue } from '../../api/types.ts';
import { useT } from '../../i18n/use-i18n.ts';
import { FlowCanvas } from '../canvas/flow-canvas.tsx';
import { useFlowStore } from '../canvas/flow-store.ts';
import { FlowLanguageSelect } from './flow-language-select.tsx';
import { ReusableToggle } from '../subflows/reusable-toggle.tsx';
import { NodePalette } from '../canvas/node-palette.tsx';
import { subflowPaletteEntries, type PaletteEntry } from '../subflows/subflow-palette-entries.ts';
import type { RunHighlight } from '../canvas/types.ts';
import { InspectorPanel } from '../inspector/inspector-panel.tsx';
import { scriptContextTypes } from '../editors/script-context-types.ts';
import { templateVariables } from '../inspector/template-variables.ts';
import { runsRoute } from '../runs/run-filter.ts';
import { inflightBadges } from './inflight-badges.ts';
import { ProblemsPanel } from './problems-panel.tsx';
import { applyProblemFix } from './apply-problem-fix.ts';
import { SaveStatus } from './save-status.tsx';
import { useLeaveWarning } from './use-leave-warning.ts';
import { PublishDialog } from './publish-dialog.tsx';
import { readBackup, useAutosave } from './use-autosave.ts';
import { usePublishAfterSave } from './use-publish-after-save.ts';
import { useInflight } from './use-inflight.ts';
import { VersionsPanel, type VersionSummary } from './versions-panel.tsx';
import type { RunPath } from '../simulator/path-of.ts';
import { SimulatorPanel } from '../simulator/simulator-panel.tsx';
import { useCan } from '../roles/permissions.tsx';
import { EditorReadOnlyBanner, useEditorReadOnly } from './use-editor-read-only.tsx';
import { AnalyticsPanel } from '../analytics/analytics-panel.tsx';
import { AnalyticsToggle } from '../analytics/analytics-toggle.tsx';

// Loaded when its tab is first opened: most editing sessions never replay runs.
const WhatIfPanel = lazy(() => import('../runs/what-if-panel.tsx').then((m) => ({ default: m.WhatIfPanel })));

const sideTabs = ['inspector', 'simulator', 'whatIf'] as const;
type SideTab = (typeof sideTabs)[number];

interface Loaded {
  flow: Flow;
  catalog: CatalogEntry[];
  /** The workspace's reusable subflows, listed in the palette by name. */
  subflows: PaletteEntry[];
}

/** The canvas, palette, inspector, problems, versions and publishing of one flow. */
export function FlowEditorPage({ flowId }: { flowId: string }) {
  const t = useT();
  const can = useCan();
  const role = useEditorReadOnly();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const [versions, setVersions] = useState<VersionSummary[]>([]);
  const [viewing, setViewing] = useState<{ version: number; draft: FlowDocument } | null>(null);
  const [publishing, setPublishing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [loadedRevision, setLoadedRevision] = useState(Number.MAX_SAFE_INTEGER);
  const [sideTab, setSideTab] = useState<SideTab>('inspector');
  const [runPath, setRunPath] = useState<RunPath | null>(null);
  const [whatIfPath, setWhatIfPath] = useState<RunHighlight | null>(null);
  const [analyticsOn, setAnalyticsOn] = useState(false);
  const inflight = useInflight(flowId);
  const doc = useFlowStore((s) => s.doc);
  const revision = useFlowStore((s) => s.revision);
  const selected = useFlowStore((s) => s.selectedNodes);

  const loadInto = useCallback((next: FlowDocument) => {
    useFlowStore.getState().load(next);
    setLoadedRevision(useFlowStore.getState().revision);
  }, []);

  const validate = useCallback(async () => {
    if (role.readOnly) return;
    const result = await ok(client.POST('/flows/{id}/validate', { params: { path: { id: flowId } } }));
    setIssues([...result.errors, ...result.warnings]);
  }, [flowId, role.readOnly]);

  const loadVersions = useCallback(async () => {
    setVersions((await ok(client.GET('/flows/{id}/versions', { params: { path: { id: flowId } } }))).items);
  }, [flowId]);

  useEffect(() => {
    let cancelled = false;
    Promise.all([
      ok(client.GET('/flows/{id}', { params: { path: { id: flowId } } })),
      ok(client.GET('/nodes')),
      // The palette's subflows only: the editor opens without them.
      ok(client.GET('/flows')).catch(() => ({ items: [] })),
    ]).then(
      ([flow, nodes, flows]) => {
        if (cancelled) return;
        setLoaded({
          flow,
          catalog: nodes.items,
          subflows: subflowPaletteEntries(nodes.items, flows.items, flowId),
        });
        loadInto(flow.draft);
        // Edits that never reached the server (closed tab, lost connection) come back.
        const backup = readBackup(flowId);
        if (backup && !role.readOnly && JSON.stringify(backup) !== JSON.stringify(flow.draft))
          useFlowStore.getState().load(backup);
        void validate();
        void loadVersions();
      },
      (e: unknown) => setLoadError((e as Error).message),
    );
    return () => {
      cancelled = true;
    };
  }, [flowId, loadInto, validate, loadVersions, role.readOnly]);

  const {
    state: saveState,
    error: saveError,
    blocked: unsaveable,
  } = useAutosave(
    flowId,
    viewing || role.readOnly ? null : doc,
    revision,
    loadedRevision,
    () => void validate(),
  );
  useLeaveWarning(saveState !== 'saved');
  const publishAfterSave = usePublishAfterSave(
    saveState,
    saveError,
    () => setPublishing(true),
    (reason) =>
      setNotice(reason ? t('editor.publishNotSaved', { message: reason }) : t('editor.publishNotSavedLimit')),
  );

  const selectedNode = useMemo(
    () => (selected.length === 1 ? doc?.nodes.find((n) => n.id === selected[0]) : undefined),
    [doc, selected],
  );
  const viewingVersion = viewing?.version ?? null;
  // Keyed by the node ids, not the document: dragging a node must not rebuild every badge.
  const nodeIds = useMemo(() => doc?.nodes.map((n) => n.id).join('\u0000') ?? '', [doc]);
  const inflightView = useMemo(
    () => inflightBadges(inflight.data, viewingVersion, nodeIds.split('\u0000')),
    [inflight.data, viewingVersion, nodeIds],
  );
  // A badge opens the runs at that node now (of the version shown, when it is not the draft).
  const badgeHref = useCallback(
    (nodeId: string) =>
      `#${runsRoute({
        flowId,
        nodeId,
        status: ['running', 'waiting'],
        ...(viewingVersion === null ? {} : { version: viewingVersion }),
      })}`,
    [flowId, viewingVersion],
  );
  const entryOf = (type: string, version: number) =>
    loaded?.catalog.find((c) => c.type === type && c.version === version);

  // The simulator runs what the server has: push the draft now rather than wait for autosave.
  const saveNow = useCallback(async () => {
    const current = useFlowStore.getState().doc;
    if (current && !role.readOnly)
      await ok(client.PUT('/flows/{id}', { params: { path: { id: flowId } }, body: current }));
  }, [flowId, role.readOnly]);

  async function publish(notes: string, policy: InflightPolicy) {
    try {
      const { version, cancelled } = await ok(
        client.POST('/flows/{id}/publish', {
          params: { path: { id: flowId } },
          body: { notes, inflight: policy },
        }),
      );
      setNotice(
        policy === 'cancel'
          ? t('editor.publishedCancelled', { version, count: cancelled ?? 0 })
          : t('editor.published', { version }),
      );
      setPublishing(false);
      await loadVersions();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && e.code === 'TRIGGER_CLAIMED') {
        // Another published flow answers the same number or keyword: shown with the draft's own.
        const details = e.details as { errors: ValidationIssue[] };
        setIssues((shown) => [...details.errors, ...shown.filter((i) => i.code !== 'TRIGGER_CLAIMED')]);
        setNotice(t('editor.publishBlocked', { count: details.errors.length }));
        setPublishing(false);
      } else if (e instanceof ApiError && e.status === 422) {
        const details = e.details as { errors: ValidationIssue[]; warnings: ValidationIssue[] };
        setIssues([...details.errors, ...details.warnings]);
        setNotice(t('editor.publishBlocked', { count: details.errors.length }));
        setPublishing(false);
      } else throw e;
    }
  }

  const readVersion = (version: number) =>
    ok(client.GET('/flows/{id}/versions/{version}', { params: { path: { id: flowId, version } } }));

  async function openVersion(version: number) {
    const { graph } = await readVersion(version);
    setViewing((current) => ({ version, draft: current?.draft ?? useFlowStore.getState().doc! }));
    loadInto(graph);
  }

  function backToDraft() {
    if (viewing) loadInto(viewing.draft);
    setViewing(null);
  }

  async function restoreVersion(version: number) {
    const { graph } = await readVersion(version);
    await ok(client.PUT('/flows/{id}', { params: { path: { id: flowId } }, body: graph }));
    setViewing(null);
    loadInto(graph);
    setNotice(t('editor.restored', { version }));
    await validate();
  }

  if (loadError)
    return (
      <p role="alert" className="p-6 text-red-700">
        {t('common.error', { message: loadError })}
      </p>
    );
  if (!loaded || !doc) return <p className="p-6">{t('common.loading')}</p>;

  const readOnly = viewing !== null || role.readOnly;
  const shownIssues = unsaveable.length > 0 ? [...unsaveable, ...issues] : issues;
  const errorCount = shownIssues.filter((i) => i.severity === 'error').length;
  const highlight = sideTab === 'simulator' ? runPath : sideTab === 'whatIf' ? whatIfPath : null;
  const tabLabel = {
    inspector: t('editor.inspector'),
    simulator: t('simulator.title'),
    whatIf: t('whatIf.tab'),
  };

  return (
    <div className="flex h-[calc(100vh-45px)] flex-col">
      <div className="flex items-center gap-3 border-b border-slate-200 bg-white px-4 py-2">
        <a href="#/flows" className="text-sm text-indigo-700 hover:underline">
          ← {t('common.back')}
        </a>
        <input
          aria-label={t('editor.name')}
          value={doc.name}
          readOnly={readOnly}
          onChange={(e) => useFlowStore.getState().rename(e.target.value)}
          className="rounded border border-transparent px-2 py-1 text-lg font-semibold hover:border-slate-300"
        />
        <FlowLanguageSelect readOnly={readOnly} />
        <ReusableToggle readOnly={readOnly} />
        <SaveStatus state={saveState} error={saveError} blocked={unsaveable} />
        {notice && (
          <span role="status" className="text-sm text-indigo-700">
            {notice}
          </span>
        )}
        <span className="ml-auto flex items-center gap-3 text-sm">
          {inflightView.total > 0 && (
            <a
              href={`#${runsRoute({ flowId, status: ['running', 'waiting'] })}`}
              title={
                inflightView.elsewhere > 0
                  ? t('editor.inflightElsewhere', { count: inflightView.elsewhere })
                  : undefined
              }
              data-testid="inflight-total"
              className="rounded-full bg-amber-100 px-2 py-0.5 text-amber-900 hover:underline"
            >
              {t('editor.inflightNow', { count: inflightView.total })}
            </a>
          )}
          {can('reports:read') && <AnalyticsToggle on={analyticsOn} onChange={setAnalyticsOn} />}
          <a href={`#/flows/${flowId}/runs`} className="text-indigo-700 hover:underline">
            {t('editor.runs')}
          </a>
        </span>
        {viewing ? (
          <span className="flex items-center gap-2 text-sm">
            {t('editor.viewing', { version: viewing.version })}
            <button onClick={backToDraft} className="rounded border border-slate-300 px-2 py-1">
              {t('editor.backToDraft')}
            </button>
          </span>
        ) : (
          can('flows:publish') && (
            <button
              onClick={publishAfterSave.request}
              disabled={publishAfterSave.waiting || errorCount > 0}
              aria-busy={publishAfterSave.waiting || undefined}
              title={errorCount > 0 ? t('editor.publishBlocked', { count: errorCount }) : undefined}
              className="rounded bg-indigo-600 px-3 py-1 font-medium text-white disabled:opacity-50"
            >
              {publishAfterSave.waiting ? t('editor.publishAfterSave') : t('editor.publish')}
            </button>
          )
        )}
      </div>
      {role.readOnly && <EditorReadOnlyBanner />}
      <div className="flex min-h-0 flex-1">
        <aside
          aria-label={t('editor.palette')}
          className="w-60 overflow-auto border-r border-slate-200 bg-white"
        >
          {!readOnly && (
            <NodePalette
              catalog={[...loaded.catalog, ...loaded.subflows]}
              onAdd={(entry: PaletteEntry) => {
                const { addNode, viewCentre, select } = useFlowStore.getState();
                const id = addNode(entry, viewCentre, entry.preset);
                if (id) select([id], []);
              }}
            />
          )}
        </aside>
        <div className="flex min-w-0 flex-1 flex-col">
          <div className="min-h-0 flex-1">
            <FlowCanvas
              catalog={loaded.catalog}
              issues={readOnly ? [] : issues}
              readOnly={readOnly}
              {...(highlight ? { highlight } : {})}
              badges={inflightView.badges}
              badgeHref={badgeHref}
            />
          </div>
          {!readOnly && (
            <ProblemsPanel
              issues={shownIssues}
              onFocus={(issue) => issue.nodeId && useFlowStore.getState().focusNode(issue.nodeId)}
              onFix={(issue) => {
                if (applyProblemFix(issue, loaded.catalog))
                  setIssues((shown) => shown.filter((i) => i !== issue));
              }}
            />
          )}
        </div>
        {analyticsOn && <AnalyticsPanel flowId={flowId} versions={versions} catalog={loaded.catalog} />}
        <aside
          aria-label={t('editor.inspector')}
          className="flex w-96 flex-col overflow-auto border-l border-slate-200 bg-white"
        >
          <div role="tablist" className="flex border-b border-slate-200">
            {sideTabs
              .filter((tab) =>
                tab === 'simulator' ? role.canTest : tab !== 'whatIf' || can('flows:publish'),
              )
              .map((tab) => (
                <button
                  key={tab}
                  role="tab"
                  aria-selected={sideTab === tab}
                  onClick={() => setSideTab(tab)}
                  className={`flex-1 px-3 py-2 text-sm ${sideTab === tab ? 'border-b-2 border-indigo-600 font-semibold' : ''}`}
                >
                  {tabLabel[tab]}
                </button>
              ))}
          </div>
          {sideTab === 'simulator' ? (
            <SimulatorPanel flowId={flowId} doc={doc} beforeRun={saveNow} onPath={setRunPath} />
          ) : sideTab === 'whatIf' ? (
            <Suspense fallback={<p className="p-3 text-sm">{t('common.loading')}</p>}>
              <WhatIfPanel
                flowId={flowId}
                doc={doc}
                versions={versions}
                beforeRun={saveNow}
                onHighlight={setWhatIfPath}
              />
            </Suspense>
          ) : (
            <>
              {selectedNode && entryOf(selectedNode.type, selectedNode.version) ? (
                <InspectorPanel
                  entry={entryOf(selectedNode.type, selectedNode.version)!}
                  node={selectedNode}
                  flowId={flowId}
                  issues={issues.filter((i) => i.nodeId === selectedNode.id)}
                  variables={templateVariables(doc, selectedNode.id, loaded.catalog)}
                  {...(selectedNode.type === 'logic.code'
                    ? { scriptTypes: scriptContextTypes(doc, selectedNode.id, loaded.catalog) }
                    : {})}
                  onConfigChange={(config) => useFlowStore.getState().updateConfig(selectedNode.id, config)}
                  onLabelChange={(label) => useFlowStore.getState().updateLabel(selectedNode.id, label)}
                  readOnly={readOnly}
                  readOnlyByRole={role.readOnly && !viewing}
                />
              ) : (
                <p className="p-4 text-sm text-slate-500">{t('editor.selectNode')}</p>
              )}
              <VersionsPanel
                versions={versions}
                viewing={viewing?.version ?? null}
                onOpen={(v) => void openVersion(v)}
                onRestore={role.readOnly ? undefined : (v) => void restoreVersion(v)}
              />
            </>
          )}
        </aside>
      </div>
      {publishing && (
        <PublishDialog
          inflight={inflight.data}
          inflightError={inflight.error}
          onPublish={publish}
          onClose={() => setPublishing(false)}
        />
      )}
    </div>
  );
}
