import { describe, expect, it } from 'vitest';
import { formatJsonText, jsonKind, parseJsonText } from './json-text.ts';

describe('JSON or template text', () => {
  it('parses JSON and keeps anything else as text', () => {
    expect(parseJsonText('42')).toBe(42);
    expect(parseJsonText(' false ')).toBe(false);
    expect(parseJsonText('null')).toBeNull();
    expect(parseJsonText('[1, "a"]')).toEqual([1, 'a']);
    expect(parseJsonText('{"a": {"b": 2}}')).toEqual({ a: { b: 2 } });
    expect(parseJsonText('"quoted"')).toBe('quoted');
    expect(parseJsonText('{{ input.amount }}')).toBe('{{ input.amount }}');
    expect(parseJsonText('hello')).toBe('hello');
    expect(parseJsonText('')).toBeUndefined();
  });

  it('formats every JSON value so that it parses back the same', () => {
    const values = [
      42,
      0,
      -1.5,
      true,
      null,
      [],
      [1, [2]],
      {},
      { a: 'x' },
      'hello',
      '42',
      'true',
      '',
      ' ',
      '{"a":1}',
      '{{ x }}',
    ];
    for (const value of values)
      expect(parseJsonText(formatJsonText(value)), JSON.stringify(value)).toEqual(value);
    expect(formatJsonText('42')).toBe('"42"');
    expect(formatJsonText('hello')).toBe('hello');
  });

  it('names the kind of a saved value', () => {
    expect([1, true, null, [], {}, 'x'].map(jsonKind)).toEqual([
      'number',
      'boolean',
      'null',
      'list',
      'object',
      'text',
    ]);
  });
});
