import type { CatalogEntry } from '../../api/types.ts';

/**
 * The labels the designer typed for a node's row ports (a menu's options, a split's branches),
 * by port id. The id is a slug made for the engine; the card shows what the person wrote, and a
 * row with no label yet keeps its id so the port still has a name.
 */
export function rowPortLabels(
  entry: CatalogEntry | undefined,
  config: Record<string, unknown>,
): ReadonlyMap<string, string> {
  const labels = new Map<string, string>();
  const rows = entry?.portRows ? config[entry.portRows] : undefined;
  if (!Array.isArray(rows)) return labels;
  for (const row of rows) {
    if (typeof row !== 'object' || row === null) continue;
    const { id, label } = row as { id?: unknown; label?: unknown };
    if (typeof id !== 'string' || typeof label !== 'string' || label.trim() === '') continue;
    if (!labels.has(id)) labels.set(id, label.trim());
  }
  return labels;
}
