import { useCallback } from 'react';
import { client, ok } from '../../api/client.ts';
import { usePoll } from '../../api/use-poll.ts';
import { useT } from '../../i18n/use-i18n.ts';

/** A bulk job as it goes: a bar, what succeeded and failed, and why each failure failed. */
export function BulkProgress({ jobId, total }: { jobId: string; total: number }) {
  const t = useT();
  const load = useCallback(
    () => ok(client.GET('/runs/bulk/{id}', { params: { path: { id: jobId } } })),
    [jobId],
  );
  const { data: job, error } = usePoll(load, 1000, (answer) => answer.status !== 'running');
  const done = job?.done ?? 0;
  const of = job?.total ?? total;
  const percent = of > 0 ? Math.round((done / of) * 100) : 100;
  return (
    <div className="space-y-2 text-sm">
      <div
        role="progressbar"
        aria-label={t('bulk.progress')}
        aria-valuemin={0}
        aria-valuemax={of}
        aria-valuenow={done}
        className="h-3 overflow-hidden rounded-full bg-slate-200"
      >
        <div
          className={`h-full ${job?.status === 'failed' ? 'bg-red-500' : 'bg-indigo-600'} transition-all`}
          style={{ width: `${percent}%` }}
        />
      </div>
      <p role="status" data-testid="bulk-status" data-job-status={job?.status ?? 'running'}>
        {job?.status === 'completed'
          ? t('bulk.finished', { done, total: of })
          : job?.status === 'failed'
            ? t('bulk.jobFailed', { done, total: of })
            : t('bulk.working', { done, total: of })}
      </p>
      {job && (
        <p>
          <span className="text-emerald-700">{t('bulk.succeeded', { count: job.succeeded })}</span>
          {' · '}
          <span className={job.failed > 0 ? 'font-medium text-red-700' : ''}>
            {t('bulk.failed', { count: job.failed })}
          </span>
        </p>
      )}
      {error && (
        <p role="alert" className="text-red-700">
          {t('common.error', { message: error })}
        </p>
      )}
      {job && job.errors.length > 0 && (
        <ul aria-label={t('bulk.errors')} className="max-h-40 space-y-1 overflow-auto rounded bg-red-50 p-2">
          {job.errors.map((item) => (
            <li key={item.runId} className="text-red-800">
              <a href={`#/runs/${item.runId}`} className="font-mono underline">
                {item.runId}
              </a>
              : {item.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
