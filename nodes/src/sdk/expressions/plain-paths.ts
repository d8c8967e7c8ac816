// Most templates designers write are plain paths (`{{ vars.total }}`, `Hola {{ input.name }}`).
// Reading those does not need Liquid's tokenizer and renderer, which cost more than the rest of
// a short run's workflow task. This module reads them directly, with Liquid's semantics under
// our engine options (`ownPropertyOnly`, no strict variables), and answers `notPlain` for
// anything it is not certain about, so the caller asks Liquid instead.
// plain-paths.test.ts checks every answer against Liquid itself.

import { templateLimits } from './render-budget.ts';

/** Returned when a template is not one this module reads exactly as Liquid would. */
export const notPlain: unique symbol = Symbol('notPlain');
export type NotPlain = typeof notPlain;

const identifier = '[A-Za-z_][A-Za-z0-9_]*';
const path = `${identifier}(?:\\.${identifier})*`;
// Only the blanks Liquid's tokenizer skips; other Unicode spaces go to Liquid.
const blank = '[ \\t\\r\\n]*';

/** `{{ a.b }}` alone (as evaluateValue sees it: outer whitespace and `-` trims allowed). */
const singlePathOutput = new RegExp(`^\\s*\\{\\{-?${blank}(${path})${blank}-?\\}\\}\\s*$`);
/** `{{ a.b }}` inside text; trims (`{{-`) change the text around them, so they go to Liquid. */
const pathOutput = new RegExp(`\\{\\{${blank}(${path})${blank}\\}\\}`, 'g');

// Liquid reads these as literals or operators, or computes them (`size`, `first`, `last`), so a
// path that names one is left to Liquid.
const liquidWords = new Set([
  'true',
  'false',
  'nil',
  'null',
  'empty',
  'blank',
  'and',
  'or',
  'contains',
  'size',
  'first',
  'last',
]);

function isPlainData(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return Array.isArray(value) ? prototype === Array.prototype : prototype === Object.prototype;
}

/**
 * Liquid's property walk with `ownPropertyOnly`: a missing key is undefined, null and undefined
 * pass through unchanged. Anything that is not JSON-like data (a Liquid drop, a function, a
 * class instance) may behave differently in Liquid, so it is `notPlain`.
 */
function readPath(scope: object, keys: string[]): unknown {
  let value: unknown = scope;
  for (const key of keys) {
    if (liquidWords.has(key)) return notPlain;
    if (value === null || value === undefined) return value;
    if (typeof value === 'function' || (typeof value === 'object' && !isPlainData(value))) return notPlain;
    value = Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
  }
  if (typeof value === 'function' || (typeof value === 'object' && value !== null && !isPlainData(value)))
    return notPlain;
  return value;
}

/** The text Liquid writes for a value in `{{ }}`: nil is empty, arrays are joined with nothing. */
function textOf(value: unknown): string | NotPlain {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && isPlainData(value)) {
    let text = '';
    for (const item of value) {
      const part = textOf(item);
      if (part === notPlain) return notPlain;
      text += part;
    }
    return text;
  }
  return notPlain;
}

/** The value of a template that is one plain-path output, or `notPlain`. */
export function readSinglePath(template: string, scope: object): unknown {
  const match = singlePathOutput.exec(template);
  if (!match || !isPlainData(scope)) return notPlain;
  return readPath(scope, match[1]!.split('.'));
}

/** A template of text and plain-path outputs rendered to text, or `notPlain`. */
export function renderPlainPaths(template: string, scope: object): string | NotPlain {
  // Over a limit, Liquid gives the TEMPLATE_LIMIT error.
  if (template.includes('{%') || template.length > templateLimits.sourceChars || !isPlainData(scope))
    return notPlain;
  let text = '';
  let from = 0;
  for (const match of template.matchAll(pathOutput)) {
    // Liquid starts an output at the first `{{`; one that starts earlier (`{{{ a }}`, an
    // unclosed `{{`) is not a plain path.
    if (template.slice(from, match.index + 1).includes('{{')) return notPlain;
    const read = readPath(scope, match[1]!.split('.'));
    const value = read === notPlain ? notPlain : textOf(read);
    if (value === notPlain) return notPlain;
    text += template.slice(from, match.index) + value;
    if (text.length > templateLimits.outputChars) return notPlain;
    from = match.index + match[0].length;
  }
  const rest = template.slice(from);
  if (rest.includes('{{') || text.length + rest.length > templateLimits.outputChars) return notPlain;
  return text + rest;
}
