import { sql, type SQL } from 'drizzle-orm';
import { contacts, type ContactFieldType } from '@omniflow/db';
import {
  contactColumnTypes,
  operatorsByType,
  type SegmentCondition,
  type SegmentGroup,
  type SegmentRule,
  type ValueType,
} from './segment-rules.ts';
import { SegmentRuleError } from './segment-rule-error.ts';

/** What a rule tree is checked against: the workspace's custom fields and its campaigns and flows. */
export interface RuleContext {
  workspaceId: string;
  fields: ReadonlyMap<string, { label: string; type: ContactFieldType; choices: string[] | null }>;
  /** The campaigns and flows the tree names that belong to the workspace. */
  campaignIds: ReadonlySet<string>;
  flowIds: ReadonlySet<string>;
}

/**
 * The rule tree as one condition on `contacts` (undefined: everyone). Values are bound parameters,
 * never spliced into the text. A condition that does not fit the workspace throws a
 * SegmentRuleError naming its place ("rule 2.1") and what is wrong.
 */
export function compileSegmentRules(tree: SegmentGroup, context: RuleContext): SQL | undefined {
  return compileGroup(tree, context, []);
}

function compileGroup(group: SegmentGroup, context: RuleContext, path: number[]): SQL | undefined {
  const parts = group.rules
    .map((rule, i) => compileRule(rule, context, [...path, i + 1]))
    .filter((part): part is SQL => part !== undefined);
  if (parts.length === 0) return undefined;
  if (parts.length === 1) return parts[0];
  return sql`(${sql.join(parts, group.match === 'all' ? sql` and ` : sql` or `)})`;
}

function compileRule(rule: SegmentRule, context: RuleContext, path: number[]): SQL | undefined {
  if (rule.kind === 'group') return compileGroup(rule, context, path);
  const fail = (message: string): never => {
    throw new SegmentRuleError(path, message);
  };
  return compileCondition(rule, context, fail);
}

type Fail = (message: string) => never;

function compileCondition(rule: SegmentCondition, context: RuleContext, fail: Fail): SQL {
  switch (rule.kind) {
    case 'contact': {
      const type = contactColumnTypes[rule.field];
      return compareValue(columnValue(rule.field), type, rule, null, fail);
    }
    case 'custom': {
      const field = context.fields.get(rule.key);
      if (!field) return fail(`there is no custom field "${rule.key}"`);
      return compareValue(attributeValue(rule.key), field.type, rule, field.choices, fail);
    }
    case 'tags': {
      const list = sql`array[${sql.join(
        rule.tags.map((t) => sql`${t}`),
        sql`, `,
      )}]::text[]`;
      if (rule.operator === 'has') return sql`${contacts.tags} @> ${list}`;
      if (rule.operator === 'has_any') return sql`${contacts.tags} && ${list}`;
      return sql`not (${contacts.tags} && ${list})`;
    }
    case 'consent': {
      if (rule.state === 'opted_out')
        return sql`exists (select 1 from contact_channels cc where cc.contact_id = ${contacts.id}
          and cc.channel = ${rule.channel} and cc.opted_out_at is not null)`;
      const consented = sql`exists (select 1 from contact_channels cc where cc.contact_id = ${contacts.id}
          and cc.channel = ${rule.channel} and cc.consent_at is not null and cc.opted_out_at is null)`;
      return rule.state === 'consented' ? consented : sql`not ${consented}`;
    }
    case 'campaign': {
      if (!context.campaignIds.has(rule.campaignId)) return fail('the campaign does not exist');
      return membership(campaignContacts(rule.campaignId, rule.action, context.workspaceId), rule.negate);
    }
    case 'ivr': {
      if (!context.flowIds.has(rule.flowId)) return fail('the flow does not exist');
      // A menu node's ports are its options' ids (voice.menu): the step left by that port.
      const pressed = sql`select cc.contact_id from runs r
        join run_steps s on s.run_id = r.id
        join contact_channels cc on cc.workspace_id = r.workspace_id and cc.address = r.contact
        where r.workspace_id = ${context.workspaceId} and r.flow_id = ${rule.flowId}
          and s.node_id = ${rule.nodeId} and s.port = ${rule.option}`;
      return membership(pressed, rule.negate);
    }
    case 'last_contact': {
      const at = instant(rule.date, rule.operator === 'before' ? 'start' : 'end', fail);
      const since = (from: SQL) => sql`(exists (select 1 from contact_channels cc
          join messages m on m.workspace_id = cc.workspace_id and m.contact_address = cc.address
            and m.channel = cc.channel
          where cc.contact_id = ${contacts.id} and ${from})
        or exists (select 1 from messages m where m.contact_id = ${contacts.id} and ${from}))`;
      if (rule.operator === 'after') return since(sql`m.created_at >= ${at}::timestamptz`);
      return sql`(${since(sql`true`)} and not ${since(sql`m.created_at >= ${at}::timestamptz`)})`;
    }
  }
}

