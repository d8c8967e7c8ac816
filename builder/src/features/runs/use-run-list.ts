import { client, ok } from '../../api/client.ts';
import type { RunFilter } from '../../api/types.ts';
import { useCursorList } from '../../api/use-cursor-list.ts';

/** The runs matching a filter, newest first, a page at a time (`loadMore` follows the cursor). */
export function useRunList(filter: RunFilter) {
  return useCursorList(JSON.stringify(filter), (page) =>
    ok(client.GET('/runs', { params: { query: { ...filter, ...page } } })),
  );
}
