import { isUtf8 } from 'node:buffer';
import { ImportFileError } from './import-messages.ts';

const lineAt = (text: string, index: number) => text.slice(0, index).split('\n').length;

// é, ñ, ó… written as UTF-8, read as Latin-1 and written as UTF-8 again: "Ã©", "Ã±", "Ã³".
const doubleEncoded =
  /Ã[\u00a0-\u00bf\u2018-\u203a\u20ac\u0152\u0153\u0160\u0161\u0178\u017d\u017e]|Â[\u00a0-\u00bf]/;

/**
 * A CSV file's bytes as text, or the reason it cannot be trusted: UTF-16 (Excel's "Unicode
 * text"), bytes that are not UTF-8 (Latin-1 from an older Excel), or accents already garbled by a
 * double conversion. Guessing the encoding would import wrong names silently; refusing tells the
 * person the one thing to change.
 */
export function decodeCsvText(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new ImportFileError('IMPORT_EMPTY_FILE');
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    throw new ImportFileError('IMPORT_ENCODING_UTF16');
  const head = bytes.subarray(0, 4096);
  const nuls = head.reduce((n, b) => (b === 0 ? n + 1 : n), 0);
  // UTF-16 without a byte order mark has a NUL beside every ASCII letter; other binaries have some.
  if (nuls > 0) {
    const everyOther = head.filter((_, i) => i % 2 === 1).every((b) => b === 0);
    const everyOtherBefore = head.filter((_, i) => i % 2 === 0).every((b) => b === 0);
    throw new ImportFileError(
      everyOther || everyOtherBefore ? 'IMPORT_ENCODING_UTF16' : 'IMPORT_ENCODING_BINARY',
    );
  }
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(start);
  if (!isUtf8(body)) {
    const loose = new TextDecoder('utf-8').decode(body);
    throw new ImportFileError('IMPORT_ENCODING_NOT_UTF8', {
      line: String(lineAt(loose, loose.indexOf('\ufffd'))),
    });
  }
  const text = new TextDecoder('utf-8').decode(body);
  const garbled = doubleEncoded.exec(text);
  if (garbled) {
    const from = text.lastIndexOf('\n', garbled.index) + 1;
    const to = text.indexOf('\n', garbled.index);
    const line = text.slice(from, to < 0 ? undefined : to).trim();
    throw new ImportFileError('IMPORT_ENCODING_MOJIBAKE', {
      line: String(lineAt(text, garbled.index)),
      value: line.length > 60 ? `${line.slice(0, 60)}…` : line,
    });
  }
  if (text.trim() === '') throw new ImportFileError('IMPORT_EMPTY_FILE');
  return text;
}
