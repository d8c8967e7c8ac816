import type { FlowDocument } from '../../api/types.ts';

/** Up to this many nodes a flow opens whole; a bigger one opens on its start. */
export const openWholeUpTo = 100;
/** How many nodes from the trigger on the opening view of a big flow. */
const openingNodes = 24;

/**
 * The nodes a newly opened flow is fitted to: all of them when it is small; when it is big, its
 * trigger and the first nodes after it. Fitting 500 nodes makes every card unreadable and makes
 * the browser draw them all; the designer starts reading a flow where it starts, and the fit
 * button (or F) still shows the whole of it.
 */
export function openingView(doc: Pick<FlowDocument, 'nodes' | 'edges' | 'trigger'>): string[] | null {
  if (doc.nodes.length <= openWholeUpTo) return null;
  const start = doc.trigger?.node ?? doc.nodes[0]?.id;
  if (start === undefined) return null;
  const next = new Map<string, string[]>();
  for (const edge of doc.edges) next.set(edge.from.node, [...(next.get(edge.from.node) ?? []), edge.to.node]);
  const seen = new Set([start]);
  const queue = [start];
  for (let i = 0; i < queue.length && seen.size < openingNodes; i++)
    for (const target of next.get(queue[i]!) ?? []) {
      if (seen.size >= openingNodes) break;
      if (seen.has(target)) continue;
      seen.add(target);
      queue.push(target);
    }
  return [...seen];
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const readableZoom = { min: 0.6, max: 1 };
const margin = 40;

/**
 * The viewport that shows `bounds` (the opening nodes) in a pane of `pane` pixels at a readable
 * zoom: centred when they fit; when they do not, the `start` node sits near the top-left edge
 * so the flow reads from its beginning.
 */
export function openingViewport(
  bounds: Box,
  start: { x: number; y: number },
  pane: { width: number; height: number },
) {
  const fit = Math.min((pane.width - 2 * margin) / bounds.width, (pane.height - 2 * margin) / bounds.height);
  const zoom = Math.min(Math.max(fit, readableZoom.min), readableZoom.max);
  const place = (size: number, paneSize: number, from: number, startAt: number) =>
    size * zoom <= paneSize - 2 * margin
      ? (paneSize - size * zoom) / 2 - from * zoom
      : margin - startAt * zoom;
  return {
    x: place(bounds.width, pane.width, bounds.x, start.x),
    y: place(bounds.height, pane.height, bounds.y, start.y),
    zoom,
  };
}
