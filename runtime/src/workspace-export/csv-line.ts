/** One CSV cell (RFC 4180): objects as JSON, dates as ISO 8601, null as empty. */
function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text =
    value instanceof Date
      ? value.toISOString()
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record ending in CRLF, as RFC 4180 writes them. */
export const csvLine = (values: unknown[]) => `${values.map(cell).join(',')}\r\n`;
