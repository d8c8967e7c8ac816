import { describe, expect, it } from 'vitest';
import { findJsonProblem } from './json-problem.ts';

describe('findJsonProblem', () => {
  it('accepts JSON and blank text', () => {
    for (const text of [
      '',
      '  ',
      '1',
      '-0.5e3',
      'true',
      'null',
      '"a\\n\\u00e9"',
      '[]',
      '{}',
      '{"a": [1, {"b": null}]}',
    ]) {
      expect(findJsonProblem(text), text).toBeUndefined();
    }
  });

  it('says where plain JSON goes wrong', () => {
    expect(findJsonProblem('{"a": 1,}')).toEqual({ kind: 'unexpected', line: 1, column: 9, char: '}' });
    expect(findJsonProblem('{\n  "a": 1\n  "b": 2\n}')).toEqual({
      kind: 'unexpected',
      line: 3,
      column: 3,
      char: '"',
    });
    expect(findJsonProblem('{"a": ')).toEqual({ kind: 'end', line: 1, column: 7 });
    expect(findJsonProblem('{"a": "open\n}')).toEqual({ kind: 'string', line: 1, column: 7 });
    expect(findJsonProblem('{} x')).toEqual({ kind: 'trailing', line: 1, column: 4 });
    expect(findJsonProblem("{'a': 1}")).toEqual({ kind: 'unexpected', line: 1, column: 2, char: "'" });
    expect(findJsonProblem('[01]')).toEqual({ kind: 'unexpected', line: 1, column: 3, char: '1' });
  });

  it('agrees with JSON.parse on what is JSON', () => {
    const texts = [
      '{"a":1}',
      '[1,]',
      'tru',
      '"\\x"',
      '1.',
      '.5',
      '{"a" 1}',
      '[1 2]',
      '"tab\there"',
      'NaN',
      '{"a":1}}',
    ];
    for (const text of texts) {
      let parses = true;
      try {
        JSON.parse(text);
      } catch {
        parses = false;
      }
      expect(findJsonProblem(text) === undefined, text).toBe(parses);
    }
  });

  it('lets Liquid stand for values and sit in strings when the text is a template', () => {
    const body =
      '{\n  "amount": {{ input.amount }},\n  "note": "Hi {{ vars.name }}",\n  {% if vars.vip %}"vip": true,{% endif %}\n  "items": [{% for i in input.items %}{{ i.id }},{% endfor %}]\n}';
    expect(findJsonProblem(body, { template: true })).toBeUndefined();
    expect(findJsonProblem('{{ vars.payload }}', { template: true })).toBeUndefined();
    expect(findJsonProblem(body)).toMatchObject({ kind: 'unexpected', line: 2 });
  });

  it('still finds JSON mistakes and unclosed tags in a template', () => {
    expect(findJsonProblem('{"a": {{ x }}, }', { template: true })).toEqual({
      kind: 'unexpected',
      line: 1,
      column: 16,
      char: '}',
    });
    expect(findJsonProblem('{"a": {{ x }', { template: true })).toEqual({
      kind: 'template',
      line: 1,
      column: 7,
    });
    expect(findJsonProblem('{"a": 1 {% if x }', { template: true })).toEqual({
      kind: 'template',
      line: 1,
      column: 9,
    });
    expect(findJsonProblem('{"a": 1 {% if x %}', { template: true })).toEqual({
      kind: 'end',
      line: 1,
      column: 19,
    });
  });
});
