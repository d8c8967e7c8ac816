import { describe, expect, it } from 'vitest';
import { testScope } from '../testing.ts';
import { TemplateError, evaluateDeep, evaluateValue, renderText, templateSyntaxError } from './templates.ts';

const scope = testScope({
  input: {
    name: 'ana',
    amount: 42,
    price: '7',
    items: ['a', 'b'],
    customer: { id: 'c-1', vip: true },
    none: null,
  },
  vars: { greeting: 'hola', count: 3 },
  nodes: { fetch: { output: { status: 200, body: { ok: true } } } },
});

describe('evaluateValue', () => {
  it('keeps a number from a single {{ expression }}', () => {
    expect(evaluateValue('{{ input.amount }}', scope)).toBe(42);
  });

  it('keeps arrays, objects, booleans and null from a single expression', () => {
    expect(evaluateValue('{{ input.items }}', scope)).toEqual(['a', 'b']);
    expect(evaluateValue('{{ input.customer }}', scope)).toEqual({ id: 'c-1', vip: true });
    expect(evaluateValue('{{ input.customer.vip }}', scope)).toBe(true);
    expect(evaluateValue('{{ input.none }}', scope)).toBeNull();
  });

  it('keeps the type with surrounding whitespace and whitespace-control dashes', () => {
    expect(evaluateValue('  {{input.amount}} ', scope)).toBe(42);
    expect(evaluateValue('{{- vars.count -}}', scope)).toBe(3);
  });

  it('reads node outputs and run metadata', () => {
    expect(evaluateValue('{{ nodes.fetch.output.body }}', scope)).toEqual({ ok: true });
    expect(evaluateValue('{{ run.id }}', scope)).toBe('run-test');
  });

  it('does not turn a numeric string into a number', () => {
    expect(evaluateValue('{{ input.price }}', scope)).toBe('7');
  });

  it('gives undefined for a missing path instead of throwing', () => {
    expect(evaluateValue('{{ input.nothing.here }}', scope)).toBeUndefined();
  });

  it('renders mixed text as a string', () => {
    expect(evaluateValue('Total: {{ input.amount }} EUR', scope)).toBe('Total: 42 EUR');
    expect(evaluateValue('{{ vars.greeting }} {{ input.name }}', scope)).toBe('hola ana');
  });

  it('keeps the type a filter gives in a single expression', () => {
    expect(evaluateValue('{{ input.amount | plus: 1 }}', scope)).toBe(43);
    expect(evaluateValue('{{ input.items | size }}', scope)).toBe(2);
  });

  it('applies filters, e.g. upcase', () => {
    expect(evaluateValue('{{ input.name | upcase }}', scope)).toBe('ANA');
    expect(evaluateValue('{{ input.items | join: "," }}', scope)).toBe('a,b');
  });

  it('passes non-strings through untouched', () => {
    const object = { a: '{{ input.name }}' };
    expect(evaluateValue(12, scope)).toBe(12);
    expect(evaluateValue(false, scope)).toBe(false);
    expect(evaluateValue(null, scope)).toBeNull();
    expect(evaluateValue(object, scope)).toBe(object);
  });

  it('returns plain text without templates as is', () => {
    expect(evaluateValue('just text', scope)).toBe('just text');
  });

  it.each([
    '{{ input.name',
    '{% if input.name %}yes',
    '{{ input..name }}',
    '{{ }}',
    '{{ input.name | no_such_filter }}',
  ])('throws a TemplateError for %j', (template) => {
    let caught: unknown;
    try {
      evaluateValue(template, scope);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(TemplateError);
    expect((caught as TemplateError).code).toBe('TEMPLATE_INVALID');
    expect((caught as TemplateError).template).toBe(template);
    expect((caught as TemplateError).message).toContain(template);
  });
});

describe('renderText', () => {
  it('renders Liquid tags and outputs to text', () => {
    expect(renderText('{% if input.customer.vip %}VIP {% endif %}{{ input.amount }}', scope)).toBe('VIP 42');
  });

  it('cannot read inherited properties (ownPropertyOnly)', () => {
    expect(renderText('[{{ input.name.constructor }}]', scope)).toBe('[]');
  });

  it('wraps syntax errors in a TemplateError', () => {
    expect(() => renderText('{% for x in %}', scope)).toThrow(TemplateError);
  });
});

describe('parsed templates kept between evaluations', () => {
  const other = testScope({ input: { amount: 7, name: 'luz', items: ['x'] } });

  it('give each scope its own result', () => {
    for (const template of ['{{ input.amount | plus: 1 }}', 'Hi {{ input.name | upcase }}!']) {
      const first = evaluateValue(template, scope);
      expect(evaluateValue(template, other)).not.toEqual(first);
      expect(evaluateValue(template, scope)).toEqual(first);
    }
    expect(renderText('{% for i in input.items %}{{ i }}{% endfor %}', scope)).toBe('ab');
    expect(renderText('{% for i in input.items %}{{ i }}{% endfor %}', other)).toBe('x');
  });

  it('still fail every time for a template that does not parse', () => {
    for (let i = 0; i < 2; i++)
      expect(() => evaluateValue('{{ input.name | nope }}', scope)).toThrow(TemplateError);
  });

  it('stay correct once more templates were used than are kept', () => {
    for (let i = 0; i < 600; i++)
      expect(evaluateValue(`{{ input.amount | plus: ${i} }}`, scope)).toBe(42 + i);
    expect(evaluateValue('{{ input.amount | plus: 0 }}', other)).toBe(7);
  });
});

describe('evaluateDeep', () => {
  it('evaluates every string in nested objects and arrays, keeping single-expression types', () => {
    const value = {
      to: '{{ input.customer.id }}',
      lines: ['Hi {{ input.name }}', '{{ input.amount }}'],
      n: 5,
      skip: null,
    };
    expect(evaluateDeep(value, scope)).toEqual({ to: 'c-1', lines: ['Hi ana', 42], n: 5, skip: null });
  });
});

describe('templateSyntaxError', () => {
  it('is undefined for a template that parses', () => {
    expect(
      templateSyntaxError('Hi {{ input.name | upcase }}{% if vars.count > 1 %}s{% endif %}'),
    ).toBeUndefined();
  });

  it('explains an unclosed output', () => {
    expect(templateSyntaxError('{{ input.name')).toMatch(/not closed/);
  });

  it('explains an unclosed tag', () => {
    expect(templateSyntaxError('{% if x %}')).toMatch(/not closed/);
  });

  it('rejects an unknown filter at parse time', () => {
    expect(templateSyntaxError('{{ input.name | shout }}')).toMatch(/undefined filter: shout/);
  });
});
