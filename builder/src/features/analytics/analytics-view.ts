import type { FlowAnalytics, NodeAnalytics } from '../../api/types.ts';

/** How many times a port was left, by node and port. */
export function portCounts(figures: FlowAnalytics | null | undefined): Map<string, number> {
  const counts = new Map<string, number>();
  for (const node of figures?.nodes ?? [])
    for (const port of node.ports) counts.set(`${node.nodeId}\u0000${port.port}`, port.count);
  return counts;
}

export const portKey = (nodeId: string, port: string) => `${nodeId}\u0000${port}`;

export function nodeFigures(
  figures: FlowAnalytics | null | undefined,
  nodeId: string,
): NodeAnalytics | undefined {
  return figures?.nodes.find((n) => n.nodeId === nodeId);
}

const thinnest = 1.5;
const thickest = 12;

/**
 * An edge's stroke width for how many runs took its port: proportional to the busiest port of
 * the flow, never thinner than an edge without analytics, so a port nobody took still shows.
 */
export function edgeWidth(count: number, busiest: number): number {
  if (busiest <= 0 || count <= 0) return thinnest;
  return Math.round((thinnest + (thickest - thinnest) * (count / busiest)) * 10) / 10;
}

/** The busiest port's count, over both versions compared (so A and B widths read alike). */
export function busiestPort(...figures: (FlowAnalytics | null | undefined)[]): number {
  return Math.max(0, ...figures.flatMap((f) => f?.nodes.flatMap((n) => n.ports.map((p) => p.count)) ?? []));
}
