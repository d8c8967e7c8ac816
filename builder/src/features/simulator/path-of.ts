import type { FlowDocument } from '../../api/types.ts';
import type { RunStep } from './use-run-polling.ts';

export interface RunPath {
  nodes: string[];
  edges: string[];
}

/** The edges a run went along: each left step's port, matched to the edge leaving by it. */
export function pathOf(doc: FlowDocument, steps: readonly RunStep[]): RunPath {
  const edges = steps.flatMap((s) =>
    s.port
      ? doc.edges.filter((e) => e.from.node === s.nodeId && e.from.port === s.port).map((e) => e.id)
      : [],
  );
  return { nodes: [...new Set(steps.map((s) => s.nodeId))], edges };
}
