import type { CatalogEntry, ValidationIssue } from '../../api/types.ts';
import { useFlowStore } from '../canvas/flow-store.ts';

/** What a problem's one-click fix adds at the open port (runtime forgotten-ports-rule.ts `fix`). */
const fixNodeTypes = { hangup: 'voice.hangup', end: 'flow.end' } as const;
export type ProblemFix = keyof typeof fixNodeTypes;

/** The fix a problem offers, or null when it has none. */
export function problemFix(issue: ValidationIssue): ProblemFix | null {
  const fix = issue.params?.fix;
  return issue.nodeId && typeof issue.params?.portId === 'string' && (fix === 'hangup' || fix === 'end')
    ? fix
    : null;
}

/**
 * Adds a hang-up (voice) or an end node beside the problem's node and wires the open port to
 * it; false when the problem has no fix or the flow has changed so it no longer applies.
 */
export function applyProblemFix(issue: ValidationIssue, catalog: readonly CatalogEntry[]): boolean {
  const fix = problemFix(issue);
  const port = issue.params?.portId;
  if (!fix || typeof port !== 'string') return false;
  const entry = catalog
    .filter((c) => c.type === fixNodeTypes[fix])
    .reduce<CatalogEntry | undefined>(
      (newest, c) => (newest && newest.version > c.version ? newest : c),
      undefined,
    );
  const store = useFlowStore.getState();
  const source = store.doc?.nodes.find((n) => n.id === issue.nodeId);
  if (!entry || !source) return false;
  // Right of the node and below its main exit, where the open port usually sits.
  const id = store.addNode(entry, { x: source.position.x + 300, y: source.position.y + 160 });
  if (!id) return false;
  return useFlowStore.getState().connect({ source: source.id, sourceHandle: port, target: id });
}
