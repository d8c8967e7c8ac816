import type { CatalogEntry } from '../../api/types.ts';

/**
 * Output ports of a node. With `portRows` (a split's `branches`, a menu's `options`) the rows' ids
 * come first, then the fixed ports (`else`). The config may be half-edited, so anything that is
 * not a non-empty string id is skipped rather than trusted.
 */
export function nodePorts(entry: CatalogEntry | undefined, config: Record<string, unknown>): string[] {
  if (!entry) return [];
  if (!entry.portRows) return [...entry.ports];
  const ids: string[] = [];
  const rows = config[entry.portRows];
  if (Array.isArray(rows)) {
    for (const branch of rows) {
      if (typeof branch !== 'object' || branch === null || !('id' in branch)) continue;
      if (typeof branch.id === 'string' && branch.id !== '') ids.push(branch.id);
    }
  }
  return [...new Set([...ids, ...entry.ports])];
}
