/**
 * What the database can hold of a JSON value. PostgreSQL's `jsonb` and `text` refuse the NUL
 * character (`\u0000`) and `jsonb` refuses lone UTF-16 surrogates; PGlite's JSON parser runs out
 * of stack near 1,000 levels of nesting and, being WebAssembly, takes the whole embedded
 * database down with it (every later query fails until a restart). So nesting is limited before
 * a value reaches the database, never left to the database to refuse.
 */

/** How deeply a JSON body sent to the API may nest (an object or array is one level). */
export const MAX_REQUEST_JSON_DEPTH = 64;

/**
 * How deeply a value the worker records (a step's output, an event's data) may nest: far below
 * where PGlite breaks, far above anything the API lets in, so only a node's own output (an HTTP
 * response, say) ever meets it.
 */
export const MAX_STORED_JSON_DEPTH = 256;

/**
 * The nesting depth of JSON text, counted on the text itself so no depth overflows a parser's
 * or our own stack; counting stops once `limit` is passed (the answer is then `limit + 1`).
 * Brackets inside strings do not count. Text that is not JSON gets a depth all the same.
 */
export function jsonTextDepth(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c) i++;
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x7b || char === 0x5b) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (char === 0x7d || char === 0x5d) depth--;
  }
  return deepest;
}

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const loneSurrogates = new RegExp(loneSurrogate.source, 'g');

/** Why a string cannot be stored as it is, or undefined when it can. */
export function unstorableTextReason(text: string): string | undefined {
  if (text.includes('\u0000')) return 'contains a NUL character (\\u0000)';
  if (loneSurrogate.test(text)) return 'contains a lone UTF-16 surrogate (half of a \\uD800–\\uDFFF pair)';
  return undefined;
}

/**
 * The first string or key in a parsed JSON value the database cannot store, with its path
 * (`nodes.3.config.text`, as validation errors name fields). Walks without recursion.
 */
export function findUnstorableText(value: unknown): { path: string; reason: string } | undefined {
  const stack: { value: unknown; path: string[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: current, path } = stack.pop()!;
    if (typeof current === 'string') {
      const reason = unstorableTextReason(current);
      if (reason) return { path: path.join('.'), reason };
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--)
        stack.push({ value: current[i], path: [...path, String(i)] });
    } else if (current !== null && typeof current === 'object') {
      for (const [key, item] of Object.entries(current).reverse()) {
        const reason = unstorableTextReason(key);
        if (reason)
          return {
            path: [...path, key.replace(/\u0000/g, '\\u0000')].join('.'),
            reason: `has a key that ${reason}`,
          };
        stack.push({ value: item, path: [...path, key] });
      }
    }
  }
  return undefined;
}

/** A string the database takes: NUL characters and lone surrogates become U+FFFD. */
export function storableText(text: string): string {
  return text.replace(/\u0000/g, '\uFFFD').replace(loneSurrogates, '\uFFFD');
}

/**
 * Whether `storableJson` would change the value: a walk that allocates nothing and stops at the
 * first finding, since nearly every value the worker records is already storable.
 */
export function isStorableJson(value: unknown, maxDepth = MAX_STORED_JSON_DEPTH): boolean {
  const visit = (current: unknown, depth: number): boolean => {
    if (typeof current === 'string') return unstorableTextReason(current) === undefined;
    if (current === null || typeof current !== 'object') return true;
    if (depth >= maxDepth) return false;
    if (Array.isArray(current)) return current.every((item) => visit(item, depth + 1));
    for (const [key, item] of Object.entries(current))
      if (unstorableTextReason(key) !== undefined || !visit(item, depth + 1)) return false;
    return true;
  };
  return visit(value, 0);
}

/** What `storableJson` kept of a value and whether it had to change it to store it. */
export interface StorableJson {
  value: unknown;
  /** Nesting beyond the limit was replaced by a note. */
  cut: boolean;
  /** A string or key lost NUL characters or lone surrogates. */
  cleaned: boolean;
}

/**
 * A copy of a JSON value that the database can store: strings and keys cleaned (`storableText`),
 * and every object or array below `maxDepth` levels replaced by a string saying it was cut.
 * Values are JSON (they came through Temporal's JSON payloads), so only strings, arrays and plain
 * objects need a look.
 */
export function storableJson(value: unknown, maxDepth = MAX_STORED_JSON_DEPTH): StorableJson {
  let cut = false;
  let cleaned = false;
  const text = (s: string) => {
    const stored = storableText(s);
    if (stored !== s) cleaned = true;
    return stored;
  };
  const visit = (current: unknown, depth: number): unknown => {
    if (typeof current === 'string') return text(current);
    if (current === null || typeof current !== 'object') return current;
    if (depth >= maxDepth) {
      cut = true;
      return `[not recorded: nested deeper than ${maxDepth} levels]`;
    }
    if (Array.isArray(current)) return current.map((item) => visit(item, depth + 1));
    return Object.fromEntries(
      Object.entries(current).map(([key, item]) => [text(key), visit(item, depth + 1)]),
    );
  };
  const stored = visit(value, 0);
  return { value: stored, cut, cleaned };
}
