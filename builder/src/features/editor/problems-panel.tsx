import type { ValidationIssue } from '../../api/types.ts';
import { useT } from '../../i18n/use-i18n.ts';
import { problemFix } from './apply-problem-fix.ts';
import { problemText } from './problem-text.ts';

export function ProblemsPanel({
  issues,
  onFocus,
  onFix,
}: {
  issues: ValidationIssue[];
  onFocus: (issue: ValidationIssue) => void;
  /** Applies a problem's one-click fix (apply-problem-fix.ts); without it no fix is offered. */
  onFix?: (issue: ValidationIssue) => void;
}) {
  const t = useT();
  return (
    <section
      aria-labelledby="problems-title"
      className="max-h-40 overflow-auto border-t border-slate-200 bg-white"
    >
      <h2 id="problems-title" className="sticky top-0 bg-white px-3 py-1 text-sm font-semibold">
        {t('editor.problems')} ({issues.length})
      </h2>
      {issues.length === 0 ? (
        <p className="px-3 pb-2 text-sm text-emerald-700">{t('editor.noProblems')}</p>
      ) : (
        <ul>
          {issues.map((issue, i) => {
            const fix = onFix ? problemFix(issue) : null;
            return (
              <li
                key={`${issue.code}-${issue.nodeId ?? issue.edgeId ?? ''}-${i}`}
                className="flex items-center"
              >
                <button
                  onClick={() => onFocus(issue)}
                  className="min-w-0 flex-1 px-3 py-1 text-left text-sm hover:bg-red-50"
                  data-testid="problem"
                >
                  <span className={issue.severity === 'error' ? 'text-red-700' : 'text-amber-700'}>●</span>{' '}
                  {issue.nodeId && <code className="mr-1 text-xs">{issue.nodeId}</code>}
                  {problemText(issue, t)}
                </button>
                {fix && (
                  <button
                    onClick={() => onFix?.(issue)}
                    data-testid="problem-fix"
                    className="mr-3 shrink-0 rounded border border-indigo-300 px-2 py-0.5 text-xs text-indigo-700 hover:bg-indigo-50"
                  >
                    {t(fix === 'hangup' ? 'guard.fix.hangup' : 'guard.fix.end')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
