import type { WhatIfRunResult } from '../../api/types.ts';
import { useT } from '../../i18n/use-i18n.ts';
import { pathDiff } from './path-diff.ts';
import { PathDiffView } from './path-diff-view.tsx';
import { RunStatusBadge } from './run-status-badge.tsx';

/** One replayed run: would it go another way on the draft, and if so where the paths part. */
export function WhatIfResultItem({
  result,
  version,
  selected,
  onSelect,
  labelOf,
}: {
  result: WhatIfRunResult;
  version: number;
  selected: boolean;
  onSelect: () => void;
  labelOf: (nodeId: string) => string;
}) {
  const t = useT();
  return (
    <li
      data-run-id={result.runId}
      data-changed={result.changed}
      className={`rounded border p-2 ${result.changed ? 'border-amber-300 bg-amber-50' : 'border-slate-200 bg-white'} ${selected ? 'ring-2 ring-indigo-500' : ''}`}
    >
      <div className="flex items-center gap-2">
        <button
          type="button"
          aria-pressed={selected}
          onClick={onSelect}
          className="flex min-w-0 flex-1 items-center gap-2 text-left"
        >
          <span className={result.changed ? 'font-semibold text-amber-900' : 'text-slate-600'}>
            {result.changed ? t('whatIf.changed') : t('whatIf.unchanged')}
          </span>
          <RunStatusBadge status={result.status} />
          <span className="truncate font-mono text-xs text-slate-600">{result.runId}</span>
        </button>
        <a href={`#/runs/${result.runId}`} className="text-xs text-indigo-700 hover:underline">
          {t('whatIf.openRun')}
        </a>
      </div>
      {result.changed && (
        <div className="mt-2">
          <PathDiffView
            diff={pathDiff(result.originalPath, result.draftPath, result.divergedAt)}
            version={version}
            labelOf={labelOf}
          />
        </div>
      )}
    </li>
  );
}