/** `contacts.id in (…)`, or its negation that stays true when the list holds a null. */
function membership(ids: SQL, negate: boolean): SQL {
  const inList = sql`${contacts.id} in (${ids})`;
  return negate ? sql`not coalesce(${inList}, false)` : inList;
}

/** The people a campaign reached, and who then opened, clicked or answered. */
function campaignContacts(campaignId: string, action: string, workspaceId: string): SQL {
  // A campaign's message to a person: one naming them, or the one their recipient row points at.
  const sent = sql`select coalesce(m.contact_id, cr.contact_id) as contact_id, m.id, m.channel,
      m.contact_address, m.created_at
    from messages m
    left join campaign_recipients cr on cr.campaign_id = m.campaign_id and cr.message_id = m.id
    where m.campaign_id = ${campaignId} and m.workspace_id = ${workspaceId} and m.direction = 'outbound'`;
  switch (action) {
    case 'received':
      return sql`select cr.contact_id from campaign_recipients cr
          where cr.campaign_id = ${campaignId} and cr.status in ('sent', 'delivered', 'answered')
        union select s.contact_id from (${sent} and m.status in ('sent', 'delivered', 'read')) s
          where s.contact_id is not null`;
    case 'opened':
    case 'clicked':
      // Opens fetched by a mail provider's proxy are not a person reading (email_events.proxy).
      return sql`select s.contact_id from (${sent}) s
        join email_events e on e.message_id = s.id
        where e.type = ${action === 'opened' ? 'open' : 'click'} and not e.proxy and s.contact_id is not null`;
    default:
      return sql`select s.contact_id from (${sent}) s
        where s.contact_id is not null and exists (select 1 from messages r
          where r.workspace_id = ${workspaceId} and r.channel = s.channel
            and r.contact_address = s.contact_address and r.direction = 'inbound'
            and r.created_at > s.created_at)`;
  }
}

/** How a compared value is read: a column, or a custom field out of `attributes`. */
interface ValueSource {
  text: SQL;
  /** Exact match of a JSON value (custom fields: containment, which the GIN index serves). */
  equals?: (value: string | number | boolean) => SQL;
  number: SQL;
  date: SQL;
  /** Whether the date is a timestamp (created_at) rather than a `YYYY-MM-DD` text. */
  timestamp: boolean;
}

function columnValue(field: keyof typeof contactColumnTypes): ValueSource {
  const column = {
    first_name: contacts.firstName,
    last_name: contacts.lastName,
    display_name: contacts.displayName,
    language: contacts.language,
    timezone: contacts.timezone,
    created_at: contacts.createdAt,
  }[field];
  return { text: sql`${column}`, number: sql`null`, date: sql`${column}`, timestamp: true };
}

function attributeValue(key: string): ValueSource {
  const text = sql`(${contacts.attributes} ->> ${key}::text)`;
  const json = sql`(${contacts.attributes} -> ${key}::text)`;
  return {
    text,
    equals: (value) => sql`${contacts.attributes} @> ${JSON.stringify({ [key]: value })}::jsonb`,
    // A value saved by a flow may be a number or a numeric text; anything else is no number.
    number: sql`(case when jsonb_typeof(${json}) = 'number' then ${text}::numeric
      when ${text} ~ '^ *-?[0-9]+([.][0-9]+)? *$' then ${text}::numeric end)`,
    date: sql`(case when ${text} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}' then left(${text}, 10) end)`,
    timestamp: false,
  };
}

type ValueRule = Extract<SegmentCondition, { kind: 'contact' | 'custom' }>;

function compareValue(
  source: ValueSource,
  type: ValueType,
  rule: ValueRule,
  choices: string[] | null,
  fail: Fail,
): SQL {
  const allowed: readonly string[] = operatorsByType[type];
  if (!allowed.includes(rule.operator))
    return fail(`"${rule.operator}" does not fit a ${type} field; use one of ${allowed.join(', ')}`);
  const { text } = source;
  switch (rule.operator) {
    case 'is_empty':
      return type === 'text' || type === 'choice' || type === 'boolean'
        ? sql`coalesce(${text}, '') = ''`
        : sql`${type === 'number' ? source.number : source.date} is null`;
    case 'is_not_empty':
      return type === 'text' || type === 'choice'
        ? sql`coalesce(${text}, '') <> ''`
        : sql`${type === 'number' ? source.number : source.date} is not null`;
    case 'is_true':
      return sql`${text} = 'true'`;
    case 'is_false':
      return sql`${text} = 'false'`;
  }
  if (type === 'number') return compareNumber(source, rule, fail);
  if (type === 'date') return compareDate(source, rule, fail);
  switch (rule.operator) {
    case 'equals':
    case 'not_equals': {
      const value = oneText(rule, choices, fail);
      const equal = source.equals ? source.equals(value) : sql`${text} = ${value}`;
      return rule.operator === 'equals' ? equal : sql`not coalesce(${equal}, false)`;
    }
    case 'contains':
      return sql`${text} ilike ${`%${likeEscape(oneText(rule, null, fail))}%`}`;
    case 'starts_with':
      return sql`${text} ilike ${`${likeEscape(oneText(rule, null, fail))}%`}`;
    case 'in_list': {
      const values = (rule.values ?? []).map(String);
      if (values.length === 0) return fail('choose at least one value');
      for (const value of values) checkChoice(value, choices, fail);
      return sql`${text} in (${sql.join(
        values.map((v) => sql`${v}`),
        sql`, `,
      )})`;
    }
  }
  return fail(`"${rule.operator}" does not fit a ${type} field`);
}

