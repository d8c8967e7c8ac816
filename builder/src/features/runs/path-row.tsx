import { useT } from '../../i18n/use-i18n.ts';
import type { DiffChip } from './path-diff.ts';

const chipLooks: Record<DiffChip['state'], string> = {
  same: 'bg-slate-200 text-slate-800',
  diverged: 'bg-red-100 text-red-800 ring-2 ring-red-500 font-semibold',
  after: 'bg-white text-slate-600 ring-1 ring-slate-300',
};

/** One path as a row of node chips, the divergence marked. */
export function PathRow({
  label,
  chips,
  labelOf,
}: {
  label: string;
  chips: DiffChip[];
  labelOf: (id: string) => string;
}) {
  const t = useT();
  return (
    <div className="flex items-start gap-2">
      <span className="w-20 shrink-0 text-xs text-slate-600">{label}</span>
      <ol aria-label={label} className="flex flex-wrap items-center gap-1">
        {chips.map((chip, i) => (
          <li key={i} data-state={chip.state} className="flex items-center gap-1">
            {i > 0 && <span aria-hidden="true">→</span>}
            <span className={`rounded px-1.5 py-0.5 font-mono text-xs ${chipLooks[chip.state]}`}>
              {chip.nodeId === null ? t('whatIf.ends') : labelOf(chip.nodeId)}
            </span>
            {chip.state === 'diverged' && <span className="sr-only">{t('whatIf.divergesHere')}</span>}
          </li>
        ))}
      </ol>
    </div>
  );
}
