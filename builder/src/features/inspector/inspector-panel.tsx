import type { CatalogEntry, FlowNodeDoc, ValidationIssue } from '../../api/types.ts';
import { useLocalized, useT } from '../../i18n/use-i18n.ts';
import { inputClass } from './field-styles.ts';
import { NodeForm } from './node-form.tsx';
import type { VariableOption } from './template-input.tsx';
import { NodeHelp } from './node-help.tsx';
import { TechnicalDetails } from './technical-details.tsx';
import { usePortRows } from './use-port-rows.ts';
import { useFlowStore } from '../canvas/flow-store.ts';
import { NodeExtras } from '../webhooks-in/node-extras.tsx';

export interface InspectorPanelProps {
  entry: CatalogEntry;
  node: FlowNodeDoc;
  /** Issues of this node (validation runs on the whole flow; the page filters by node id). */
  issues: readonly ValidationIssue[];
  variables: readonly VariableOption[];
  /** For a code node: the flow's context as TypeScript declarations, for Monaco's hints. */
  scriptTypes?: string;
  /** The flow being edited: node types that show server-side state (a webhook's URLs) need it. */
  flowId?: string;
  onConfigChange(config: Record<string, unknown>): void;
  onLabelChange(label: string): void;
  readOnly?: boolean;
  /** The role, not a published version, keeps this read-only: the editor's banner says so. */
  readOnlyByRole?: boolean;
}

/** The selected node: what it is, its label on the canvas, and its configuration form. */
export function InspectorPanel({
  entry,
  node,
  issues,
  variables,
  scriptTypes,
  flowId,
  onConfigChange,
  onLabelChange,
  readOnly = false,
  readOnlyByRole = false,
}: InspectorPanelProps) {
  const t = useT();
  const localized = useLocalized();
  const idPrefix = `inspector-${node.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const headingId = `${idPrefix}-title`;
  const labelId = `${idPrefix}-label`;
  const title = localized(entry.title);
  const portRows = usePortRows(entry, node.id);
  const flowLanguage = useFlowStore((s) => s.doc?.language);

  return (
    <section aria-labelledby={headingId} className="space-y-4 p-4" data-testid="inspector-panel">
      <header className="space-y-1">
        <h2 id={headingId} className="text-base font-semibold text-slate-900">
          {title}
        </h2>
        <p className="text-sm text-slate-600">{localized(entry.description)}</p>
        <TechnicalDetails id={`${idPrefix}-technical`} entry={entry} node={node} />
        {readOnly && !readOnlyByRole && (
          <p role="note" className="rounded bg-amber-50 px-2 py-1 text-xs text-amber-800">
            {t('inspector.readOnly')}
          </p>
        )}
      </header>
      <div>
        <label htmlFor={labelId} className="mb-1 block text-sm font-medium text-slate-800">
          {t('inspector.nodeLabel')}
        </label>
        <input
          id={labelId}
          type="text"
          value={node.label ?? ''}
          placeholder={title}
          disabled={readOnly}
          aria-describedby={`${labelId}-hint`}
          onChange={(event) => onLabelChange(event.target.value)}
          className={inputClass}
        />
        <p id={`${labelId}-hint`} className="mt-1 text-xs text-slate-500">
          {t('inspector.nodeLabelHint')}
        </p>
      </div>
      <div role="group" aria-label={t('inspector.settings')} className="border-t border-slate-200 pt-4">
        {/* A new node means new local drafts (key-value rows, JSON text), never the last node's. */}
        <NodeForm
          key={`${node.id}:${entry.type}:${entry.version}`}
          schema={entry.configSchema}
          value={node.config}
          onChange={onConfigChange}
          issues={issues}
          variables={variables}
          idPrefix={`${idPrefix}-config`}
          readOnly={readOnly}
          portRows={portRows}
          flowLanguage={flowLanguage}
          {...(scriptTypes === undefined ? {} : { scriptTypes })}
        />
      </div>
      {flowId !== undefined && <NodeExtras flowId={flowId} node={node} readOnly={readOnly} />}
      <NodeHelp entry={entry} />
    </section>
  );
}
