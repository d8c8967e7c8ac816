import type { ByteRange } from './recording-store.ts';

/**
 * The one range of a `Range: bytes=…` header (RFC 9110 §14.1.2) over `size` bytes: a range,
 * `unsatisfiable` (answer 416), or undefined to send the whole object — also for several ranges
 * at once, which a server may answer with the whole (§14.2) and players never ask for.
 */
export function parseByteRange(
  header: string | undefined,
  size: number,
): ByteRange | 'unsatisfiable' | undefined {
  const match = header?.trim().match(/^bytes=(\d*)-(\d*)$/i);
  if (!match) return undefined;
  const [, first, last] = match;
  if (first === '' && last === '') return undefined;
  if (first === '') {
    // A suffix: the last N bytes.
    const length = Number(last);
    if (length === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  if (start >= size) return 'unsatisfiable';
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (end < start) return undefined;
  return { start, end };
}
