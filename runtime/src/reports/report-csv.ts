import type { ReportCell, ReportDocument, ReportTable } from './report-document.ts';

/** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. */
function csvField(value: ReportCell): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const csvLine = (cells: ReportCell[]) => cells.map(csvField).join(',');

function csvSection(table: ReportTable): string[] {
  const lines = [csvLine([table.name]), csvLine(table.columns.map((c) => c.label))];
  for (const row of table.rows) lines.push(csvLine(table.columns.map((c) => row[c.key] ?? null)));
  if (table.totals) lines.push(csvLine(table.columns.map((c) => table.totals?.[c.key] ?? null)));
  return lines;
}

/**
 * The report as one CSV file: the title and filters first, then each table as a section (its
 * name, its header, its rows and totals) with an empty line between, so one download opens in a
 * spreadsheet whole. A byte-order mark makes Excel read the accents as UTF-8. Numbers stay plain
 * (a percent is a fraction: 0.25, a duration seconds) so they sum and sort as numbers.
 */
export function renderCsv(doc: ReportDocument): string {
  const head = [csvLine([doc.title]), ...doc.filters.map((f) => csvLine([f.label, f.value])), ''];
  const sections = doc.tables.map((table) => csvSection(table).join('\r\n'));
  return `\uFEFF${head.join('\r\n')}\r\n${sections.join('\r\n\r\n')}\r\n`;
}
