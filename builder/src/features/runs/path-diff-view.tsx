import { useT } from '../../i18n/use-i18n.ts';
import type { PathDiff } from './path-diff.ts';
import { PathRow } from './path-row.tsx';

/** The path a run took and the path the draft would take, one row each, parting at the first difference. */
export function PathDiffView({
  diff,
  version,
  labelOf,
}: {
  diff: PathDiff;
  version: number;
  labelOf: (nodeId: string) => string;
}) {
  const t = useT();
  return (
    <div className="space-y-1">
      <PathRow label={t('whatIf.original', { version })} chips={diff.original} labelOf={labelOf} />
      <PathRow label={t('whatIf.draft')} chips={diff.draft} labelOf={labelOf} />
    </div>
  );
}
