import type { RunDetail } from '../../api/types.ts';
import { useT } from '../../i18n/use-i18n.ts';

/** What remains of a run whose details passed the retention period: its path and where it ended. */
export function ExpiredSummary({ run }: { run: RunDetail }) {
  const t = useT();
  const labelOf = (nodeId: string) => run.graph.nodes.find((n) => n.id === nodeId)?.label || nodeId;
  return (
    <section aria-label={t('run.expired.title')} className="space-y-2 text-sm">
      <p role="note" className="rounded border border-slate-300 bg-slate-100 p-2 text-slate-700">
        {t('run.expired.note')}
      </p>
      {run.summary ? (
        <>
          <p>{t('run.expired.steps', { count: run.summary.stepCount })}</p>
          <ol aria-label={t('run.expired.path')} className="flex flex-wrap items-center gap-1">
            {run.summary.path.map((nodeId, i) => (
              <li key={i} className="flex items-center gap-1">
                {i > 0 && <span aria-hidden="true">→</span>}
                <span
                  className={`rounded px-1.5 py-0.5 font-mono text-xs ${nodeId === run.failedNodeId ? 'bg-red-100 text-red-800' : 'bg-slate-200'}`}
                >
                  {labelOf(nodeId)}
                </span>
              </li>
            ))}
          </ol>
          {run.summary.lastNodeId && (
            <p>{t('run.expired.last', { node: labelOf(run.summary.lastNodeId) })}</p>
          )}
        </>
      ) : (
        <p>{t('run.expired.noSummary')}</p>
      )}
    </section>
  );
}
