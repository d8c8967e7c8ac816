import type { RunStep } from '../../api/types.ts';

/**
 * The step to show when a node is picked on the canvas: the selected step if it is already on
 * that node (a node visited in a loop keeps the visit the user chose), else its latest visit;
 * null when the run never reached the node.
 */
export function stepForNode(
  steps: readonly RunStep[],
  nodeId: string,
  selectedSeq: number | null,
): number | null {
  const visits = steps.filter((s) => s.nodeId === nodeId);
  if (visits.some((s) => s.seq === selectedSeq)) return selectedSeq;
  return visits.at(-1)?.seq ?? null;
}
