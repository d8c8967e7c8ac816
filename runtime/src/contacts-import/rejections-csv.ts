const quote = (value: string | number) => {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The rejection report as CSV: one line per bad value, in file order. */
export function rejectionsCsv(
  rows: { line: number; field: string; code: string; reason: string }[],
  titles: [string, string, string, string],
): string {
  return [titles, ...rows.map((r) => [r.line, r.field, r.code, r.reason])]
    .map((cells) => cells.map(quote).join(','))
    .join('\r\n')
    .concat('\r\n');
}
