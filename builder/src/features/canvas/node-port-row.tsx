import { Handle, Position } from '@xyflow/react';
import type { CSSProperties, ReactNode } from 'react';
import { useT } from '../../i18n/use-i18n.ts';
import { rowHandleTopPx } from './node-geometry.ts';
import type { PortView } from './types.ts';

// Handles are placed with offsets from the node's box rather than React Flow's centring transform
// inside a positioned row: with hundreds of nodes on screen, every transformed or positioned
// element adds to Chromium's hit testing and layerizing on each pan frame (about a quarter
// of it, measured on 500 nodes). The offsets follow the node's fixed header and row heights
// (node-geometry.ts, which also tells React Flow where the handles are before it draws them).
export const handleClasses = 'h-3! w-3! -mt-1.5! transform-none!';

const rowHandleStyles = new Map<string, CSSProperties>();
function rowHandleStyle(index: number, summaryLines: number): CSSProperties {
  const key = `${index}:${summaryLines}`;
  let style = rowHandleStyles.get(key);
  if (!style) {
    style = { top: `${rowHandleTopPx(index, summaryLines)}px` };
    rowHandleStyles.set(key, style);
  }
  return style;
}

export interface NodePortRowProps {
  port: PortView;
  index: number;
  name: string;
  nodeName: string;
  /** The port's id beside its label, when technical details are asked for. */
  technicalId?: string;
  /** Lines of content above the ports (the handle sits lower by as much). */
  summaryLines?: number;
  /** How many runs left by this port, in analytics mode (analytics/port-taken-count.tsx). */
  taken?: ReactNode;
}

/** One output port: its name, a "required" mark while unwired, and its own source handle. */
export function NodePortRow({
  port,
  index,
  name,
  nodeName,
  technicalId,
  summaryLines = 0,
  taken,
}: NodePortRowProps) {
  const t = useT();
  const missing = port.required && !port.wired;
  return (
    <li
      className="flex h-5 items-center justify-end gap-1 pr-4 pl-3 text-xs text-slate-600"
      data-port={port.id}
    >
      {missing && (
        <span className="font-bold text-red-600" title={t('canvas.node.required')}>
          <span aria-hidden="true">*</span>
          <span className="sr-only">{t('canvas.node.required')}</span>
        </span>
      )}
      {taken}
      <span className={`min-w-0 truncate ${missing ? 'text-red-700' : ''}`}>{name}</span>
      {technicalId && <span className="shrink-0 font-mono text-slate-400">{technicalId}</span>}
      <Handle
        type="source"
        position={Position.Right}
        id={port.id}
        aria-label={t('canvas.node.output', { port: name, node: nodeName })}
        style={rowHandleStyle(index, summaryLines)}
        className={`${handleClasses} -right-1.5! ${missing ? 'bg-red-500!' : 'bg-slate-500!'}`}
      />
    </li>
  );
}
