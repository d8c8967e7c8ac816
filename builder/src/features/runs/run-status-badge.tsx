import type { RunStatus } from '../../api/types.ts';
import { useT } from '../../i18n/use-i18n.ts';

const looks: Record<RunStatus, string> = {
  running: 'bg-sky-100 text-sky-800 ring-sky-300',
  waiting: 'bg-amber-100 text-amber-900 ring-amber-300',
  completed: 'bg-emerald-100 text-emerald-800 ring-emerald-300',
  failed: 'bg-red-100 text-red-800 ring-red-300',
  cancelled: 'bg-slate-200 text-slate-700 ring-slate-300',
  abandoned: 'bg-amber-100 text-amber-800 ring-amber-300',
  skipped: 'bg-slate-100 text-slate-600 ring-slate-300',
};

/** A run's status in words and colour (the words carry it for those who do not see the colour). */
export function RunStatusBadge({ status }: { status: RunStatus }) {
  const t = useT();
  return (
    <span
      data-status={status}
      className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ${looks[status]}`}
    >
      {t(`runs.status.${status}`)}
    </span>
  );
}
