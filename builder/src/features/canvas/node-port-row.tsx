import { Handle, Position } from '@xyflow/react';
import type { CSSProperties } from 'react';
import { useT } from '../../i18n/use-i18n.ts';
import type { PortView } from './types.ts';

// Handles are placed with offsets from the node's box rather than React Flow's centring transform
// inside a positioned row: with hundreds of nodes on screen, every transformed or positioned
// element adds to Chromium's hit testing and layerizing on each pan frame (about a quarter
// of it, measured on 500 nodes). The offsets follow the node's fixed header and row heights.
export const handleClasses = 'h-3! w-3! -mt-1.5! transform-none!';
/** Header height, in flow-node.tsx as `h-14`. */
const headerRem = 3.5;
/** Port list top padding (`py-1`). */
const listPaddingRem = 0.25;
/** Row height (`h-5`). */
const rowRem = 1.25;

const rowHandleStyles: CSSProperties[] = [];
function rowHandleStyle(index: number): CSSProperties {
  rowHandleStyles[index] ??= {
    // + the card's 2px border and the list's 1px top border.
    top: `calc(${headerRem + listPaddingRem + rowRem * (index + 0.5)}rem + 3px)`,
  };
  return rowHandleStyles[index];
}

export interface NodePortRowProps {
  port: PortView;
  index: number;
  name: string;
  nodeName: string;
}

/** One output port: its name, a "required" mark while unwired, and its own source handle. */
export function NodePortRow({ port, index, name, nodeName }: NodePortRowProps) {
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
      <span className={missing ? 'text-red-700' : undefined}>{name}</span>
      <Handle
        type="source"
        position={Position.Right}
        id={port.id}
        aria-label={t('canvas.node.output', { port: name, node: nodeName })}
        style={rowHandleStyle(index)}
        className={`${handleClasses} -right-1.5! ${missing ? 'bg-red-500!' : 'bg-slate-500!'}`}
      />
    </li>
  );
}
