import { ImportFileError } from './import-messages.ts';

/** One record of a file: its cells and the line it starts on (1 = the header). */
export interface FileRow {
  line: number;
  cells: string[];
}

/** The separator of the header line: Excel in Spanish writes `;`, others `,`, some tabs. */
function separatorOf(text: string): string {
  const end = text.indexOf('\n');
  const first = end < 0 ? text : text.slice(0, end);
  let best = ',';
  let bestCount = 0;
  for (const candidate of [',', ';', '\t', '|']) {
    let count = 0;
    let quoted = false;
    for (const char of first) {
      if (char === '"') quoted = !quoted;
      else if (!quoted && char === candidate) count++;
    }
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

/**
 * RFC 4180 CSV (quoted cells with `""`, line breaks inside quotes, CRLF or LF) with the
 * separator guessed from the header. Wholly blank lines are left out; line numbers stay the
 * file's so a rejection report points at the line a person sees in an editor.
 */
export function parseCsv(text: string, maxRows: number): FileRow[] {
  const sep = separatorOf(text);
  const rows: FileRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowLine = 1;
  let quoted = false;
  let quoteLine = 0;
  const n = text.length;
  const endRow = () => {
    cells.push(cell);
    cell = '';
    if (cells.length > 1 || cells[0]!.trim() !== '') {
      if (rows.length > maxRows)
        throw new ImportFileError('IMPORT_TOO_MANY_ROWS', { value: String(maxRows) });
      rows.push({ line: rowLine, cells });
    }
    cells = [];
  };
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (quoted) {
      if (c === 34 /* " */) {
        if (text.charCodeAt(i + 1) === 34) {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      // Copy up to the next quote at once: long quoted cells cost one slice.
      const next = text.indexOf('"', i);
      const end = next < 0 ? n : next;
      const chunk = text.slice(i, end);
      for (let k = chunk.indexOf('\n'); k >= 0; k = chunk.indexOf('\n', k + 1)) line++;
      cell += chunk;
      i = end;
      continue;
    }
    if (c === 34 && cell === '') {
      quoted = true;
      quoteLine = line;
      i++;
    } else if (text.startsWith(sep, i)) {
      cells.push(cell);
      cell = '';
      i += sep.length;
    } else if (c === 10 /* \n */ || c === 13 /* \r */) {
      endRow();
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      i++;
      line++;
      rowLine = line;
    } else {
      // Plain text up to the next separator, quote or line end.
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === 10 || d === 13 || d === 34 || text.startsWith(sep, j)) break;
        j++;
      }
      cell += text.slice(i, j);
      i = j;
    }
  }
  if (quoted) throw new ImportFileError('IMPORT_QUOTE_UNCLOSED', { line: String(quoteLine) });
  if (cell !== '' || cells.length > 0) endRow();
  return rows;
}
