import type ExcelJS from 'exceljs';
import { decodeCsvText } from './decode-csv-text.ts';
import { ImportFileError } from './import-messages.ts';
import { parseCsv, type FileRow } from './parse-csv.ts';

/** The most contacts one file may hold; larger lists go in several files. */
export const MAX_IMPORT_ROWS = 1_000_000;

export interface ImportFile {
  kind: 'csv' | 'xlsx';
  header: string[];
  /** The rows under the header, each with its line (CSV) or row number (Excel). */
  rows: FileRow[];
}

const isZip = (bytes: Uint8Array) =>
  bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return '';
  }
  return String(value);
}

async function readXlsx(bytes: Uint8Array, maxRows: number): Promise<FileRow[]> {
  // Loaded on first use: exceljs is tens of megabytes a server that never imports a workbook need not hold.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch {
    throw new ImportFileError('IMPORT_XLSX_UNREADABLE');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ImportFileError('IMPORT_EMPTY_FILE');
  if (sheet.actualRowCount > maxRows + 1)
    throw new ImportFileError('IMPORT_TOO_MANY_ROWS', { value: String(maxRows) });
  const rows: FileRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const values = row.values as ExcelJS.CellValue[];
    const cells = values.slice(1).map(cellText);
    if (cells.some((cell) => cell.trim() !== '')) rows.push({ line: number, cells });
  });
  return rows;
}

const looksLikeData = (cell: string) => /@/.test(cell) || /^\+?[\d\s().-]{6,}$/.test(cell.trim());

/**
 * A CSV or .xlsx file as a header and rows, or an ImportFileError saying why the whole file is
 * refused (empty, wrong encoding, no header row, too many rows). Nothing is written before this
 * answers, so a refused file imports nothing.
 */
export async function readImportFile(
  bytes: Uint8Array,
  fileName: string,
  maxRows = MAX_IMPORT_ROWS,
): Promise<ImportFile> {
  if (bytes.length === 0) throw new ImportFileError('IMPORT_EMPTY_FILE');
  const xlsx = isZip(bytes) || /\.xlsx$/i.test(fileName);
  const all = xlsx ? await readXlsx(bytes, maxRows) : parseCsv(decodeCsvText(bytes), maxRows);
  const [first, ...rows] = all;
  if (!first) throw new ImportFileError('IMPORT_EMPTY_FILE');
  const header = first.cells.map((cell) => cell.trim());
  while (header.length > 0 && header[header.length - 1] === '') header.pop();
  const data = header.find(looksLikeData);
  if (data !== undefined) throw new ImportFileError('IMPORT_NO_HEADER', { value: data });
  const seen = new Set<string>();
  header.forEach((title, index) => {
    if (title === '') throw new ImportFileError('IMPORT_HEADER_BLANK', { value: String(index + 1) });
    const key = title.toLowerCase();
    if (seen.has(key)) throw new ImportFileError('IMPORT_HEADER_DUPLICATE', { value: title });
    seen.add(key);
  });
  if (rows.length === 0) throw new ImportFileError('IMPORT_NO_ROWS');
  return { kind: xlsx ? 'xlsx' : 'csv', header, rows };
}
