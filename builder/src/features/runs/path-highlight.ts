import type { FlowDocument, RunDetail } from '../../api/types.ts';
import type { RunHighlight } from '../canvas/types.ts';
import { pathOf } from '../simulator/path-of.ts';

/**
 * The edges along a path of node ids: for each consecutive pair, the edge from one to the other.
 * Used where only the nodes are known (an expired run's summary, a what-if path); a pair with no
 * edge between them (the graph changed) lights no edge.
 */
export function edgesAlong(doc: FlowDocument, path: readonly string[]): string[] {
  const edges: string[] = [];
  for (let i = 0; i + 1 < path.length; i++) {
    const edge = doc.edges.find((e) => e.from.node === path[i] && e.to.node === path[i + 1]);
    if (edge && !edges.includes(edge.id)) edges.push(edge.id);
  }
  return edges;
}

/** The path a list of node ids takes over a graph, as the canvas draws it. */
export function pathHighlight(doc: FlowDocument, path: readonly string[]): RunHighlight {
  return { nodes: [...new Set(path)], edges: edgesAlong(doc, path) };
}

const isLive = (status: RunDetail['status']) => status === 'running' || status === 'waiting';

/**
 * What the canvas shows of a run: the path taken (from its steps, or from the summary once the
 * details expired), the node it failed at, and the nodes it is at now.
 */
export function runHighlight(run: RunDetail): RunHighlight {
  const path =
    run.detailsExpired && run.summary
      ? pathHighlight(run.graph, run.summary.path)
      : pathOf(run.graph, run.steps);
  const failedAt = run.failedNodeId ?? (run.status === 'failed' ? run.error?.nodeId : undefined);
  return {
    ...path,
    failed: failedAt ? [failedAt] : [],
    current: isLive(run.status) ? run.currentNodes : [],
  };
}
