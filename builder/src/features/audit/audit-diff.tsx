import { useState } from 'react';
import { useT } from '../../i18n/use-i18n.ts';
import { diffRows } from './audit-diff-rows.ts';

/** Before and after of one audit row, changed fields first; unchanged ones on request. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const t = useT();
  const [showAll, setShowAll] = useState(false);
  if ((before === null || before === undefined) && (after === null || after === undefined))
    return <p className="text-sm text-slate-600">{t('audit.diff.none')}</p>;
  const rows = diffRows(before, after);
  const changed = rows.filter((r) => r.changed);
  const shown = showAll ? rows : changed;
  const cell = (text: string | null) =>
    text === null ? (
      <span className="text-slate-400">{t('audit.diff.empty')}</span>
    ) : (
      <pre className="max-h-48 overflow-auto whitespace-pre-wrap break-all font-mono text-xs">{text}</pre>
    );
  return (
    <div className="space-y-2">
      {changed.length === 0 && <p className="text-sm text-slate-600">{t('audit.diff.same')}</p>}
      {shown.length > 0 && (
        <table className="w-full table-fixed text-sm">
          <thead>
            <tr className="text-left text-slate-600">
              <th className="w-48 py-1">{t('audit.diff.field')}</th>
              <th>{t('audit.diff.before')}</th>
              <th>{t('audit.diff.after')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.field} data-changed={row.changed} className="border-t border-slate-100 align-top">
                <td className="py-1 font-mono text-xs">{row.field}</td>
                <td className={row.changed ? 'bg-red-50' : ''}>{cell(row.before)}</td>
                <td className={row.changed ? 'bg-emerald-50' : ''}>{cell(row.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rows.length > changed.length && (
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} />
          {t('audit.diff.showAll')}
        </label>
      )}
    </div>
  );
}
