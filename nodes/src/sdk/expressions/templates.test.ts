import { describe, expect, it } from 'vitest';
import { testScope } from '../testing.ts';
import {
  TemplateError,
  evaluateDeep,
  evaluateValue,
  renderLibraryText,
  renderText,
  templateLimits,
  templateSyntaxError,
  templateSyntaxProblem,
} from './templates.ts';

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
const longScope = testScope({ input: { long: 'y'.repeat(100) } });

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

describe('templates have no file system', () => {
  it.each([
    "{% include 'package.json' %}",
    "{% render 'package.json' %}",
    "{% layout 'package.json' %}x",
    "{% include '../../../package.json' %}",
    '{% include input.file %}',
  ])('%s fails with TEMPLATE_FILE_ACCESS and sends no file', (template) => {
    let caught: unknown;
    let text: string | undefined;
    try {
      text = renderText(template, testScope({ input: { file: 'package.json' } }));
    } catch (error) {
      caught = error;
    }
    expect(text).toBeUndefined();
    expect(caught).toBeInstanceOf(TemplateError);
    const error = caught as TemplateError;
    expect(error.code).toBe('TEMPLATE_FILE_ACCESS');
    expect(error.message).toMatch(/cannot read files/);
    expect(error.message).not.toContain('"workspaces"');
  });
});

describe('template limits', () => {
  function failure(run: () => unknown): TemplateError {
    try {
      run();
    } catch (error) {
      if (error instanceof TemplateError) return error;
      throw error;
    }
    throw new Error('did not fail');
  }

  it('stops a ten-million-step loop fast, before building its range', () => {
    const started = performance.now();
    const error = failure(() => renderText('{% for i in (1..10000000) %}x{% endfor %}', scope));
    expect(error.code).toBe('TEMPLATE_LIMIT');
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('stops nested loops over data by counting steps, not by the clock', () => {
    const items = Array.from({ length: 100 }, (_, i) => i);
    const many = testScope({ input: { items } });
    const error = failure(() =>
      renderText(
        '{% for a in input.items %}{% for b in input.items %}{% for c in input.items %}{% endfor %}{% endfor %}{% endfor %}',
        many,
      ),
    );
    expect(error.code).toBe('TEMPLATE_LIMIT');
    expect(error.message).toMatch(new RegExp(`more than ${templateLimits.steps} render steps`));
  });

  it('caps the output size', () => {
    const error = failure(() =>
      renderText('{% for i in (1..50000) %}{{ input.long }}{% endfor %}', longScope),
    );
    expect(error.code).toBe('TEMPLATE_LIMIT');
    expect(error.message).toMatch(/longer than 1000000 characters/);
  });

  it('caps text built inside a capture', () => {
    const error = failure(() =>
      renderText(
        '{% capture c %}{% for i in (1..50000) %}{{ input.long }}{% endfor %}{% endcapture %}{{ c | size }}',
        longScope,
      ),
    );
    expect(error.code).toBe('TEMPLATE_LIMIT');
  });

  it('caps plain-path templates too', () => {
    const template = '{{ input.long }}'.repeat(20_000);
    expect(failure(() => renderText(template, longScope)).code).toBe('TEMPLATE_LIMIT');
  });

  it('caps a single expression', () => {
    expect(failure(() => evaluateValue('{{ (1..100000000) | join }}', scope)).code).toBe('TEMPLATE_LIMIT');
  });

  it('refuses a template source over the size limit', () => {
    const template = `{% if true %}${'x'.repeat(templateLimits.sourceChars)}{% endif %}`;
    expect(failure(() => renderText(template, scope)).code).toBe('TEMPLATE_LIMIT');
  });

  it('leaves ordinary loops and captures alone', () => {
    expect(
      renderText('{% capture c %}{% for i in (1..3) %}{{ i }}{% endfor %}{% endcapture %}[{{ c }}]', scope),
    ).toBe('[123]');
    expect(renderText('{% for i in (1..2000) %}{% endfor %}done', scope)).toBe('done');
  });
});

describe('library templates', () => {
  const files = new Map([['greeting', 'Hola {{ input.name }}']]);

  it('includes a library template by name', () => {
    expect(renderLibraryText("{% include 'greeting' %}!", scope, files)).toBe('Hola ana!');
  });

  it('escapes outputs for HTML when asked, leaving | raw alone', () => {
    const html = testScope({ input: { name: '<b>' } });
    expect(
      renderLibraryText('{{ input.name }}{{ input.name | raw }}', html, files, { escapeHtml: true }),
    ).toBe('&lt;b&gt;<b>');
  });

  it('refuses an include outside the library with TEMPLATE_FILE_ACCESS', () => {
    expect(() => renderLibraryText("{% include 'package.json' %}", scope, files)).toThrow(
      expect.objectContaining({ code: 'TEMPLATE_FILE_ACCESS' }),
    );
  });

  it('flow templates still cannot include library templates', () => {
    expect(() => renderText("{% include 'greeting' %}", scope)).toThrow(
      expect.objectContaining({ code: 'TEMPLATE_FILE_ACCESS' }),
    );
  });
});

describe('templateSyntaxProblem', () => {
  it('gives the line and column of a parse error, without Liquid’s suffix', () => {
    expect(templateSyntaxProblem('one\ntwo {{ x | nope }}')).toEqual({
      message: 'undefined filter: nope',
      line: 2,
      column: 5,
    });
    expect(templateSyntaxProblem('fine {{ x }}')).toBeUndefined();
  });
});

describe('an object written into text', () => {
  const scope = {
    nodes: {
      ask1: { output: { answer: 'Ana', text: 'Me llamo Ana', choiceId: null, retries: 0 } },
      order: { output: { items: [{ sku: 'A1' }, { sku: 'B2' }], total: { amount: 12, currency: 'EUR' } } },
    },
  };

  it('reads as its fields, never "[object Object]"', () => {
    const text = renderText('Hola {{ nodes.ask1.output }}', scope);
    expect(text).toBe('Hola answer: Ana, text: Me llamo Ana, retries: 0');
    expect(text).not.toContain('[object Object]');
  });

  it('writes nested records in parentheses and lists of records apart', () => {
    expect(renderText('{{ nodes.order.output }}', scope)).toBe(
      'items: (sku: A1), (sku: B2), total: (amount: 12, currency: EUR)',
    );
    expect(renderText('{{ nodes.order.output.items }}', scope)).toBe('sku: A1; sku: B2');
  });

  it('leaves fields, lists of plain values and an email body’s escaping as before', () => {
    expect(renderText('{{ nodes.ask1.output.answer }}', scope)).toBe('Ana');
    expect(renderText('{{ list }}', { list: [1, 'a', null] })).toBe('1a');
    expect(renderLibraryText('{{ o }}', { o: { name: '<b>' } }, new Map(), { escapeHtml: true })).toBe(
      'name: &lt;b&gt;',
    );
  });

  it('keeps the object itself where a value is expected', () => {
    expect(evaluateValue('{{ nodes.ask1.output }}', scope)).toEqual(scope.nodes.ask1.output);
  });
});
