/**
 * How a "JSON or template" value travels through a text box: text that is valid JSON is saved as
 * that JSON value (`42`, `true`, `{"a":1}`), anything else as the text itself. `formatJsonText`
 * is its inverse, so `parseJsonText(formatJsonText(v))` gives back `v` for every JSON value.
 */
export function parseJsonText(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed;
  } catch {
    return text;
  }
}

export function formatJsonText(value: unknown): string {
  if (value === undefined) return '';
  // A string that itself reads as JSON ("42", "true") keeps its quotes, or it would come back a number.
  if (typeof value === 'string')
    return typeof parseJsonText(value) === 'string' ? value : JSON.stringify(value);
  return JSON.stringify(value) ?? '';
}

export type JsonKind = 'text' | 'number' | 'boolean' | 'null' | 'list' | 'object';

export function jsonKind(value: unknown): JsonKind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  switch (typeof value) {
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'object':
      return 'object';
    default:
      return 'text';
  }
}

export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
