import type { ValidationIssue } from '../../api/types.ts';
import { useT } from '../../i18n/use-i18n.ts';
import { problemText } from './problem-text.ts';

export function ProblemsPanel({
  issues,
  onFocus,
}: {
  issues: ValidationIssue[];
  onFocus: (issue: ValidationIssue) => void;
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
          {issues.map((issue, i) => (
            <li key={`${issue.code}-${issue.nodeId ?? issue.edgeId ?? ''}-${i}`}>
              <button
                onClick={() => onFocus(issue)}
                className="w-full px-3 py-1 text-left text-sm hover:bg-red-50"
                data-testid="problem"
              >
                <span className={issue.severity === 'error' ? 'text-red-700' : 'text-amber-700'}>●</span>{' '}
                {issue.nodeId && <code className="mr-1 text-xs">{issue.nodeId}</code>}
                {problemText(issue, t)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
