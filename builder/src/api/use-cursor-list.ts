import { useCallback, useEffect, useRef, useState } from 'react';

const pageSize = 50;

/** One page of a cursor-paged list, as the API answers it. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Which page to read: the first (no cursor) or the one after a cursor. */
export interface PageRequest {
  limit: number;
  cursor?: string;
}

interface ListState<T> {
  items: T[];
  nextCursor: string | null;
  loading: boolean;
  error: string | null;
}

/**
 * What a cursor-paged list endpoint (`/runs`, `/calls`, `/recordings`) answers for a query, newest
 * first, a page at a time (`loadMore` follows the cursor; a page for a query no longer shown is
 * dropped). `query` names the list shown (it is read again when it changes); `loadPage` reads one
 * page of it.
 */
export function useCursorList<T extends { id: string }>(
  query: string,
  loadPage: (page: PageRequest) => Promise<Page<T>>,
) {
  const current = useRef(query);
  current.current = query;
  const load = useRef(loadPage);
  load.current = loadPage;
  const [state, setState] = useState<ListState<T>>({
    items: [],
    nextCursor: null,
    loading: true,
    error: null,
  });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let stale = false;
    setState({ items: [], nextCursor: null, loading: true, error: null });
    load.current({ limit: pageSize }).then(
      (page) =>
        !stale && setState({ items: page.items, nextCursor: page.nextCursor, loading: false, error: null }),
      (e: unknown) => !stale && setState((s) => ({ ...s, loading: false, error: (e as Error).message })),
    );
    return () => {
      stale = true;
    };
  }, [query, generation]);

  const { nextCursor, loading } = state;
  const loadMore = useCallback(async () => {
    if (!nextCursor || loading) return;
    setState((s) => ({ ...s, loading: true }));
    try {
      const page = await load.current({ limit: pageSize, cursor: nextCursor });
      // The search changed while this page loaded: it belongs to a list no longer shown.
      if (current.current !== query) return;
      setState((s) => {
        const known = new Set(s.items.map((item) => item.id));
        return {
          items: [...s.items, ...page.items.filter((item) => !known.has(item.id))],
          nextCursor: page.nextCursor,
          loading: false,
          error: null,
        };
      });
    } catch (e) {
      if (current.current === query) setState((s) => ({ ...s, loading: false, error: (e as Error).message }));
    }
  }, [query, nextCursor, loading]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  /** Drops one item without reading the list again (after deleting it). */
  const remove = useCallback(
    (id: string) => setState((s) => ({ ...s, items: s.items.filter((item) => item.id !== id) })),
    [],
  );
  return { ...state, loadMore, reload, remove };
}
