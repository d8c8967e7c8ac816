import ExcelJS from 'exceljs';
import type {
  ReportCell,
  ReportCellType,
  ReportChart,
  ReportColumn,
  ReportDocument,
  ReportTable,
} from './report-document.ts';
import { generatedAtText, wallClock } from './report-values.ts';
import { reportWords } from './report-words.ts';

/** Excel's number format per cell type: the value stays a number, the format makes it read right. */
export const xlsxNumberFormat: Record<ReportCellType, string | undefined> = {
  text: undefined,
  integer: '#,##0',
  number: '#,##0.00',
  percent: '0.0%',
  // Excel durations are fractions of a day; [h] keeps counting past 24 hours.
  duration: '[h]:mm:ss',
  datetime: 'yyyy-mm-dd hh:mm',
  date: 'yyyy-mm-dd',
};

const secondsPerDay = 86_400;

/**
 * The typed value of a cell. Dates become real dates showing the report's wall-clock time: Excel
 * has no timezones, so an instant is shifted to what a clock in the report's timezone read.
 */
export function xlsxValue(value: ReportCell | undefined, type: ReportCellType, timezone: string) {
  if (value === null || value === undefined || value === '') return null;
  switch (type) {
    case 'text':
      return String(value);
    case 'integer':
    case 'number':
    case 'percent':
      return typeof value === 'number' ? value : Number(value);
    case 'duration':
      return (typeof value === 'number' ? value : Number(value)) / secondsPerDay;
    case 'date': {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(value));
      return match
        ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
        : String(value);
    }
    case 'datetime': {
      const instant = new Date(String(value));
      if (Number.isNaN(instant.getTime())) return String(value);
      const c = wallClock(instant, timezone);
      return new Date(Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second));
    }
  }
}

/** Excel refuses sheet names over 31 characters, with `[]:*?/\`, or used twice (case-blind). */
export function sheetNamer() {
  const taken = new Set<string>();
  return (wanted: string): string => {
    const clean =
      wanted
        .replace(/[[\]:*?/\\]/g, ' ')
        .replace(/\s+/g, ' ')
        .replace(/^'+|'+$/g, '')
        .trim() || 'Sheet';
    let name = clean.slice(0, 31);
    for (let n = 2; taken.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      name = clean.slice(0, 31 - suffix.length) + suffix;
    }
    taken.add(name.toLowerCase());
    return name;
  };
}

const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };

function columnWidth(column: ReportColumn, table: ReportTable): number {
  const typed: Partial<Record<ReportCellType, number>> = {
    integer: 12,
    number: 14,
    percent: 10,
    duration: 12,
    datetime: 18,
    date: 12,
  };
  let widest = column.label.length;
  if (column.type === 'text') {
    // Looking at the first rows is enough to size a column and keeps 10k-row tables fast.
    for (const row of table.rows.slice(0, 200))
      widest = Math.max(widest, String(row[column.key] ?? '').length);
  } else widest = Math.max(widest, typed[column.type] ?? 10);
  return Math.min(60, Math.max(8, widest + 2));
}

function addTableSheet(workbook: ExcelJS.Workbook, name: string, table: ReportTable, doc: ReportDocument) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((column) => ({
    key: column.key,
    width: columnWidth(column, table),
    ...(xlsxNumberFormat[column.type] ? { style: { numFmt: xlsxNumberFormat[column.type] } } : {}),
  }));
  const header = sheet.getRow(1);
  table.columns.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.value = column.label;
    cell.font = { bold: true };
    cell.fill = headerFill;
    cell.alignment = { vertical: 'middle', horizontal: column.type === 'text' ? 'left' : 'right' };
  });
  const values = (row: Record<string, ReportCell>) =>
    table.columns.map((column) => xlsxValue(row[column.key], column.type, doc.timezone));
  for (const row of table.rows) sheet.addRow(values(row));
  if (table.columns.length > 0) {
    sheet.autoFilter = {
      from: { row: 1, column: 1 },
      to: { row: 1 + table.rows.length, column: table.columns.length },
    };
  }
  if (table.totals) {
    const totals = sheet.addRow(values(table.totals));
    totals.font = { bold: true };
    totals.border = { top: { style: 'thin' } } as ExcelJS.Borders;
    // The totals row names itself in its first cell when the report leaves that empty.
    const first = table.columns[0];
    if (first && (table.totals[first.key] ?? '') === '')
      totals.getCell(1).value = reportWords(doc.language).total;
  }
}

function addCoverSheet(workbook: ExcelJS.Workbook, name: string, doc: ReportDocument) {
  const words = reportWords(doc.language);
  const sheet = workbook.addWorksheet(name);
  sheet.columns = [{ width: 28 }, { width: 60 }];
  sheet.addRow([doc.title]).font = { bold: true, size: 16 };
  sheet.addRow([]);
  sheet.addRow([words.generatedAt, generatedAtText(doc)]);
  sheet.addRow([words.timezone, doc.timezone]);
  sheet.addRow([]);
  if (doc.filters.length > 0) {
    sheet.addRow([words.filters]).font = { bold: true };
    for (const filter of doc.filters) sheet.addRow([filter.label, filter.value]);
  }
  sheet.getColumn(1).font = { bold: true };
  sheet.getCell('A1').font = { bold: true, size: 16 };
}

/**
 * exceljs cannot write native charts, so each chart's figures go on one sheet as a block
 * (categories down, one column per series) that Excel's Insert → Recommended Charts turns into a
 * native, editable chart in one click; the drawn charts are in the PDF. A PNG picture would need
 * a native rasteriser at run time and could not be re-styled or re-scaled in Excel.
 */
function addChartSheet(workbook: ExcelJS.Workbook, name: string, charts: ReportChart[], doc: ReportDocument) {
  const sheet = workbook.addWorksheet(name);
  const format = xlsxNumberFormat[charts[0]?.valueType ?? 'number'];
  let width = 1;
  for (const chart of charts) {
    sheet.addRow([chart.title]).font = { bold: true, size: 13 };
    const header = sheet.addRow([null, ...chart.series.map((s) => s.name)]);
    header.font = { bold: true };
    chart.categories.forEach((category, i) => {
      const row = sheet.addRow([
        category,
        ...chart.series.map((s) => xlsxValue(s.data[i] ?? null, chart.valueType, doc.timezone)),
      ]);
      const numFmt = xlsxNumberFormat[chart.valueType] ?? format;
      if (numFmt) for (let c = 2; c <= chart.series.length + 1; c++) row.getCell(c).numFmt = numFmt;
    });
    sheet.addRow([]);
    width = Math.max(width, chart.series.length + 1);
  }
  sheet.getColumn(1).width = 24;
  for (let c = 2; c <= width; c++) sheet.getColumn(c).width = 16;
}

/** The workbook: a title sheet with the filters, one sheet per table, and the charts' figures. */
export async function renderXlsx(doc: ReportDocument): Promise<Uint8Array> {
  const words = reportWords(doc.language);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Omniflow';
  workbook.title = doc.title;
  workbook.created = new Date(doc.generatedAt);
  const name = sheetNamer();
  addCoverSheet(workbook, name(words.report), doc);
  for (const table of doc.tables) addTableSheet(workbook, name(table.name), table, doc);
  if (doc.charts.length > 0) addChartSheet(workbook, name(words.chartData), doc.charts, doc);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
