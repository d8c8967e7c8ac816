import type { ReportCell, ReportDocument, ReportTable } from './report-document.ts';
import type { ReportFormat } from './report-filters.ts';

/** A rendered report: the bytes, their media type and the file name a download is saved as. */
export interface RenderedReport {
  body: string | Uint8Array;
  contentType: string;
  fileName: string;
}

/**
 * A format the server cannot render yet (Excel and PDF arrive with part 3 of #17): the route
 * answers 422 naming the formats it can. Part 3 replaces the two cases in `renderReport` below.
 */
export class ReportFormatUnavailable extends Error {
  constructor(readonly format: ReportFormat) {
    super(`format ${format} is not available`);
  }
}

/** The file name's stem: the report's name and its period start, e.g. `call-traffic-2026-11-01`. */
const stem = (doc: ReportDocument) => `${doc.report}-${doc.generatedAt.slice(0, 10)}`;

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
export function reportCsv(doc: ReportDocument): string {
  const head = [csvLine([doc.title]), ...doc.filters.map((f) => csvLine([f.label, f.value])), ''];
  const sections = doc.tables.map((table) => csvSection(table).join('\r\n'));
  return `\uFEFF${head.join('\r\n')}\r\n${sections.join('\r\n\r\n')}\r\n`;
}

/** Renders a report document in a download format; the API's `format=` and the e-mailed reports call this. */
export async function renderReport(doc: ReportDocument, format: ReportFormat): Promise<RenderedReport> {
  switch (format) {
    case 'json':
      return { body: JSON.stringify(doc), contentType: 'application/json', fileName: `${stem(doc)}.json` };
    case 'csv':
      return { body: reportCsv(doc), contentType: 'text/csv; charset=utf-8', fileName: `${stem(doc)}.csv` };
    // Part 3 of #17 (exceljs workbook, PDF with charts) plugs in here.
    case 'xlsx':
    case 'pdf':
      throw new ReportFormatUnavailable(format);
  }
}
