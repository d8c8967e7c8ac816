import type { ReportDocument } from './report-document.ts';

const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/**
 * RFC 4180 CSV of the document's tables, raw values (a percent stays a fraction, a duration
 * seconds) so a spreadsheet computes on them; several tables are separated by an empty line and
 * headed by their name.
 */
export function renderCsv(doc: ReportDocument): string {
  const blocks = doc.tables.map((table) => {
    const lines = [table.columns.map((c) => quote(c.label)).join(',')];
    const line = (row: Record<string, string | number | null>) =>
      table.columns
        .map((c) => quote(row[c.key] === null || row[c.key] === undefined ? '' : String(row[c.key])))
        .join(',');
    for (const row of table.rows) lines.push(line(row));
    if (table.totals) lines.push(line(table.totals));
    return (doc.tables.length > 1 ? `${quote(table.name)}\r\n` : '') + lines.join('\r\n');
  });
  return blocks.join('\r\n\r\n') + '\r\n';
}
