import { useCallback, useEffect, useMemo, useState } from 'react';
import { client, ok } from '../../api/client.ts';
import type { RunFilter } from '../../api/types.ts';
import { usePoll } from '../../api/use-poll.ts';
import { useT } from '../../i18n/use-i18n.ts';
import { navigate } from '../../use-route.ts';
import { BulkActions } from './bulk-actions.tsx';
import { filterFromQuery, runsRoute, toggleStatus, withoutStatus } from './run-filter.ts';
import { RunFilterBar } from './run-filter-bar.tsx';
import { RunsTable } from './runs-table.tsx';
import { StatusCountChips } from './status-count-chips.tsx';
import { useRunList } from './use-run-list.ts';
import { useCan } from '../roles/permissions.tsx';

/** How often the status counts are read again while the list is open. */
const countsEveryMs = 3000;

/**
 * Every run (`#/runs`) or one flow's (`#/flows/<id>/runs`), filtered by what the hash query says,
 * with live counts per status and bulk actions on whatever the filter matches.
 */
export function RunsPage({ flowId, query }: { flowId: string | null; query: URLSearchParams }) {
  const t = useT();
  const can = useCan();
  const queryText = query.toString();
  // The hash is the source of truth: parse it once per change, not per render.
  const filter = useMemo(() => filterFromQuery(new URLSearchParams(queryText), flowId), [queryText, flowId]);
  const list = useRunList(filter);
  const [flowName, setFlowName] = useState<string | null>(null);

  const countQuery = useMemo(() => withoutStatus(filter), [filter]);
  const loadCounts = useCallback(
    () => ok(client.GET('/runs/counts', { params: { query: countQuery } })),
    [countQuery],
  );
  const counts = usePoll(loadCounts, countsEveryMs);

  useEffect(() => {
    setFlowName(null);
    if (!flowId) return;
    let stale = false;
    ok(client.GET('/flows/{id}', { params: { path: { id: flowId } } })).then(
      (flow) => !stale && setFlowName(flow.name),
      () => !stale && setFlowName(null),
    );
    return () => {
      stale = true;
    };
  }, [flowId]);

  const show = (next: RunFilter) => navigate(runsRoute(next));

  return (
    <main className="mx-auto max-w-7xl space-y-4 p-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">
          {flowId ? t('runs.titleOfFlow', { name: flowName ?? '…' }) : t('runs.title')}
        </h1>
        {flowId && (
          <a href={`#/flows/${flowId}`} className="text-sm text-indigo-700 hover:underline">
            {t('runs.openFlow')}
          </a>
        )}
        <button
          type="button"
          onClick={list.reload}
          className="ml-auto rounded border border-slate-300 bg-white px-3 py-1 text-sm"
        >
          {t('runs.refresh')}
        </button>
      </div>
      <StatusCountChips
        selected={filter.status ?? []}
        counts={counts.data}
        onToggle={(status) => show(toggleStatus(filter, status))}
      />
      {counts.error && (
        <p role="alert" className="text-sm text-red-700">
          {t('runs.countsFailed', { message: counts.error })}
        </p>
      )}
      <RunFilterBar filter={filter} showVersion={flowId !== null} onChange={show} />
      {can('runs:operate') && <BulkActions filter={filter} onDone={list.reload} />}
      {list.error && (
        <p role="alert" className="text-red-700">
          {t('common.error', { message: list.error })}
        </p>
      )}
      {list.items.length > 0 ? (
        <RunsTable runs={list.items} showFlow={flowId === null} />
      ) : (
        !list.loading && !list.error && <p className="text-slate-600">{t('runs.empty')}</p>
      )}
      {list.loading && <p>{t('common.loading')}</p>}
      {list.nextCursor && !list.loading && (
        <button
          type="button"
          onClick={() => void list.loadMore()}
          className="rounded border border-slate-300 bg-white px-3 py-1 text-sm"
        >
          {t('runs.loadMore')}
        </button>
      )}
    </main>
  );
}
