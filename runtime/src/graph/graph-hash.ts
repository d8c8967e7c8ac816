import { createHash } from 'node:crypto';

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** SHA-256 of the graph with keys sorted, so equal graphs hash equal however they were saved. */
export function graphHash(graph: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical(graph)))
    .digest('hex');
}
