import { Handle, Position, useUpdateNodeInternals, type NodeProps, type NodeTypes } from '@xyflow/react';
import { memo, useEffect, useMemo, useRef } from 'react';
import { useLocalized, useT } from '../../i18n/use-i18n.ts';
import { useTechnicalDetails } from '../inspector/use-technical-details.ts';
import { CategoryIcon } from './category-icon.tsx';
import { InflightBadge } from './inflight-badge.tsx';
import { handleClasses, NodePortRow } from './node-port-row.tsx';
import { NodeSummaryView } from './node-summary-view.tsx';
import { rowPortLabels } from './row-port-labels.ts';
import type { CanvasNode } from './types.ts';
import { usePortName } from './use-port-name.ts';
import { problemText } from '../editor/problem-text.ts';
import { NodeAnalyticsCaption } from '../analytics/node-analytics-caption.tsx';
import { PortTakenCount } from '../analytics/port-taken-count.tsx';

function FlowNodeView({ id, data, selected }: NodeProps<CanvasNode>) {
  const t = useT();
  const localize = useLocalized();
  const portName = usePortName();
  const technical = useTechnicalDetails((s) => s.shown);
  useHandlesFollowPorts(id, data.ports.map((p) => p.id).join('\u0000'));
  const rowLabels = useMemo(() => rowPortLabels(data.entry, data.config), [data.entry, data.config]);

  const title = data.entry
    ? localize(data.entry.title)
    : t('canvas.node.unknownType', { type: data.nodeType });
  const name = data.label || id;
  const hasErrors = data.errorCount > 0;
  const ring = hasErrors
    ? 'ring-2 ring-red-500'
    : data.runMark === 'failed'
      ? 'ring-4 ring-red-500'
      : data.runMark === 'current'
        ? 'ring-4 ring-amber-400'
        : data.highlighted
          ? 'ring-4 ring-emerald-400'
          : data.issues.length > 0
            ? 'ring-2 ring-amber-400'
            : '';
  const border = selected ? 'border-indigo-500' : 'border-slate-200';
  const background =
    data.runMark === 'failed'
      ? 'bg-red-50'
      : data.runMark === 'current'
        ? 'bg-amber-50'
        : data.highlighted
          ? 'bg-emerald-50'
          : 'bg-white';
  return (
    <div
      className={`relative w-56 rounded-lg border-2 shadow-sm ${border} ${background} ${ring}`}
      aria-invalid={hasErrors || undefined}
      title={data.issues.length > 0 ? data.issues.map((i) => problemText(i, t)).join('\n') : undefined}
      data-highlighted={data.highlighted || undefined}
      data-run-mark={data.runMark ?? undefined}
    >
      {data.inflight > 0 && <InflightBadge nodeId={id} count={data.inflight} />}
      <NodeAnalyticsCaption nodeId={id} />
      {!data.trigger && (
        <Handle
          type="target"
          position={Position.Left}
          aria-label={t('canvas.node.input', { node: name })}
          className={`${handleClasses} top-1/2! -left-1.5! bg-slate-500!`}
        />
      )}
      <div className="flex h-14 items-center gap-2 px-3">
        <CategoryIcon icon={data.entry?.icon} category={data.entry?.category} />
        <div className="min-w-0 flex-1">
          <div className="truncate text-sm font-medium text-slate-900">{title}</div>
          {technical ? (
            <div className="truncate font-mono text-xs text-slate-500">
              {data.label ? `${data.label} · ${id}` : id}
            </div>
          ) : (
            data.label && <div className="truncate text-xs text-slate-500">{data.label}</div>
          )}
        </div>
        {hasErrors && (
          <span className="rounded-full bg-red-600 px-1.5 text-xs font-semibold text-white">
            <span aria-hidden="true">{data.errorCount}</span>
            <span className="sr-only">{t('canvas.node.problems', { count: data.errorCount })}</span>
          </span>
        )}
        {data.highlighted && <span className="sr-only">{t('canvas.node.highlighted')}</span>}
        {data.runMark === 'failed' && <span className="sr-only">{t('canvas.node.failedHere')}</span>}
        {data.runMark === 'current' && <span className="sr-only">{t('canvas.node.runIsHere')}</span>}
      </div>
      <NodeSummaryView entry={data.entry} config={data.config} />
      {data.ports.length > 0 && (
        <ul className="border-t border-slate-100 py-1">
          {data.ports.map((port, index) => (
            <NodePortRow
              key={port.id}
              port={port}
              index={index}
              name={rowLabels.get(port.id) ?? portName(port.id)}
              technicalId={technical && rowLabels.has(port.id) ? port.id : undefined}
              nodeName={name}
              summaryLines={data.summaryLines}
              taken={<PortTakenCount nodeId={id} port={port.id} />}
            />
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * React Flow measures handles once; when a split gains, loses or renames a branch without
 * changing size, it must be told to measure again or edges attach to ports that moved.
 */
function useHandlesFollowPorts(id: string, portKey: string) {
  const updateNodeInternals = useUpdateNodeInternals();
  const measured = useRef(portKey);
  useEffect(() => {
    if (measured.current === portKey) return;
    measured.current = portKey;
    updateNodeInternals(id);
  }, [id, portKey, updateNodeInternals]);
}

/** A flow node on the canvas. Memoised: panning and dragging must not re-render every node. */
export const FlowNode = memo(FlowNodeView);

// Module scope: a new object per render would make React Flow remount every node.
export const nodeTypes = { flow: FlowNode } satisfies NodeTypes;
