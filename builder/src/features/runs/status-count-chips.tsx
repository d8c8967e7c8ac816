import { runStatuses, type RunCounts, type RunStatus } from '../../api/types.ts';
import { useLocale, useT } from '../../i18n/use-i18n.ts';

const pressedLooks: Record<RunStatus, string> = {
  running: 'border-sky-500 bg-sky-100',
  waiting: 'border-amber-500 bg-amber-100',
  completed: 'border-emerald-500 bg-emerald-100',
  failed: 'border-red-500 bg-red-100',
  cancelled: 'border-slate-500 bg-slate-200',
  abandoned: 'border-amber-500 bg-amber-100',
  skipped: 'border-slate-400 bg-slate-100',
};

/**
 * One toggle per status with its live count for the rest of the filter: pressing one or more
 * narrows the list to those statuses.
 */
export function StatusCountChips({
  selected,
  counts,
  onToggle,
}: {
  selected: readonly RunStatus[];
  counts: RunCounts | undefined;
  onToggle: (status: RunStatus) => void;
}) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const number = new Intl.NumberFormat(locale);
  return (
    <div role="group" aria-label={t('runs.filter.status')} className="flex flex-wrap items-center gap-2">
      {runStatuses.map((status) => {
        const pressed = selected.includes(status);
        const count = counts?.counts[status];
        return (
          <button
            key={status}
            type="button"
            aria-pressed={pressed}
            data-status={status}
            onClick={() => onToggle(status)}
            className={`rounded-full border px-3 py-1 text-sm ${pressed ? `${pressedLooks[status]} font-semibold` : 'border-slate-300 bg-white hover:bg-slate-50'}`}
          >
            {t(`runs.status.${status}`)}
            <span className="ml-2 text-slate-600 tabular-nums" data-testid={`count-${status}`}>
              {count === undefined ? '…' : number.format(count)}
            </span>
          </button>
        );
      })}
      {counts && (
        <span className="text-sm text-slate-600">
          {t('runs.total', { count: number.format(counts.total) })}
        </span>
      )}
    </div>
  );
}
