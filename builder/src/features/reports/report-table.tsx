import type { ReportDocument } from '../../api/types.ts';
import { useLocale } from '../../i18n/use-i18n.ts';

type Table = ReportDocument['tables'][number];
type Column = Table['columns'][number];

/** A cell as a person reads it in their language: 1.234, 25,0 %, 1:05 for a duration. */
function cellText(value: string | number | null | undefined, column: Column, locale: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') {
    if (column.type === 'datetime') return new Date(value).toLocaleString(locale);
    return value;
  }
  switch (column.type) {
    case 'percent':
      return value.toLocaleString(locale, { style: 'percent', maximumFractionDigits: 1 });
    case 'duration': {
      const whole = Math.round(value);
      const minutes = Math.floor(whole / 60);
      return `${minutes}:${String(whole % 60).padStart(2, '0')}`;
    }
    default:
      return value.toLocaleString(locale, { maximumFractionDigits: 2 });
  }
}

const numeric = (column: Column) =>
  column.type !== 'text' && column.type !== 'datetime' && column.type !== 'date';

/** One table of a report with its name as caption and its totals row at the foot. */
export function ReportTable({ table }: { table: Table }) {
  const locale = useLocale((s) => s.locale);
  return (
    <section className="overflow-x-auto rounded border border-slate-200 bg-white">
      <table className="min-w-full text-sm">
        <caption className="px-3 py-2 text-left font-semibold text-slate-700">{table.name}</caption>
        <thead className="bg-slate-50">
          <tr>
            {table.columns.map((c) => (
              <th key={c.key} scope="col" className={`px-3 py-2 ${numeric(c) ? 'text-right' : 'text-left'}`}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i} className="border-t border-slate-100">
              {table.columns.map((c) => (
                <td key={c.key} className={`px-3 py-1 ${numeric(c) ? 'text-right tabular-nums' : ''}`}>
                  {cellText(row[c.key], c, locale)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        {table.totals && (
          <tfoot className="border-t-2 border-slate-300 font-semibold">
            <tr>
              {table.columns.map((c) => (
                <td key={c.key} className={`px-3 py-1 ${numeric(c) ? 'text-right tabular-nums' : ''}`}>
                  {cellText(table.totals?.[c.key], c, locale)}
                </td>
              ))}
            </tr>
          </tfoot>
        )}
      </table>
    </section>
  );
}
