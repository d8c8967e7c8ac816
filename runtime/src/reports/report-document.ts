/**
 * What every report and dashboard view produces, whatever shows it: the API's JSON, CSV, the
 * Excel workbook, the PDF and the scheduled e-mail all render this one shape, so a new report
 * only computes it. Labels, titles and filter values arrive already in the reader's language.
 */
export type ReportLanguage = 'en' | 'es';

/**
 * `integer`/`number` plain numbers; `percent` a fraction (0.25 is 25 %); `duration` seconds;
 * `datetime` and `date` ISO-8601 strings, already in the report's timezone for a `date`.
 */
export type ReportCellType = 'text' | 'integer' | 'number' | 'percent' | 'duration' | 'datetime' | 'date';

export type ReportCell = string | number | null;

export interface ReportColumn {
  key: string;
  label: string;
  type: ReportCellType;
}

export interface ReportTable {
  /** The sheet's name in Excel and the section heading elsewhere (≤ 31 characters for Excel). */
  name: string;
  columns: ReportColumn[];
  rows: Record<string, ReportCell>[];
  /** A totals row shown under the rows (same keys), when sums mean something. */
  totals?: Record<string, ReportCell>;
}

export interface ReportChart {
  title: string;
  kind: 'line' | 'bar' | 'stacked-bar' | 'pie';
  /** The x axis (bucket labels) or the pie's slices. */
  categories: string[];
  series: { name: string; data: number[] }[];
  /** How the values read: the same meanings as a column's type. */
  valueType: Exclude<ReportCellType, 'text' | 'datetime' | 'date'>;
}

export interface ReportDocument {
  /** The report's registry name (e.g. `call-traffic`), used for file names. */
  report: string;
  title: string;
  language: ReportLanguage;
  /** ISO-8601 instant the figures were computed. */
  generatedAt: string;
  /** IANA timezone the buckets and dates are in (the workspace's). */
  timezone: string;
  /** The filters as a person reads them (label → value), shown on the PDF's title page. */
  filters: { label: string; value: string }[];
  charts: ReportChart[];
  tables: ReportTable[];
}
