import type { ReportDocument } from './report-document.ts';
import type { ReportFormat } from './report-filters.ts';
import { renderCsv } from './report-csv.ts';
import { renderPdf } from './report-pdf.ts';
import { localDate } from './report-values.ts';
import { renderXlsx } from './report-xlsx.ts';

export interface RenderedReport {
  body: Uint8Array | string;
  contentType: string;
  filename: string;
}

const contentTypes: Record<ReportFormat, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** One document in the format asked for, named `<report>-<local date>.<ext>`. */
export async function renderReport(doc: ReportDocument, format: ReportFormat): Promise<RenderedReport> {
  const filename = `${doc.report}-${localDate(doc.generatedAt, doc.timezone)}.${format}`;
  const body =
    format === 'xlsx'
      ? await renderXlsx(doc)
      : format === 'pdf'
        ? await renderPdf(doc)
        : format === 'csv'
          ? renderCsv(doc)
          : JSON.stringify(doc);
  return { body, contentType: contentTypes[format], filename };
}
