/** How a node of a path compares: on the shared start, the first one to differ, or after that. */
export type ChipState = 'same' | 'diverged' | 'after';

/** A node of a path as the diff draws it; `nodeId: null` is where a path ends early. */
export interface DiffChip {
  nodeId: string | null;
  state: ChipState;
}

export interface PathDiff {
  original: DiffChip[];
  draft: DiffChip[];
  /** Where the paths part; null when they are the same. */
  index: number | null;
}

/** The first index where two paths differ (one ending counts), or null when they are equal. */
export function firstDivergence(a: readonly string[], b: readonly string[]): number | null {
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) if (a[i] !== b[i]) return i;
  return null;
}

function chips(path: readonly string[], index: number | null): DiffChip[] {
  const list: DiffChip[] = path.map((nodeId, i) => ({
    nodeId,
    state: index === null || i < index ? 'same' : i === index ? 'diverged' : 'after',
  }));
  // The shorter path ended where the other went on: show that end as its divergence.
  if (index !== null && index === path.length) list.push({ nodeId: null, state: 'diverged' });
  return list;
}

/**
 * Two paths side by side, split where they part. The server's `divergedAt` wins when it gives
 * one (it knows about loops and retries); otherwise the first differing index is used.
 */
export function pathDiff(
  original: readonly string[],
  draft: readonly string[],
  divergedAt?: { index: number } | null,
): PathDiff {
  const index = divergedAt ? divergedAt.index : firstDivergence(original, draft);
  return { original: chips(original, index), draft: chips(draft, index), index };
}
