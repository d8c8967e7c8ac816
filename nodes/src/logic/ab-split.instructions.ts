import { renderText } from '../sdk/expressions/index.ts';
import { defineInstructions, scopeOf, type RunContext } from '../sdk/instructions/index.ts';

// What logic.ab-split decides inside the workflow: which share of 100 a run falls in. Pure and
// deterministic (no Math.random, no clock): a replay, or the same person in a later run, lands
// in the same branch.

declare module '../sdk/instructions/instruction-params.ts' {
  interface GuardParams {
    /** The run's bucket (0–99) for this node is below `upTo` (the branches' shares so far). */
    abBucketBelow: { nodeId: string; upTo: number; by: string };
  }
}

// The trigger input fields that name the person, in the order runtime/src/runs/contact-of.ts reads them.
const contactFields = ['contact', 'contactId', 'phone', 'email', 'from', 'to'] as const;

/** FNV-1a, 32 bits: small, pure and spread well enough for 100 buckets. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Who the split is stable for: the `by` template, else the contact the trigger names, else the run. */
export function splitKey(context: RunContext, by: string): string {
  if (by.trim()) {
    try {
      const key = renderText(by, scopeOf(context)).trim();
      if (key) return `by:${key}`;
    } catch {
      // A template that cannot be rendered splits as if it were empty.
    }
  }
  const input = context.input;
  if (input !== null && typeof input === 'object') {
    for (const field of contactFields) {
      const value = (input as Record<string, unknown>)[field];
      if (typeof value === 'string' && value.trim()) return `contact:${value.trim().toLowerCase()}`;
    }
  }
  return `run:${context.run.id}`;
}

/** The bucket (0–99) a run falls in at one split node: salted by the node, so splits are independent. */
export function splitBucket(context: RunContext, nodeId: string, by: string): number {
  return fnv1a(`${nodeId}|${splitKey(context, by)}`) % 100;
}

export const abSplitInstructions = defineInstructions({
  actions: {},
  guards: {
    abBucketBelow: ({ context }, { nodeId, upTo, by }) => splitBucket(context, nodeId, by) < upTo,
  },
});
