import type { CatalogEntry } from '../../api/types.ts';

/**
 * Output ports of a node. With `dynamicPorts` (logic.split) the config's `branches[].id` come
 * first, then the fixed ports (`else`). The config may be half-edited, so anything that is not a
 * non-empty string id is skipped rather than trusted.
 */
export function nodePorts(entry: CatalogEntry | undefined, config: Record<string, unknown>): string[] {
  if (!entry) return [];
  if (!entry.dynamicPorts) return [...entry.ports];
  const ids: string[] = [];
  const branches = config['branches'];
  if (Array.isArray(branches)) {
    for (const branch of branches) {
      if (typeof branch !== 'object' || branch === null || !('id' in branch)) continue;
      if (typeof branch.id === 'string' && branch.id !== '') ids.push(branch.id);
    }
  }
  return [...new Set([...ids, ...entry.ports])];
}
