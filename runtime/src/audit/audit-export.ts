import { PassThrough, Readable } from 'node:stream';
import type { Db } from '@omniflow/db';
import { allAuditRows, type AuditFilter, type AuditRow } from './search-audit.ts';

interface Column {
  header: string;
  width: number;
  value: (row: AuditRow) => string | number | Date | null;
}

/** Excel holds at most 32,767 characters in a cell; longer JSON is cut and says so. */
const cellLimit = 32_000;
const jsonText = (value: unknown) => {
  if (value === null || value === undefined) return null;
  const text = JSON.stringify(value);
  return text.length > cellLimit ? `${text.slice(0, cellLimit)}…` : text;
};

export const auditColumns: Column[] = [
  { header: 'occurred_at', width: 22, value: (r) => r.occurredAt },
  { header: 'actor_kind', width: 10, value: (r) => r.actorKind },
  { header: 'actor_id', width: 38, value: (r) => r.actorId },
  { header: 'actor_name', width: 24, value: (r) => r.actorName },
  { header: 'actor_email', width: 28, value: (r) => r.actorEmail },
  { header: 'action', width: 24, value: (r) => r.action },
  { header: 'resource_type', width: 16, value: (r) => r.resourceType },
  { header: 'resource_id', width: 38, value: (r) => r.resourceId },
  { header: 'resource_label', width: 28, value: (r) => r.resourceLabel },
  { header: 'method', width: 8, value: (r) => r.method },
  { header: 'path', width: 40, value: (r) => r.path },
  { header: 'status', width: 8, value: (r) => r.status },
  { header: 'ip', width: 16, value: (r) => r.ip },
  { header: 'user_agent', width: 30, value: (r) => r.userAgent },
  { header: 'request_id', width: 24, value: (r) => r.requestId },
  { header: 'before', width: 40, value: (r) => jsonText(r.before) },
  { header: 'after', width: 40, value: (r) => jsonText(r.after) },
  { header: 'details', width: 30, value: (r) => jsonText(r.details) },
];

// RFC 4180 quoting; a leading = + - @ is prefixed so a spreadsheet does not run it as a formula
// (OWASP CSV injection), as the quota ledger's CSV does.
export function csvField(value: string | number | Date | null): string {
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The matching rows as CSV, streamed a page at a time. */
export function auditCsv(db: Db, workspaceId: string, filter: AuditFilter): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const rows = allAuditRows(db, workspaceId, filter);
  let started = false;
  return new ReadableStream({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`${auditColumns.map((c) => c.header).join(',')}\r\n`));
        return;
      }
      let text = '';
      for (let n = 0; n < 500; n++) {
        const next = await rows.next();
        if (next.done) {
          if (text) controller.enqueue(encoder.encode(text));
          controller.close();
          return;
        }
        text += `${auditColumns.map((c) => csvField(c.value(next.value))).join(',')}\r\n`;
      }
      controller.enqueue(encoder.encode(text));
    },
  });
}

/**
 * The matching rows as an Excel workbook, streamed: typed cells (dates as dates, status as a
 * number), the header frozen and bold, so a reviewer can filter and sort it as it opens.
 */
export function auditXlsx(db: Db, workspaceId: string, filter: AuditFilter): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  const write = async () => {
    // Loaded on first use: exceljs is tens of megabytes a server that never exports need not hold.
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
    const sheet = workbook.addWorksheet('Audit', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = auditColumns.map((c) => ({ header: c.header, key: c.header, width: c.width }));
    sheet.getColumn(1).numFmt = 'yyyy-mm-dd hh:mm:ss';
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    for await (const row of allAuditRows(db, workspaceId, filter)) {
      const added = sheet.addRow(auditColumns.map((c) => c.value(row)));
      added.getCell(1).numFmt = 'yyyy-mm-dd hh:mm:ss';
      added.commit();
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  // Node types its web streams apart from the DOM's ReadableStream; they are one class at run time.
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}
