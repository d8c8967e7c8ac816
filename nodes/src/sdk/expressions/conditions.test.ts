import { describe, expect, it } from 'vitest';
import { testScope } from '../testing.ts';
import { compare, conditionOperators, conditionsMatch, type ConditionOperator } from './conditions.ts';

describe('compare', () => {
  const cases: [ConditionOperator, unknown, unknown, boolean][] = [
    ['equals', 'ana', 'ana', true],
    ['equals', 'ana', 'Ana', false],
    ['equals', '7', 7, true],
    ['equals', 7, '7.0', true],
    ['equals', '07', 7, true],
    ['equals', '', 0, false],
    ['equals', true, 'true', true],
    ['equals', { a: 1 }, '{"a":1}', true],
    ['not_equals', '7', 7, false],
    ['not_equals', 'a', 'b', true],
    ['contains', ['red', 'green'], 'green', true],
    ['contains', ['red', 'green'], 'gre', false],
    ['contains', [1, 2, 3], '2', true],
    ['contains', 'hello world', 'lo w', true],
    ['contains', 'hello', 'bye', false],
    ['contains', 12345, '234', true],
    ['starts_with', 'hello', 'he', true],
    ['starts_with', 'hello', 'lo', false],
    ['starts_with', '+34600111222', '+34', true],
    ['gt', '10', 9, true],
    ['gt', 9, '10', false],
    ['gt', 5, 5, false],
    ['gt', 'abc', 1, false],
    ['gte', 5, '5', true],
    ['gte', 4, 5, false],
    ['lt', '2', '10', true],
    ['lt', 10, 2, false],
    ['lt', '', 1, false],
    ['lte', 5, 5, true],
    ['lte', 6, 5, false],
    ['is_empty', [], undefined, true],
    ['is_empty', {}, undefined, true],
    ['is_empty', '', undefined, true],
    ['is_empty', null, undefined, true],
    ['is_empty', undefined, undefined, true],
    ['is_empty', 0, undefined, false],
    ['is_empty', ' ', undefined, false],
    ['is_empty', [0], undefined, false],
    ['is_empty', { a: null }, undefined, false],
    ['is_not_empty', 'x', undefined, true],
    ['is_not_empty', [], undefined, false],
    ['matches_regex', 'ORD-1234', '^ORD-\\d{4}$', true],
    ['matches_regex', 'ORD-12', '^ORD-\\d{4}$', false],
    ['matches_regex', 'a@b.co', '@', true],
  ];

  it.each(cases)('%s(%j, %j) is %s', (operator, left, right, expected) => {
    expect(compare(operator, left, right)).toBe(expected);
  });

  it('covers every operator', () => {
    expect(new Set(cases.map(([operator]) => operator))).toEqual(new Set(conditionOperators));
  });

  it('throws on an invalid regular expression (the split guard turns that into no match)', () => {
    expect(() => compare('matches_regex', 'x', '(')).toThrow(SyntaxError);
  });
});

describe('conditionsMatch', () => {
  const scope = testScope({ input: { digit: '2', tags: ['vip'], city: 'Lima' }, vars: { tries: 3 } });
  const digitIs2 = { left: '{{ input.digit }}', operator: 'equals', right: '2' } as const;
  const manyTries = { left: '{{ vars.tries }}', operator: 'gt', right: '5' } as const;

  it('all: true only when every condition holds', () => {
    expect(conditionsMatch('all', [digitIs2], scope)).toBe(true);
    expect(conditionsMatch('all', [digitIs2, manyTries], scope)).toBe(false);
  });

  it('any: true when one condition holds', () => {
    expect(conditionsMatch('any', [digitIs2, manyTries], scope)).toBe(true);
    expect(conditionsMatch('any', [manyTries], scope)).toBe(false);
  });

  it('evaluates templates on both sides, keeping types', () => {
    expect(
      conditionsMatch('all', [{ left: '{{ input.tags }}', operator: 'contains', right: 'vip' }], scope),
    ).toBe(true);
    expect(
      conditionsMatch('all', [{ left: 'Lima', operator: 'equals', right: '{{ input.city }}' }], scope),
    ).toBe(true);
  });

  it('treats a missing right side as empty text', () => {
    expect(conditionsMatch('all', [{ left: '{{ input.missing }}', operator: 'is_empty' }], scope)).toBe(true);
    expect(conditionsMatch('all', [{ left: '{{ input.city }}', operator: 'is_empty' }], scope)).toBe(false);
  });

  it('all of nothing is true, any of nothing is false', () => {
    expect(conditionsMatch('all', [], scope)).toBe(true);
    expect(conditionsMatch('any', [], scope)).toBe(false);
  });
});
