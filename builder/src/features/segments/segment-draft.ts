import type { components } from '../../api/api-schema.ts';

export type Condition = components['schemas']['SegmentCondition'];
export type ApiRules = components['schemas']['SegmentRules'];
export type RuleOptions = components['schemas']['SegmentRuleOptions'];
export type Segment = components['schemas']['Segment'];

/** The tree as the editor holds it; the API spells the same shape out level by level. */
export interface Group {
  kind: 'group';
  match: 'all' | 'any';
  rules: Rule[];
}
export type Rule = Group | Condition;

/** Groups nest at most this deep (the server's limit). */
export const maxDepth = 5;

export type ValueType = 'text' | 'number' | 'date' | 'boolean' | 'choice';
export type FieldOperator = Extract<Condition, { kind: 'custom' }>['operator'];

/** Operators by the type of what they compare, as the server checks them (segment-rules.ts). */
export const operatorsByType: Record<ValueType, FieldOperator[]> = {
  text: ['equals', 'not_equals', 'contains', 'starts_with', 'in_list', 'is_empty', 'is_not_empty'],
  number: ['equals', 'not_equals', 'greater_than', 'less_than', 'between', 'is_empty', 'is_not_empty'],
  date: ['before', 'after', 'between', 'is_empty', 'is_not_empty'],
  boolean: ['is_true', 'is_false', 'is_empty'],
  choice: ['equals', 'not_equals', 'in_list', 'is_empty', 'is_not_empty'],
};

export type ContactField = Extract<Condition, { kind: 'contact' }>['field'];
export const contactFields: Record<ContactField, ValueType> = {
  first_name: 'text',
  last_name: 'text',
  display_name: 'text',
  language: 'text',
  timezone: 'text',
  created_at: 'date',
};

/** Operators that take no value, one, or two (from, to), or a list. */
export function valueShape(operator: FieldOperator): 'none' | 'one' | 'two' | 'list' {
  if (['is_empty', 'is_not_empty', 'is_true', 'is_false'].includes(operator)) return 'none';
  if (operator === 'between') return 'two';
  if (operator === 'in_list') return 'list';
  return 'one';
}

export const isValueType = (type: string): type is ValueType =>
  type === 'text' || type === 'number' || type === 'date' || type === 'boolean' || type === 'choice';

/** The type of a field condition: a contact column's own, or the custom field's. */
export function typeOf(
  condition: Extract<Condition, { kind: 'contact' | 'custom' }>,
  options: RuleOptions,
): ValueType {
  if (condition.kind === 'contact') return contactFields[condition.field];
  const type = options.fields.find((f) => f.key === condition.key)?.type ?? 'text';
  return isValueType(type) ? type : 'text';
}

/** A "what" choice of the field dropdown: `contact:first_name`, `custom:<key>`, `tags`… */
export function whatOf(condition: Condition): string {
  if (condition.kind === 'contact') return `contact:${condition.field}`;
  if (condition.kind === 'custom') return `custom:${condition.key}`;
  return condition.kind;
}

const today = () => new Date().toISOString().slice(0, 10);

/** A new condition for a "what" choice, with the first operator that fits. */
export function conditionFor(what: string, options: RuleOptions): Condition {
  const [kind, name = ''] = what.split(':', 2);
  if (kind === 'contact' && name in contactFields) {
    const field = Object.keys(contactFields).find((f): f is ContactField => f === name) ?? 'first_name';
    return { kind: 'contact', field, operator: operatorsByType[contactFields[field]][0]! };
  }
  if (kind === 'custom') {
    const type = options.fields.find((f) => f.key === name)?.type ?? 'text';
    return { kind: 'custom', key: name, operator: operatorsByType[isValueType(type) ? type : 'text'][0]! };
  }
  switch (kind) {
    case 'tags':
      return { kind: 'tags', operator: 'has', tags: [] };
    case 'consent':
      return { kind: 'consent', channel: 'sms', state: 'consented' };
    case 'campaign':
      return {
        kind: 'campaign',
        campaignId: options.campaigns[0]?.id ?? '',
        action: 'received',
        negate: false,
      };
    case 'ivr': {
      const flow = options.flows[0];
      const menu = flow?.menus[0];
      return {
        kind: 'ivr',
        flowId: flow?.id ?? '',
        nodeId: menu?.nodeId ?? '',
        option: menu?.options[0]?.id ?? '',
        negate: false,
      };
    }
    default:
      return { kind: 'last_contact', operator: 'before', date: today() };
  }
}

/** The rule at a path of positions (0-based) replaced by `next` (or removed when undefined). */
export function replaceAt(group: Group, path: number[], next: Rule | undefined): Group {
  const [head, ...rest] = path;
  if (head === undefined) return next?.kind === 'group' ? next : group;
  const rules = group.rules.flatMap((rule, i): Rule[] => {
    if (i !== head) return [rule];
    if (rest.length === 0) return next ? [next] : [];
    return rule.kind === 'group' ? [replaceAt(rule, rest, next)] : [rule];
  });
  return { ...group, rules };
}

export const emptyRules = (): Group => ({ kind: 'group', match: 'all', rules: [] });

/**
 * The editor's tree as the API's type. The API's schema spells the levels out to `maxDepth` (an
 * OpenAPI document holds no recursive schema); the editor never nests deeper, so the shapes agree.
 */
export function toApiRules(group: Group): ApiRules {
  return JSON.parse(JSON.stringify(group)) as ApiRules;
}

export function fromApiRules(rules: ApiRules | null): Group {
  return rules ? (JSON.parse(JSON.stringify(rules)) as Group) : emptyRules();
}
