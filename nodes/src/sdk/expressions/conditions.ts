import { evaluateValue } from './templates.ts';

export const conditionOperators = [
  'equals',
  'not_equals',
  'contains',
  'starts_with',
  'gt',
  'gte',
  'lt',
  'lte',
  'is_empty',
  'is_not_empty',
  'matches_regex',
] as const;
export type ConditionOperator = (typeof conditionOperators)[number];

export interface Condition {
  left: string;
  operator: ConditionOperator;
  right?: string | undefined;
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

function asNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') return Number(value);
  return Number.NaN;
}

function asText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

// Numbers compare as numbers when both sides read as numbers ("7" equals 7), as a designer
// typing a keypad digit expects; everything else compares as text.
function looselyEqual(left: unknown, right: unknown): boolean {
  const l = asNumber(left);
  const r = asNumber(right);
  if (!Number.isNaN(l) && !Number.isNaN(r)) return l === r;
  return asText(left) === asText(right);
}

export function compare(operator: ConditionOperator, left: unknown, right: unknown): boolean {
  switch (operator) {
    case 'equals':
      return looselyEqual(left, right);
    case 'not_equals':
      return !looselyEqual(left, right);
    case 'contains':
      return Array.isArray(left)
        ? left.some((item) => looselyEqual(item, right))
        : asText(left).includes(asText(right));
    case 'starts_with':
      return asText(left).startsWith(asText(right));
    case 'gt':
      return asNumber(left) > asNumber(right);
    case 'gte':
      return asNumber(left) >= asNumber(right);
    case 'lt':
      return asNumber(left) < asNumber(right);
    case 'lte':
      return asNumber(left) <= asNumber(right);
    case 'is_empty':
      return isEmpty(left);
    case 'is_not_empty':
      return !isEmpty(left);
    case 'matches_regex':
      return new RegExp(asText(right)).test(asText(left));
  }
}

/** Evaluates a branch's conditions against a template scope. */
export function conditionsMatch(
  match: 'all' | 'any',
  conditions: readonly Condition[],
  scope: object,
): boolean {
  const test = (condition: Condition) =>
    compare(
      condition.operator,
      evaluateValue(condition.left, scope),
      evaluateValue(condition.right ?? '', scope),
    );
  return match === 'all' ? conditions.every(test) : conditions.some(test);
}
