import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from './client.ts';
import type { Page } from './types.ts';

const pageSize = '50';

interface ListState<T> {
  items: T[];
  nextCursor: string | null;
  loading: boolean;
  error: string | null;
}

/**
 * What a cursor-paged list endpoint (`/runs`, `/calls`, `/recordings`) answers for a query, newest
 * first, a page at a time (`loadMore` follows the cursor; a page for a query no longer shown is
 * dropped).
 */
export function useCursorList<T extends { id: string }>(path: string, query: string) {
  const current = useRef(query);
  current.current = query;
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
    const params = new URLSearchParams(query);
    params.set('limit', pageSize);
    api<Page<T>>('GET', `${path}?${params}`).then(
      (page) =>
        !stale && setState({ items: page.items, nextCursor: page.nextCursor, loading: false, error: null }),
      (e: unknown) => !stale && setState((s) => ({ ...s, loading: false, error: (e as Error).message })),
    );
    return () => {
      stale = true;
    };
  }, [path, query, generation]);

  const { nextCursor, loading } = state;
  const loadMore = useCallback(async () => {
    if (!nextCursor || loading) return;
    setState((s) => ({ ...s, loading: true }));
    const params = new URLSearchParams(query);
    params.set('limit', pageSize);
    params.set('cursor', nextCursor);
    try {
      const page = await api<Page<T>>('GET', `${path}?${params}`);
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
  }, [path, query, nextCursor, loading]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  /** Drops one item without reading the list again (after deleting it). */
  const remove = useCallback(
    (id: string) => setState((s) => ({ ...s, items: s.items.filter((item) => item.id !== id) })),
    [],
  );
  return { ...state, loadMore, reload, remove };
}
