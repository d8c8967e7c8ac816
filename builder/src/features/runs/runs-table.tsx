import type { RunSummary } from '../../api/types.ts';
import { useLocale, useT } from '../../i18n/use-i18n.ts';
import { navigate } from '../../use-route.ts';
import { elapsedMs, formatDuration } from './format-duration.ts';
import { RunStatusBadge } from './run-status-badge.tsx';
import { skipReasonText } from './skip-reason-text.ts';

const cell = 'px-3 py-2 align-top';

/** A page of runs; a row opens the run (its status is also a link, for keyboards and new tabs). */
export function RunsTable({ runs, showFlow }: { runs: readonly RunSummary[]; showFlow: boolean }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const now = Date.now();
  return (
    <table className="w-full border-collapse text-sm">
      <thead className="border-b border-slate-300 text-left text-slate-600">
        <tr>
          <th className={cell}>{t('runs.column.status')}</th>
          {showFlow && <th className={cell}>{t('runs.column.flow')}</th>}
          <th className={cell}>{t('runs.column.version')}</th>
          <th className={cell}>{t('runs.column.contact')}</th>
          <th className={cell}>{t('runs.column.node')}</th>
          <th className={cell}>{t('runs.column.started')}</th>
          <th className={cell}>{t('runs.column.duration')}</th>
        </tr>
      </thead>
      <tbody>
        {runs.map((run) => {
          const duration = elapsedMs(run.startedAt, run.endedAt, now);
          return (
            <tr
              key={run.id}
              data-run-id={run.id}
              onClick={() => navigate(`/runs/${run.id}`)}
              className="cursor-pointer border-b border-slate-100 bg-white hover:bg-indigo-50"
            >
              <td className={cell}>
                <a
                  href={`#/runs/${run.id}`}
                  onClick={(e) => e.stopPropagation()}
                  aria-label={t('runs.open', { status: t(`runs.status.${run.status}`), id: run.id })}
                >
                  <RunStatusBadge status={run.status} />
                </a>
                {run.test && (
                  <span className="ml-1 rounded bg-violet-100 px-1 text-xs text-violet-800">
                    {t('runs.test')}
                  </span>
                )}
                {run.detailsExpired && (
                  <span
                    className="ml-1 rounded bg-slate-100 px-1 text-xs text-slate-600"
                    title={t('runs.expiredHint')}
                  >
                    {t('runs.expired')}
                  </span>
                )}
              </td>
              {showFlow && <td className={cell}>{run.flowName}</td>}
              <td className={cell}>v{run.version}</td>
              <td className={`${cell} font-mono`}>{run.contact ?? '—'}</td>
              <td className={`${cell} font-mono`}>
                {run.status === 'skipped' ? (
                  <span className="font-sans text-slate-600">
                    {t('runs.skipped', { reason: skipReasonText(t, run.skipReason) })}
                  </span>
                ) : run.failedNodeId ? (
                  <span className="text-red-700">
                    <span className="sr-only">{t('runs.failedAt')} </span>✕ {run.failedNodeId}
                  </span>
                ) : run.currentNodes.length > 0 ? (
                  <span>
                    <span className="sr-only">{t('runs.currentlyAt')} </span>
                    {run.currentNodes.join(', ')}
                  </span>
                ) : (
                  '—'
                )}
              </td>
              <td className={`${cell} whitespace-nowrap`}>
                {new Date(run.startedAt).toLocaleString(locale)}
              </td>
              <td className={`${cell} whitespace-nowrap tabular-nums`}>
                {duration === null ? '—' : formatDuration(duration, locale)}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
