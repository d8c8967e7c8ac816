import type { RunDetail } from '../../api/types.ts';
import { useLocale, useT } from '../../i18n/use-i18n.ts';
import { elapsedMs, formatDuration } from './format-duration.ts';
import { RunStatusBadge } from './run-status-badge.tsx';
import { SubflowRunLinks } from './subflow-run-links.tsx';
import type { LiveMode } from './use-live-run.ts';

/** Which run this is: status, flow and version, contact, times, and the runs it is related to. */
export function RunHeader({ run, mode }: { run: RunDetail; mode: LiveMode }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const when = (iso: string) => new Date(iso).toLocaleString(locale);
  const duration = elapsedMs(run.startedAt, run.endedAt, Date.now());
  return (
    <div className="space-y-1 border-b border-slate-200 bg-white px-4 py-2">
      <div className="flex flex-wrap items-center gap-3">
        <RunStatusBadge status={run.status} />
        {mode !== 'ended' && (
          <span role="status" className="flex items-center gap-1 text-xs text-sky-800">
            <span aria-hidden="true" className="h-2 w-2 animate-pulse rounded-full bg-sky-500" />
            {mode === 'stream' ? t('run.live') : t('run.livePolling')}
          </span>
        )}
        <h1 className="text-lg font-semibold">
          <a href={`#/flows/${run.flowId}`} className="text-indigo-700 hover:underline">
            {t('run.flowVersion', { name: run.flowName, version: run.version })}
          </a>
        </h1>
        {run.test && (
          <span className="rounded bg-violet-100 px-1 text-xs text-violet-800">{t('runs.test')}</span>
        )}
        <a href={`#/flows/${run.flowId}/runs`} className="text-sm text-indigo-700 hover:underline">
          {t('run.allRunsOfFlow')}
        </a>
      </div>
      <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-700">
        <div>
          <dt className="inline text-slate-500">{t('run.contact')} </dt>
          <dd className="inline font-mono">{run.contact ?? '—'}</dd>
        </div>
        <div>
          <dt className="inline text-slate-500">{t('run.started')} </dt>
          <dd className="inline">{when(run.startedAt)}</dd>
        </div>
        <div>
          <dt className="inline text-slate-500">{t('run.ended')} </dt>
          <dd className="inline">{run.endedAt ? when(run.endedAt) : '—'}</dd>
        </div>
        <div>
          <dt className="inline text-slate-500">{t('runs.column.duration')} </dt>
          <dd className="inline tabular-nums">
            {duration === null ? '—' : formatDuration(duration, locale)}
          </dd>
        </div>
        <div>
          <dt className="inline text-slate-500">{t('run.id')} </dt>
          <dd className="inline font-mono text-xs">{run.id}</dd>
        </div>
        {run.rerunOf && (
          <div>
            <dt className="inline text-slate-500">{t('run.rerunOf')} </dt>
            <dd className="inline">
              <a href={`#/runs/${run.rerunOf}`} className="font-mono text-xs text-indigo-700 hover:underline">
                {run.rerunOf}
              </a>
            </dd>
          </div>
        )}
        {run.reruns.length > 0 && (
          <div>
            <dt className="inline text-slate-500">{t('run.reruns')} </dt>
            <dd className="inline space-x-2">
              {run.reruns.map((id) => (
                <a
                  key={id}
                  href={`#/runs/${id}`}
                  className="font-mono text-xs text-indigo-700 hover:underline"
                >
                  {id}
                </a>
              ))}
            </dd>
          </div>
        )}
        <SubflowRunLinks run={run} />
      </dl>
    </div>
  );
}
