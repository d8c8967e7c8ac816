import type { ReportDocument } from './report-document.ts';
import type { ReportFormat } from './report-filters.ts';
import { renderCsv } from './report-csv.ts';
import { localDate } from './report-values.ts';

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
  // The PDF and Excel writers (ECharts, pdfkit, exceljs: about 100 MB resident) load on first use.
  const body =
    format === 'xlsx'
      ? await (await import('./report-xlsx.ts')).renderXlsx(doc)
      : format === 'pdf'
        ? await (await import('./report-pdf.ts')).renderPdf(doc)
        : format === 'csv'
          ? renderCsv(doc)
          : JSON.stringify(doc);
  return { body, contentType: contentTypes[format], filename };
}
