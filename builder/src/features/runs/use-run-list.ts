import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api/client.ts';
import type { RunFilter, RunPage, RunSummary } from '../../api/types.ts';
import { filterToApiQuery } from './run-filter.ts';

const pageSize = '50';

interface ListState {
  runs: RunSummary[];
  nextCursor: string | null;
  loading: boolean;
  error: string | null;
}

const firstLoad: ListState = { runs: [], nextCursor: null, loading: true, error: null };

/** The runs matching a filter, newest first, a page at a time (`loadMore` follows the cursor). */
export function useRunList(filter: RunFilter) {
  const query = filterToApiQuery(filter);
  const current = useRef(query);
  current.current = query;
  const [state, setState] = useState<ListState>(firstLoad);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let stale = false;
    setState(firstLoad);
    const params = new URLSearchParams(query);
    params.set('limit', pageSize);
    api<RunPage>('GET', `/runs?${params}`).then(
      (page) =>
        !stale && setState({ runs: page.items, nextCursor: page.nextCursor, loading: false, error: null }),
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
    const params = new URLSearchParams(query);
    params.set('limit', pageSize);
    params.set('cursor', nextCursor);
    try {
      const page = await api<RunPage>('GET', `/runs?${params}`);
      // The filter changed while this page loaded: it belongs to a list no longer shown.
      if (current.current !== query) return;
      setState((s) => {
        const known = new Set(s.runs.map((run) => run.id));
        return {
          runs: [...s.runs, ...page.items.filter((run) => !known.has(run.id))],
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
  return { ...state, loadMore, reload };
}
