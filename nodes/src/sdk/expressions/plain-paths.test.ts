import { describe, expect, it } from 'vitest';
import { testScope } from '../testing.ts';
import { liquidText, liquidValue } from './liquid-engine.ts';
import { notPlain, readSinglePath, renderPlainPaths } from './plain-paths.ts';
import { evaluateValue, renderText } from './templates.ts';

class Money {
  constructor(readonly cents: number) {}
}

const scope = testScope({
  input: {
    name: 'ana',
    amount: 42,
    price: '7',
    zero: 0,
    negativeZero: -0,
    fraction: 1.5,
    huge: 1e21,
    notANumber: Number.NaN,
    yes: true,
    no: false,
    none: null,
    emptyText: '',
    items: ['a', 'b'],
    numbers: [1, 2, 3],
    mixed: [1, 'x', null, true, ['y', 2]],
    emptyList: [],
    rows: [{ id: 1 }, { id: 2 }],
    customer: { id: 'c-1', vip: true, tags: ['x'], address: { city: 'Lima' } },
    sized: { size: 5, first: 'f', last: 'l' },
    tricky: { toLiquid: 'not a function', toString: 'text', constructor: 'c', length: 3, nil: 'n' },
    protoless: Object.assign(Object.create(null) as object, { id: 'p' }),
    money: new Money(250),
    when: new Date('2026-01-01T00:00:00.000Z'),
    list: new Map([['k', 'v']]),
    call: () => 'called',
  },
  vars: { greeting: 'hola', count: 3, a_b: 'underscore', _x: 'leading', x1: 'digit', label: 'score 6' },
  nodes: { fetch: { output: { status: 200, body: { ok: true } } } },
});

/** The behaviour before the fast path, all Liquid: what evaluateValue must keep doing. */
function liquidEvaluateValue(value: string): unknown {
  const single = /^\s*\{\{-?\s*([^{}]*?)\s*-?\}\}\s*$/.exec(value);
  if (single && single[1]) return liquidValue(single[1], scope);
  if (!value.includes('{{') && !value.includes('{%')) return value;
  return liquidText(value, scope);
}

type Outcome = { value: unknown } | { error: true };
function outcome(run: () => unknown): Outcome {
  try {
    return { value: run() };
  } catch {
    return { error: true };
  }
}

const keys = [
  'input',
  'vars',
  'nodes',
  'run',
  'name',
  'amount',
  'price',
  'zero',
  'negativeZero',
  'fraction',
  'huge',
  'notANumber',
  'yes',
  'none',
  'emptyText',
  'items',
  'numbers',
  'mixed',
  'emptyList',
  'rows',
  'customer',
  'id',
  'vip',
  'tags',
  'address',
  'city',
  'sized',
  'tricky',
  'protoless',
  'money',
  'cents',
  'when',
  'list',
  'call',
  'missing',
  'size',
  'first',
  'last',
  'length',
  'constructor',
  '__proto__',
  'toString',
  'toLiquid',
  'hasOwnProperty',
  'nil',
  'empty',
  'blank',
  'true',
  'contains',
  'and',
  'greeting',
  'count',
  'a_b',
  '_x',
  'x1',
  'fetch',
  'output',
  'body',
  'ok',
  'status',
];

// Every path of one and two keys, three-key paths under input and vars, and a fixed sample of
// other three-key paths.
function* paths(): Generator<string> {
  for (const a of keys) {
    yield a;
    for (const b of keys) yield `${a}.${b}`;
  }
  for (const a of ['input', 'vars'])
    for (const b of keys)
      for (const c of ['id', 'missing', 'length', 'size', 'first', 'city', 'constructor', 'nil'])
        yield `${a}.${b}.${c}`;
  let seed = 7;
  const pick = () => {
    seed = (seed * 48271) % 2147483647;
    return keys[seed % keys.length]!;
  };
  for (let i = 0; i < 3000; i++) yield `${pick()}.${pick()}.${pick()}`;
  yield 'input.customer.address.city';
  yield 'nodes.fetch.output.body.ok';
}

