import { useEffect, useState } from 'react';
import { client, ok } from '../../api/client.ts';
import { useLocale, useT } from '../../i18n/use-i18n.ts';

/** How many rejected rows the page lists; the downloadable report has every one. */
export const rejectedRowsShown = 50;

interface Rejection {
  line: number;
  field: string;
  reason: string;
}

/** The first rejected rows of an import — line, column, reason — so a person sees what to fix. */
export function RejectedRows({ importId, total }: { importId: string; total: number }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const [rows, setRows] = useState<Rejection[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let stale = false;
    ok(
      client.GET('/contact-imports/{id}/rejections', {
        params: { path: { id: importId }, query: { limit: rejectedRowsShown } },
      }),
    ).then(
      // JSON unless ?format=csv is asked for, which this never does.
      (answer) => !stale && setRows(typeof answer === 'string' ? [] : answer.rejections),
      (e: unknown) => !stale && setError((e as Error).message),
    );
    return () => {
      stale = true;
    };
  }, [importId]);

  if (error)
    return (
      <p role="alert" className="mt-3 text-sm text-red-800">
        {t('common.error', { message: error })}
      </p>
    );
  if (!rows) return null;
  return (
    <div className="mt-3 max-h-72 overflow-auto">
      <table className="w-full text-left text-sm">
        <caption className="text-left text-sm font-medium text-slate-900">
          {t('contactImport.rejectedRows')}
        </caption>
        <thead className="text-xs text-slate-500">
          <tr>
            <th className="py-1 pr-3">{t('contactImport.line')}</th>
            <th className="py-1 pr-3">{t('contactImport.field')}</th>
            <th className="py-1">{t('contactImport.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.line}-${r.field}`} className="border-t border-slate-100">
              <td className="py-1 pr-3 tabular-nums">{r.line.toLocaleString(locale)}</td>
              <td className="py-1 pr-3">{r.field}</td>
              <td className="py-1">{r.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > rows.length && (
        <p className="mt-1 text-xs text-slate-500">
          {t('contactImport.moreRejected', {
            shown: rows.length.toLocaleString(locale),
            total: total.toLocaleString(locale),
          })}
        </p>
      )}
    </div>
  );
}
