import { useCallback, useEffect, useState } from 'react';
import { client, ok } from '../../api/client.ts';
import type { CatalogEntry, RetryFromStepResult, RunStep } from '../../api/types.ts';
import { useT } from '../../i18n/use-i18n.ts';
import { JsonTree } from '../../ui/json-tree.tsx';
import { navigate } from '../../use-route.ts';
import { useFlowStore } from '../canvas/flow-store.ts';
import { ExpiredSummary } from './expired-summary.tsx';
import { RetryStepDialog } from './retry-step-dialog.tsx';
import { RunActions } from './run-actions.tsx';
import { RunGraph } from './run-graph.tsx';
import { RunHeader } from './run-header.tsx';
import { RunTimeline } from './run-timeline.tsx';
import { stepForNode } from './step-for-node.ts';
import { skipReasonText } from './skip-reason-text.ts';
import { runErrorText } from './run-error-text.ts';
import { useLiveRun } from './use-live-run.ts';
import { useCan } from '../roles/permissions.tsx';

/**
 * One run: its version's graph with the path it took on the left, its timeline on the right, kept
 * live while it runs or waits; re-run, verify, cancel, and retry from any step.
 */
export function RunDetailPage({ runId }: { runId: string }) {
  const t = useT();
  const can = useCan();
  const { run, error, mode, watch } = useLiveRun(runId);
  const [catalog, setCatalog] = useState<CatalogEntry[]>([]);
  const [catalogError, setCatalogError] = useState<string | null>(null);
  const [selectedSeq, setSelectedSeq] = useState<number | null>(null);
  const [retrying, setRetrying] = useState<RunStep | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    let stale = false;
    ok(client.GET('/nodes')).then(
      ({ items }) => !stale && setCatalog(items),
      (e: unknown) => !stale && setCatalogError((e as Error).message),
    );
    return () => {
      stale = true;
    };
  }, []);

  const steps = run?.steps;
  const selectNode = useCallback(
    (nodeId: string | null) => {
      if (nodeId && steps) setSelectedSeq((seq) => stepForNode(steps, nodeId, seq));
    },
    [steps],
  );

  function selectStep(step: RunStep) {
    setSelectedSeq(step.seq);
    useFlowStore.getState().focusNode(step.nodeId);
  }

  function retried(result: RetryFromStepResult) {
    setRetrying(null);
    setNotice(t('run.retry.started', { seq: result.fromSeq }));
    if (result.runId !== runId) navigate(`/runs/${result.runId}`);
    else watch();
  }

  if (!run)
    return error ? (
      <p role="alert" className="p-6 text-red-700">
        {t('common.error', { message: error })}
      </p>
    ) : (
      <p className="p-6">{t('common.loading')}</p>
    );

  return (
    <div className="flex h-[calc(100vh-45px)] flex-col">
      <RunHeader run={run} mode={mode} />
      <div className="flex min-h-0 flex-1">
        <div className="min-w-0 flex-1" aria-label={t('run.graph')} role="region">
          <RunGraph run={run} catalog={catalog} onSelectNode={selectNode} />
        </div>
        <aside
          aria-label={t('run.details')}
          className="w-[30rem] max-w-[50vw] space-y-3 overflow-auto border-l border-slate-200 bg-slate-50 p-3"
        >
          {can('runs:operate') && <RunActions run={run} onChanged={watch} />}
          {notice && (
            <p role="status" className="text-sm text-indigo-700">
              {notice}
            </p>
          )}
          {(error || catalogError) && (
            <p role="alert" className="text-sm text-red-700">
              {t('common.error', { message: (error ?? catalogError)! })}
            </p>
          )}
          {run.status === 'skipped' ? (
            <p
              role="status"
              className="rounded border border-slate-300 bg-slate-50 p-2 text-sm text-slate-700"
            >
              {t('runs.skipped', { reason: skipReasonText(t, run.skipReason) })}
            </p>
          ) : (
            run.error && (
              <div role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-800">
                <p className="font-medium">{t('run.failedWith')}</p>
                <p>
                  {runErrorText(t, run.error)}
                  {run.error.code && (
                    <span className="ml-1 rounded bg-red-100 px-1 font-mono text-xs">{run.error.code}</span>
                  )}
                </p>
              </div>
            )
          )}
          <div className="rounded border border-slate-200 bg-white p-2">
            <JsonTree label={t('run.input')} value={run.input} />
            <JsonTree label={t('run.output')} value={run.output} />
          </div>
          {run.detailsExpired ? (
            <ExpiredSummary run={run} />
          ) : (
            <RunTimeline
              run={run}
              selectedSeq={selectedSeq}
              onSelectStep={selectStep}
              onRetryFrom={setRetrying}
            />
          )}
        </aside>
      </div>
      {retrying && (
        <RetryStepDialog run={run} step={retrying} onClose={() => setRetrying(null)} onRetried={retried} />
      )}
    </div>
  );
}
