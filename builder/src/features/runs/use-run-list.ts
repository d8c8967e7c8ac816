import type { RunFilter, RunSummary } from '../../api/types.ts';
import { useCursorList } from '../../api/use-cursor-list.ts';
import { filterToApiQuery } from './run-filter.ts';

/** The runs matching a filter, newest first, a page at a time (`loadMore` follows the cursor). */
export function useRunList(filter: RunFilter) {
  return useCursorList<RunSummary>('/runs', filterToApiQuery(filter));
}