const shapes = [
  (p: string) => `{{ ${p} }}`,
  (p: string) => `{{${p}}}`,
  (p: string) => `{{- ${p} -}}`,
  (p: string) => `  {{ ${p} }}\n`,
  (p: string) => `{{\t${p}\n}}`,
  (p: string) => `x {{ ${p} }} y`,
  (p: string) => `{{ ${p} }}{{ ${p} }}`,
  (p: string) => `[{{${p}}}] and {{ vars.count }}`,
];

const oddTemplates = [
  '',
  'just text',
  'a }} b %} c',
  '{{{ input.name }}',
  '{{ input.name }}}',
  '{ {{ input.name }}',
  '{{ input.name',
  'x {{ input.name }} {{',
  '{{ }}',
  '{{}}',
  '{{ input..name }}',
  '{{ input.name. }}',
  '{{ .input }}',
  '{{ input . name }}',
  '{{ input.my-key }}',
  '{{ input.näme }}',
  '{{\u00a0input.name }}',
  '\u00a0{{ input.name }}\u00a0',
  '{{ input.items[0] }}',
  '{{ input.items[-1] }}',
  '{{ input["name"] }}',
  '{{ input.name | upcase }}',
  '{{ input.amount | times: 2 }}',
  '{{ input.amount > 3 }}',
  '{{ 5 }}',
  '{{ "x" }}',
  '{{ (1..3) }}',
  '{% if input.yes %}y{% endif %}',
  'x {{ input.name }} {% if input.yes %}y{% endif %}',
  '{{ input.name }} {{- vars.count }}',
  '{{ input.name -}} {{ vars.count }}',
];

describe('plain paths read without Liquid', () => {
  it('agree with Liquid on every generated path and template shape', () => {
    let checked = 0;
    for (const p of paths()) {
      for (const shape of shapes) {
        const template = shape(p);
        expect(
          outcome(() => evaluateValue(template, scope)),
          template,
        ).toStrictEqual(outcome(() => liquidEvaluateValue(template)));
        expect(
          outcome(() => renderText(template, scope)),
          template,
        ).toStrictEqual(outcome(() => liquidText(template, scope)));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20_000);
  });

  it.each(oddTemplates)('agree with Liquid on %j', (template) => {
    expect(outcome(() => evaluateValue(template, scope))).toStrictEqual(
      outcome(() => liquidEvaluateValue(template)),
    );
    expect(outcome(() => renderText(template, scope))).toStrictEqual(
      outcome(() => liquidText(template, scope)),
    );
  });

  it('reads the common shapes itself', () => {
    expect(readSinglePath('{{ input.amount }}', scope)).toBe(42);
    expect(readSinglePath(' {{- vars.count -}} ', scope)).toBe(3);
    expect(readSinglePath('{{ input.customer }}', scope)).toBe(
      (scope.input as { customer: unknown }).customer,
    );
    expect(readSinglePath('{{ input.nothing.here }}', scope)).toBeUndefined();
    expect(readSinglePath('{{ input.none.here }}', scope)).toBeNull();
    expect(renderPlainPaths('score {{ vars.count }} for {{input.name}}', scope)).toBe('score 3 for ana');
    expect(renderPlainPaths('{{ input.mixed }}', scope)).toBe('1xtruey2');
    expect(renderPlainPaths('no templates', scope)).toBe('no templates');
  });

  it('leaves filters, tags, indexes, computed properties and non-data values to Liquid', () => {
    for (const template of [
      '{{ input.amount | plus: 1 }}',
      '{{ input.items[0] }}',
      '{{ input.items.size }}',
      '{{ input.items.first }}',
      '{{ input.money.cents }}',
      '{{ input.when }}',
      '{{ input.call }}',
      '{{ empty }}',
    ])
      expect(readSinglePath(template, scope), template).toBe(notPlain);
    for (const template of ['{% if input.yes %}y{% endif %}', 'a {{- input.name }}', '{{ input.customer }}'])
      expect(renderPlainPaths(template, scope), template).toBe(notPlain);
  });
});
