import { z } from 'zod';
import { messagingChannels } from '@omniflow/db';

/**
 * A segment's rules: conditions in groups joined by AND ("all") or OR ("any"), nested. The shape
 * is checked here; whether a condition fits the workspace (its custom field exists, the operator
 * suits the field's type, the campaign or flow is its own) is checked when it is compiled
 * (compile-segment-rules.ts), where a wrong one is named by its place in the tree.
 */

/** Operators by the type of what they compare: the builder offers only the ones that fit. */
export const operatorsByType = {
  text: ['equals', 'not_equals', 'contains', 'starts_with', 'in_list', 'is_empty', 'is_not_empty'],
  number: ['equals', 'not_equals', 'greater_than', 'less_than', 'between', 'is_empty', 'is_not_empty'],
  date: ['before', 'after', 'between', 'is_empty', 'is_not_empty'],
  boolean: ['is_true', 'is_false', 'is_empty'],
  choice: ['equals', 'not_equals', 'in_list', 'is_empty', 'is_not_empty'],
} as const;
export type ValueType = keyof typeof operatorsByType;

export type FieldOperator = (typeof operatorsByType)[ValueType][number];
export const fieldOperators = [
  'equals',
  'not_equals',
  'contains',
  'starts_with',
  'in_list',
  'greater_than',
  'less_than',
  'between',
  'before',
  'after',
  'is_true',
  'is_false',
  'is_empty',
  'is_not_empty',
] as const satisfies readonly FieldOperator[];

/** The contact's own columns a rule can compare, with the type that picks their operators. */
const contactColumns = [
  'first_name',
  'last_name',
  'display_name',
  'language',
  'timezone',
  'created_at',
] as const;
export type ContactField = (typeof contactColumns)[number];

export const contactColumnTypes = {
  first_name: 'text',
  last_name: 'text',
  display_name: 'text',
  language: 'text',
  timezone: 'text',
  created_at: 'date',
} as const satisfies Record<ContactField, ValueType>;

// Lists and texts are bounded so a rule can never be a way to send the database megabytes.
const shortText = z.string().max(500, 'A value is at most 500 characters');
const scalar = z.union([shortText, z.number().finite(), z.boolean()]);
const valueFields = {
  value: scalar.optional(),
  // `between` takes two values (from, to); `in_list` up to 1000.
  values: z
    .array(z.union([shortText, z.number().finite()]))
    .max(1000, 'At most 1000 values in a list')
    .optional(),
};

const contactCondition = z.object({
  kind: z.literal('contact'),
  field: z.enum(contactColumns),
  operator: z.enum(fieldOperators),
  ...valueFields,
});

const customCondition = z.object({
  kind: z.literal('custom'),
  // contact_fields.key of the workspace.
  key: z.string().min(1).max(100),
  operator: z.enum(fieldOperators),
  ...valueFields,
});

const tagsCondition = z.object({
  kind: z.literal('tags'),
  operator: z.enum(['has', 'has_not', 'has_any']),
  tags: z.array(z.string().min(1).max(100)).min(1, 'Choose at least one tag').max(100),
});

const consentCondition = z.object({
  kind: z.literal('consent'),
  channel: z.enum(messagingChannels),
  // consented: an address there with consent and no opt-out; opted_out: one that opted out.
  state: z.enum(['consented', 'not_consented', 'opted_out']),
});

export const campaignActions = ['received', 'opened', 'clicked', 'replied'] as const;
const campaignCondition = z.object({
  kind: z.literal('campaign'),
  campaignId: z.uuid(),
  action: z.enum(campaignActions),
  // "did not open campaign X".
  negate: z.boolean().default(false),
});

const ivrCondition = z.object({
  kind: z.literal('ivr'),
  flowId: z.uuid(),
  // The menu node and the option (its port id) the caller left it by.
  nodeId: z.string().min(1).max(200),
  option: z.string().min(1).max(200),
  negate: z.boolean().default(false),
});

const lastContactCondition = z.object({
  kind: z.literal('last_contact'),
  operator: z.enum(['before', 'after']),
  // An ISO date (2026-03-01) or instant.
  date: z.string().max(40),
});

export const conditionSchema = z.discriminatedUnion('kind', [
  contactCondition,
  customCondition,
  tagsCondition,
  consentCondition,
  campaignCondition,
  ivrCondition,
  lastContactCondition,
]);
export type SegmentCondition = z.infer<typeof conditionSchema>;

export interface SegmentGroup {
  kind: 'group';
  match: 'all' | 'any';
  rules: SegmentRule[];
}
export type SegmentRule = SegmentGroup | SegmentCondition;

// Values in all of a tree's lists: each is a bound parameter, and a statement takes at most 65,535.
export const segmentRulesLimits = { depth: 5, conditions: 200, values: 5000 };

/**
 * The whole tree: a group at the top, groups inside it at most `depth` deep, so its schema is
 * spelled out level by level (an OpenAPI document cannot hold a recursive zod schema) and a
 * deeper tree fails its shape. The API passes its condition schema with an OpenAPI name.
 */
export function segmentRulesSchemaOf(condition: z.ZodType<SegmentCondition>): z.ZodType<SegmentGroup> {
  let group: z.ZodType<SegmentGroup> | undefined;
  for (let level = 0; level < segmentRulesLimits.depth; level++) {
    const rule: z.ZodType<SegmentRule> = group ? z.union([condition, group]) : condition;
    group = z.object({
      kind: z.literal('group'),
      match: z.enum(['all', 'any']),
      rules: z.array(rule).max(100, 'At most 100 rules in a group'),
    });
  }
  return group!.superRefine((tree, ctx) => {
    if (countConditions(tree) > segmentRulesLimits.conditions)
      ctx.addIssue({ code: 'custom', message: `At most ${segmentRulesLimits.conditions} conditions` });
    if (countValues(tree) > segmentRulesLimits.values)
      ctx.addIssue({
        code: 'custom',
        message: `At most ${segmentRulesLimits.values} values and tags in all`,
      });
  });
}

function countValues(group: SegmentGroup): number {
  return group.rules.reduce((n, rule) => {
    if (rule.kind === 'group') return n + countValues(rule);
    if (rule.kind === 'tags') return n + rule.tags.length;
    if (rule.kind === 'contact' || rule.kind === 'custom') return n + (rule.values?.length ?? 0);
    return n;
  }, 0);
}

function countConditions(group: SegmentGroup): number {
  return group.rules.reduce((n, rule) => n + (rule.kind === 'group' ? countConditions(rule) : 1), 0);
}

export const segmentRulesSchema = segmentRulesSchemaOf(conditionSchema);
