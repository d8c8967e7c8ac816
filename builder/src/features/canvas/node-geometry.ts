import { Position, type NodeHandle } from '@xyflow/react';
import type { Size } from './types.ts';

// The node card has fixed sizes (flow-node.tsx, node-port-row.tsx), so its box and handles are
// known before it is drawn. Telling React Flow lets it skip drawing every node once just to
// measure it: on a 500-node flow only the nodes in view are mounted. A drawn node is still
// measured, and the measurement wins if it ever differs.

const rem = 16;
/** Card width (`w-56`) and border (`border-2`). */
export const cardWidth = 224;
const cardBorder = 2;
/** Header height (`h-14`). */
export const headerRem = 3.5;
/** Port list top padding (`py-1`) and the list's top border (`border-t`). */
export const listPaddingRem = 0.25;
const listBorder = 1;
/** Row height (`h-5`). */
export const rowRem = 1.25;
/** A summary line (`h-4`) and the summary block's bottom padding (`pb-2`): node-summary-view.tsx. */
export const summaryLineRem = 1;
export const summaryPaddingRem = 0.5;
/** Handles are 12px squares (`h-3 w-3`), pulled half out of the card (`-mt-1.5`, `-left-1.5`). */
const handleSize = 12;
const handleOverhang = 6;

/** Height of the lines of content a card shows under its header (canvas/node-summary.ts). */
function summaryRem(summaryLines: number): number {
  return summaryLines > 0 ? summaryLines * summaryLineRem + summaryPaddingRem : 0;
}

/** Height in pixels of a card's summary lines (0 without any). */
export function summaryHeightPx(summaryLines: number): number {
  return summaryRem(summaryLines) * rem;
}

/** The card's box with this many output ports and summary lines. */
export function nodeSize(portCount: number, summaryLines = 0): Size {
  const list = portCount > 0 ? listBorder + 2 * listPaddingRem * rem + portCount * rowRem * rem : 0;
  return { width: cardWidth, height: 2 * cardBorder + (headerRem + summaryRem(summaryLines)) * rem + list };
}

/** Top of the source handle of row `index`, from the card's padding box (as a CSS value). */
export function rowHandleTopPx(index: number, summaryLines = 0): number {
  return (
    (headerRem + summaryRem(summaryLines) + listPaddingRem + rowRem * (index + 0.5)) * rem +
    cardBorder +
    listBorder
  );
}

/** Where React Flow finds the input and each output port's handle, relative to the card. */
export function nodeHandles(
  ports: readonly string[],
  trigger: boolean,
  size: Size,
  summaryLines = 0,
): NodeHandle[] {
  const handles: NodeHandle[] = ports.map((id, index) => ({
    id,
    type: 'source',
    position: Position.Right,
    x: size.width - cardBorder + handleOverhang - handleSize,
    y: cardBorder + rowHandleTopPx(index, summaryLines) - handleOverhang,
    width: handleSize,
    height: handleSize,
  }));
  if (!trigger)
    handles.push({
      id: null,
      type: 'target',
      position: Position.Left,
      x: cardBorder - handleOverhang,
      y: cardBorder + (size.height - 2 * cardBorder) / 2 - handleOverhang,
      width: handleSize,
      height: handleSize,
    });
  return handles;
}