function compareNumber(source: ValueSource, rule: ValueRule, fail: Fail): SQL {
  const number = (value: unknown): number => {
    const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    return typeof n === 'number' && Number.isFinite(n) ? n : fail('write a number');
  };
  const n = source.number;
  switch (rule.operator) {
    case 'equals':
    case 'not_equals': {
      const value = number(rule.value);
      const equal = sql`${n} = ${value}::numeric`;
      return rule.operator === 'equals' ? equal : sql`not coalesce(${equal}, false)`;
    }
    case 'greater_than':
      return sql`${n} > ${number(rule.value)}::numeric`;
    case 'less_than':
      return sql`${n} < ${number(rule.value)}::numeric`;
    case 'between': {
      const [from, to] = rule.values ?? [];
      if (rule.values?.length !== 2) return fail('give two numbers: from and to');
      return sql`${n} between ${number(from)}::numeric and ${number(to)}::numeric`;
    }
  }
  return fail(`"${rule.operator}" does not fit a number field`);
}

function compareDate(source: ValueSource, rule: ValueRule, fail: Fail): SQL {
  const d = source.date;
  const bound = (value: unknown, edge: 'start' | 'end') =>
    source.timestamp ? sql`${instant(value, edge, fail)}::timestamptz` : sql`${day(value, fail)}`;
  switch (rule.operator) {
    case 'before':
      return sql`${d} < ${bound(rule.value, 'start')}`;
    case 'after':
      return source.timestamp
        ? sql`${d} >= ${bound(rule.value, 'end')}`
        : sql`${d} > ${bound(rule.value, 'end')}`;
    case 'between': {
      if (rule.values?.length !== 2) return fail('give two dates: from and to');
      const [from, to] = rule.values;
      return source.timestamp
        ? sql`(${d} >= ${bound(from, 'start')} and ${d} < ${bound(to, 'end')})`
        : sql`${d} between ${bound(from, 'start')} and ${bound(to, 'end')}`;
    }
  }
  return fail(`"${rule.operator}" does not fit a date field`);
}

const dayShape = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day: Date.parse takes 2026-02-30 as 2 March, so it must read back the same. */
const isDay = (value: string) => {
  const at = Date.parse(`${value}T00:00:00Z`);
  return dayShape.test(value) && !Number.isNaN(at) && new Date(at).toISOString().slice(0, 10) === value;
};

function day(value: unknown, fail: Fail): string {
  if (typeof value !== 'string' || !isDay(value)) return fail('write a date as YYYY-MM-DD');
  return value;
}

/**
 * A date as an instant (UTC): a whole day starts at its midnight and, as the end of a range,
 * reaches the next midnight, so "after 1 March" means from 2 March on. An ISO instant is itself.
 */
function instant(value: unknown, edge: 'start' | 'end', fail: Fail): string {
  if (typeof value !== 'string') return fail('write a date as YYYY-MM-DD');
  if (dayShape.test(value)) {
    if (!isDay(value)) return fail('write a date as YYYY-MM-DD');
    const start = Date.parse(`${value}T00:00:00Z`);
    return new Date(edge === 'start' ? start : start + 86_400_000).toISOString();
  }
  const at = Date.parse(value);
  if (Number.isNaN(at) || !/^\d{4}-\d{2}-\d{2}T/.test(value))
    return fail('write a date as YYYY-MM-DD or an ISO instant');
  return new Date(at).toISOString();
}

function oneText(rule: ValueRule, choices: string[] | null, fail: Fail): string {
  const value = rule.value;
  if (value === undefined || value === '') return fail('write a value');
  const text = String(value);
  checkChoice(text, choices, fail);
  return text;
}

function checkChoice(value: string, choices: string[] | null, fail: Fail): void {
  if (choices && !choices.includes(value))
    fail(`"${value}" is not one of the field's choices (${choices.join(', ')})`);
}

/** `%`, `_` and `\` in a person's text match themselves in ILIKE. */
function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (m) => `\\${m}`);
}
