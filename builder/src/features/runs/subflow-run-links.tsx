import type { RunDetail } from '../../api/types.ts';
import { useT } from '../../i18n/use-i18n.ts';
import { RunStatusBadge } from './run-status-badge.tsx';

/**
 * A subflow run's way up to the run whose "Call a flow" started it, and a calling run's way down to
 * each run it started, named by flow so the designer need not read ids.
 */
export function SubflowRunLinks({ run }: { run: RunDetail }) {
  const t = useT();
  return (
    <>
      {run.parentRunId && (
        <div>
          <dt className="inline text-slate-500">{t('run.parentRun')} </dt>
          <dd className="inline">
            <a href={`#/runs/${run.parentRunId}`} className="text-indigo-700 hover:underline">
              {t('run.parentRunLink')}
            </a>
          </dd>
        </div>
      )}
      {run.childRuns.length > 0 && (
        <div>
          <dt className="inline text-slate-500">{t('run.childRuns')} </dt>
          <dd className="inline-flex flex-wrap gap-x-3 gap-y-1">
            {run.childRuns.map((child) => (
              <span key={child.id} className="inline-flex items-center gap-1">
                <a
                  href={`#/runs/${child.id}`}
                  aria-label={t('run.childRunLink', {
                    flow: child.flowName,
                    status: t(`runs.status.${child.status}`),
                  })}
                  className="text-indigo-700 hover:underline"
                >
                  {child.flowName}
                </a>
                <RunStatusBadge status={child.status} />
              </span>
            ))}
          </dd>
        </div>
      )}
    </>
  );
}
