/** One field of a resource before and after a change, as text a person can compare. */
export interface DiffRow {
  field: string;
  before: string | null;
  after: string | null;
  changed: boolean;
}

const asText = (value: unknown): string | null =>
  value === undefined || value === null
    ? null
    : typeof value === 'string'
      ? value
      : JSON.stringify(value, null, 2);

const fieldsOf = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

/**
 * The fields of before and after side by side, changed ones first. Top-level fields only: a flow's
 * whole graph is one field, shown as JSON, which is what a reviewer compares.
 */
export function diffRows(before: unknown, after: unknown): DiffRow[] {
  const old = fieldsOf(before);
  const now = fieldsOf(after);
  const names = [...new Set([...Object.keys(old), ...Object.keys(now)])];
  const rows = names.map((field) => {
    const a = asText(old[field]);
    const b = asText(now[field]);
    return { field, before: a, after: b, changed: a !== b };
  });
  return [...rows.filter((r) => r.changed), ...rows.filter((r) => !r.changed)];
}
