import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  campaignRecipients,
  campaigns,
  contactChannels,
  contactFields,
  contacts,
  emailEvents,
  flowVersions,
  flows,
  messages,
  newId,
  openDb,
  queryRows,
  runSteps,
  runs,
  segments,
  workspaces,
  type DbHandle,
} from '@omniflow/db';
import { compileSegmentRules } from '../src/segments/compile-segment-rules.ts';
import { loadRuleContext } from '../src/segments/load-rule-context.ts';
import { contactsWhere, countContacts } from '../src/segments/segment-contacts.ts';
import { segmentPage } from '../src/segments/segment-page.ts';
import { SegmentRuleError } from '../src/segments/segment-rule-error.ts';
import {
  segmentRulesSchema,
  type SegmentCondition,
  type SegmentGroup,
} from '../src/segments/segment-rules.ts';
import { freshPostgresDatabase } from './support/postgres.ts';

const backends = [
  { db: 'pglite', enabled: true },
  { db: 'postgres', enabled: Boolean(inject('postgresUrl')) },
];

const all = (...rules: (SegmentCondition | SegmentGroup)[]): SegmentGroup => ({
  kind: 'group',
  match: 'all',
  rules,
});
const any = (...rules: (SegmentCondition | SegmentGroup)[]): SegmentGroup => ({
  kind: 'group',
  match: 'any',
  rules,
});
const custom = (key: string, operator: string, value?: unknown, values?: unknown[]) =>
  segmentRulesSchema.parse(all({ kind: 'custom', key, operator, value, values } as never))
    .rules[0] as SegmentCondition;

describe.each(backends)('segment rules compiled to SQL on $db', ({ db, enabled }) => {
  let handle: DbHandle;
  let drop: (() => Promise<void>) | undefined;
  const ws = newId();
  const otherWs = newId();
  const people: Record<string, string> = {};
  const campaignId = newId();
  const flowId = newId();

  /** The first names a rule tree selects, sorted. */
  async function who(tree: SegmentGroup): Promise<string[]> {
    const parsed = segmentRulesSchema.parse(tree);
    const condition = compileSegmentRules(parsed, await loadRuleContext(handle.db, ws, parsed));
    const rows = await contactsWhere(handle.db, ws, condition, undefined, 100);
    expect(await countContacts(handle.db, ws, condition)).toBe(rows.length);
    return rows.map((r) => r.firstName).sort();
  }

  async function person(
    workspaceId: string,
    firstName: string,
    values: Partial<typeof contacts.$inferInsert>,
    channels: Partial<typeof contactChannels.$inferInsert>[] = [],
  ) {
    const id = newId();
    people[firstName] = id;
    await handle.db
      .insert(contacts)
      .values({ id, workspaceId, firstName, displayName: firstName, ...values });
    for (const channel of channels)
      await handle.db.insert(contactChannels).values({
        id: newId(),
        workspaceId,
        contactId: id,
        channel: 'sms',
        address: '',
        ...channel,
      });
    return id;
  }

  beforeAll(async () => {
    if (!enabled) return;
    if (db === 'postgres') {
      const fresh = await freshPostgresDatabase(inject('postgresUrl'));
      drop = fresh.drop;
      handle = await openDb({ databaseUrl: fresh.url });
    } else {
      handle = await openDb({ dataDir: 'memory://' });
    }
    const d = handle.db;
    await d.insert(workspaces).values([
      { id: ws, name: 'w' },
      { id: otherWs, name: 'other' },
    ]);
    await d.insert(contactFields).values([
      { id: newId(), workspaceId: ws, key: 'ciudad', label: 'Ciudad', type: 'text' },
      { id: newId(), workspaceId: ws, key: 'edad', label: 'Edad', type: 'number' },
      { id: newId(), workspaceId: ws, key: 'cita', label: 'Cita', type: 'date' },
      { id: newId(), workspaceId: ws, key: 'activo', label: 'Activo', type: 'boolean' },
      {
        id: newId(),
        workspaceId: ws,
        key: 'plan',
        label: 'Plan',
        type: 'choice',
        choices: ['gold', 'silver'],
      },
    ]);
    const consent = { consentAt: new Date('2026-01-01'), consentSource: 'imported' as const };
    await person(
      ws,
      'Ana',
      {
        language: 'es',
        timezone: 'America/Lima',
        tags: ['vip', 'lima'],
        attributes: { ciudad: 'Lima', edad: 34, cita: '2026-03-10', activo: true, plan: 'gold' },
        createdAt: new Date('2026-01-05T10:00:00Z'),
      },
      [
        { channel: 'sms', address: '+51911000001', ...consent },
        { channel: 'email', address: 'ana@example.test', ...consent },
      ],
    );
    await person(
      ws,
      'Bob',
      {
        lastName: 'Smith',
        language: 'en',
        tags: ['madrid'],
        attributes: { ciudad: 'Madrid', edad: '52', cita: '2026-04-01', activo: false, plan: 'silver' },
        createdAt: new Date('2026-02-10T10:00:00Z'),
      },
      [{ channel: 'sms', address: '+34600000002', ...consent, optedOutAt: new Date('2026-02-01') }],
    );
    await person(ws, 'Cruz', { createdAt: new Date('2026-03-01T10:00:00Z') }, [
      { channel: 'email', address: 'cruz@example.test' },
    ]);
    await person(
      ws,
      'Dee',
      {
        lastName: "O'Brien'); drop table contacts; --",
        tags: ['vip'],
        attributes: { ciudad: '50%_off', edad: 'unknown' },
        createdAt: new Date('2026-03-02T10:00:00Z'),
      },
      [{ channel: 'webchat', address: 'session-dee', ...consent }],
    );
    // Another workspace's twin of Ana: never selected.
    await person(otherWs, 'Eve', {
      language: 'es',
      tags: ['vip', 'lima'],
      attributes: { ciudad: 'Lima', edad: 34, plan: 'gold' },
    });

    // A campaign: Ana got the mail and opened and clicked it, then answered; Bob's SMS never
    // arrived; Cruz's mail was only fetched by a provider's proxy.
    await d
      .insert(campaigns)
      .values({ id: campaignId, workspaceId: ws, name: 'c', kind: 'broadcast', channels: ['email'] });
    const mail = async (
      contact: string,
      channel: 'email' | 'sms',
      address: string,
      status: 'sent' | 'undelivered',
      at: string,
    ) => {
      const id = newId();
      await d.insert(messages).values({
        id,
        workspaceId: ws,
        channel,
        direction: 'outbound',
        contactAddress: address,
        campaignId,
        body: {},
        status,
        createdAt: new Date(at),
      });
      await d.insert(campaignRecipients).values({
        campaignId,
        contactId: people[contact]!,
        workspaceId: ws,
        channel,
        address,
        status,
        messageId: id,
      });
      return id;
    };
    const toAna = await mail('Ana', 'email', 'ana@example.test', 'sent', '2026-05-01T09:00:00Z');
    await mail('Bob', 'sms', '+34600000002', 'undelivered', '2026-04-01T09:00:00Z');
    const toCruz = await mail('Cruz', 'email', 'cruz@example.test', 'sent', '2026-05-01T09:00:00Z');
    await d.insert(emailEvents).values([
      { id: newId(), workspaceId: ws, messageId: toAna, type: 'open' },
      { id: newId(), workspaceId: ws, messageId: toAna, type: 'click', url: 'https://example.test' },
      { id: newId(), workspaceId: ws, messageId: toCruz, type: 'open', proxy: true },
    ]);
    await d.insert(messages).values({
      id: newId(),
      workspaceId: ws,
      channel: 'email',
      direction: 'inbound',
      contactAddress: 'ana@example.test',
      body: {},
      status: 'received',
      createdAt: new Date('2026-05-02T09:00:00Z'),
    });

    // An IVR flow: Ana pressed the billing option of its menu, Bob the sales one.
    const versionId = newId();
    await d.insert(flows).values({ id: flowId, workspaceId: ws, name: 'ivr', draft: {} });
    await d
      .insert(flowVersions)
      .values({ id: versionId, workspaceId: ws, flowId, version: 1, graph: {}, machine: {}, hash: 'h' });
    for (const [contact, port] of [
      ['+51911000001', 'billing'],
      ['+34600000002', 'sales'],
    ] as const) {
      const runId = newId();
      await d.insert(runs).values({
        id: runId,
        workspaceId: ws,
        flowId,
        flowVersionId: versionId,
        version: 1,
        status: 'completed',
        contact,
        temporalWorkflowId: runId,
      });
      await d.insert(runSteps).values([
        {
          workspaceId: ws,
          runId,
          seq: 0,
          nodeId: 'start',
          nodeType: 'voice.incoming',
          enteredAt: new Date(),
          port: 'next',
        },
        {
          workspaceId: ws,
          runId,
          seq: 1,
          nodeId: 'menu',
          nodeType: 'voice.menu',
          enteredAt: new Date(),
          port,
        },
      ]);
    }
  });
  afterAll(async () => {
    await handle?.close();
    await drop?.();
  });

  it('selects everyone of the workspace, and no one else, for an empty tree', async (c) => {
    if (!enabled) return c.skip();
    expect(await who(all())).toEqual(['Ana', 'Bob', 'Cruz', 'Dee']);
  });

  it('compares the contact’s own fields: names, language, timezone, created date', async (c) => {
    if (!enabled) return c.skip();
    expect(
      await who(all({ kind: 'contact', field: 'first_name', operator: 'equals', value: 'Ana' })),
    ).toEqual(['Ana']);
    expect(
      await who(all({ kind: 'contact', field: 'last_name', operator: 'starts_with', value: 'smi' })),
    ).toEqual(['Bob']);
    expect(
      await who(all({ kind: 'contact', field: 'display_name', operator: 'contains', value: 'RU' })),
    ).toEqual(['Cruz']);
    expect(
      await who(all({ kind: 'contact', field: 'language', operator: 'in_list', values: ['es', 'en'] })),
    ).toEqual(['Ana', 'Bob']);
    expect(await who(all({ kind: 'contact', field: 'language', operator: 'is_empty' }))).toEqual([
      'Cruz',
      'Dee',
    ]);
    expect(await who(all({ kind: 'contact', field: 'timezone', operator: 'is_not_empty' }))).toEqual(['Ana']);
    expect(
      await who(all({ kind: 'contact', field: 'language', operator: 'not_equals', value: 'es' })),
    ).toEqual(['Bob', 'Cruz', 'Dee']);
    expect(
      await who(all({ kind: 'contact', field: 'created_at', operator: 'before', value: '2026-02-10' })),
    ).toEqual(['Ana']);
    // "after 1 March" is from 2 March on.
    expect(
      await who(all({ kind: 'contact', field: 'created_at', operator: 'after', value: '2026-03-01' })),
    ).toEqual(['Dee']);
    expect(
      await who(
        all({
          kind: 'contact',
          field: 'created_at',
          operator: 'between',
          values: ['2026-02-10', '2026-03-01'],
        }),
      ),
    ).toEqual(['Bob', 'Cruz']);
  });

  it('compares text and choice custom fields', async (c) => {
    if (!enabled) return c.skip();
    expect(await who(all(custom('ciudad', 'equals', 'Lima')))).toEqual(['Ana']);
    expect(await who(all(custom('ciudad', 'not_equals', 'Lima')))).toEqual(['Bob', 'Cruz', 'Dee']);
    expect(await who(all(custom('ciudad', 'contains', 'adr')))).toEqual(['Bob']);
    expect(await who(all(custom('ciudad', 'is_empty')))).toEqual(['Cruz']);
    expect(await who(all(custom('plan', 'equals', 'silver')))).toEqual(['Bob']);
    expect(await who(all(custom('plan', 'in_list', undefined, ['gold', 'silver'])))).toEqual(['Ana', 'Bob']);
  });

  it('compares number, date and boolean custom fields, reading numeric texts as numbers', async (c) => {
    if (!enabled) return c.skip();
    expect(await who(all(custom('edad', 'greater_than', 40)))).toEqual(['Bob']);
    expect(await who(all(custom('edad', 'less_than', '40')))).toEqual(['Ana']);
    expect(await who(all(custom('edad', 'between', undefined, [30, 60])))).toEqual(['Ana', 'Bob']);
    expect(await who(all(custom('edad', 'equals', 52)))).toEqual(['Bob']);
    // "unknown" is no number: Dee's age is empty to a number rule.
    expect(await who(all(custom('edad', 'is_empty')))).toEqual(['Cruz', 'Dee']);
    expect(await who(all(custom('cita', 'before', '2026-04-01')))).toEqual(['Ana']);
    expect(await who(all(custom('cita', 'after', '2026-03-10')))).toEqual(['Bob']);
    expect(await who(all(custom('cita', 'between', undefined, ['2026-03-10', '2026-04-01'])))).toEqual([
      'Ana',
      'Bob',
    ]);
    expect(await who(all(custom('activo', 'is_true')))).toEqual(['Ana']);
    expect(await who(all(custom('activo', 'is_false')))).toEqual(['Bob']);
  });

  it('selects by tags: has all, has any, has none', async (c) => {
    if (!enabled) return c.skip();
    expect(await who(all({ kind: 'tags', operator: 'has', tags: ['vip', 'lima'] }))).toEqual(['Ana']);
    expect(await who(all({ kind: 'tags', operator: 'has_any', tags: ['lima', 'madrid'] }))).toEqual([
      'Ana',
      'Bob',
    ]);
    expect(await who(all({ kind: 'tags', operator: 'has_not', tags: ['vip'] }))).toEqual(['Bob', 'Cruz']);
  });

  it('selects by consent per channel: given, not given, opted out', async (c) => {
    if (!enabled) return c.skip();
    expect(await who(all({ kind: 'consent', channel: 'sms', state: 'consented' }))).toEqual(['Ana']);
    expect(await who(all({ kind: 'consent', channel: 'sms', state: 'opted_out' }))).toEqual(['Bob']);
    expect(await who(all({ kind: 'consent', channel: 'email', state: 'not_consented' }))).toEqual([
      'Bob',
      'Cruz',
      'Dee',
    ]);
    expect(await who(all({ kind: 'consent', channel: 'webchat', state: 'consented' }))).toEqual(['Dee']);
  });

  it('selects by what people did with a campaign: received, opened, clicked, replied, and not', async (c) => {
    if (!enabled) return c.skip();
    const did = (action: 'received' | 'opened' | 'clicked' | 'replied', negate = false) =>
      who(all({ kind: 'campaign', campaignId, action, negate }));
    expect(await did('received')).toEqual(['Ana', 'Cruz']);
    // Cruz's open came from a mail provider's proxy: not a person reading.
    expect(await did('opened')).toEqual(['Ana']);
    expect(await did('clicked')).toEqual(['Ana']);
    expect(await did('replied')).toEqual(['Ana']);
    expect(await did('opened', true)).toEqual(['Bob', 'Cruz', 'Dee']);
  });

  it('selects who pressed an option of an IVR flow’s menu', async (c) => {
    if (!enabled) return c.skip();
    expect(await who(all({ kind: 'ivr', flowId, nodeId: 'menu', option: 'billing', negate: false }))).toEqual(
      ['Ana'],
    );
    expect(await who(all({ kind: 'ivr', flowId, nodeId: 'menu', option: 'sales', negate: false }))).toEqual([
      'Bob',
    ]);
    expect(await who(all({ kind: 'ivr', flowId, nodeId: 'menu', option: 'billing', negate: true }))).toEqual([
      'Bob',
      'Cruz',
      'Dee',
    ]);
  });

  it('selects by the last message in or out on any of the person’s addresses', async (c) => {
    if (!enabled) return c.skip();
    expect(await who(all({ kind: 'last_contact', operator: 'after', date: '2026-04-15' }))).toEqual([
      'Ana',
      'Cruz',
    ]);
    // Bob's last message was on 1 April; Dee never had one.
    expect(await who(all({ kind: 'last_contact', operator: 'before', date: '2026-04-15' }))).toEqual(['Bob']);
  });

  it('nests AND and OR groups', async (c) => {
    if (!enabled) return c.skip();
    const tree = any(
      all(
        { kind: 'tags', operator: 'has', tags: ['vip'] },
        { kind: 'consent', channel: 'webchat', state: 'consented' },
      ),
      all(
        custom('plan', 'equals', 'silver'),
        any(custom('edad', 'greater_than', 50), custom('ciudad', 'equals', 'Nowhere')),
      ),
    );
    expect(await who(tree)).toEqual(['Bob', 'Dee']);
    expect(
      await who(all(tree, { kind: 'contact', field: 'language', operator: 'equals', value: 'en' })),
    ).toEqual(['Bob']);
  });

  it('binds every value as a parameter: quotes, semicolons and LIKE wildcards match themselves', async (c) => {
    if (!enabled) return c.skip();
    const evil = "O'Brien'); drop table contacts; --";
    const tree = segmentRulesSchema.parse(
      all({ kind: 'contact', field: 'last_name', operator: 'equals', value: evil }),
    );
    const condition = compileSegmentRules(tree, await loadRuleContext(handle.db, ws, tree))!;
    const query = new PgDialect().sqlToQuery(condition);
    expect(query.sql).not.toContain('drop table');
    expect(query.params).toContain(evil);
    expect(await who(tree)).toEqual(['Dee']);
    expect(await who(all(custom('ciudad', 'contains', '%')))).toEqual(['Dee']);
    expect(await who(all(custom('ciudad', 'starts_with', '50%_')))).toEqual(['Dee']);
    expect(await who(all(custom('ciudad', 'equals', "Lima' or '1'='1")))).toEqual([]);
    const [row] = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from contacts`);
    expect(row!.n).toBe(5);
  });

  it('names the rule that does not fit the workspace', async (c) => {
    if (!enabled) return c.skip();
    const fails = async (tree: SegmentGroup) => {
      const parsed = segmentRulesSchema.parse(tree);
      try {
        compileSegmentRules(parsed, await loadRuleContext(handle.db, ws, parsed));
      } catch (error) {
        if (error instanceof SegmentRuleError) return error.message;
        throw error;
      }
      throw new Error('compiled');
    };
    const ok = { kind: 'tags' as const, operator: 'has' as const, tags: ['vip'] };
    expect(await fails(all(ok, any(ok, custom('nope', 'equals', 'x'))))).toBe(
      'Rule 2.2: there is no custom field "nope"',
    );
    expect(await fails(all(custom('edad', 'contains', 'x')))).toMatch(
      /^Rule 1: "contains" does not fit a number field/,
    );
    expect(await fails(all(custom('edad', 'greater_than', 'many')))).toBe('Rule 1: write a number');
    expect(await fails(all(custom('plan', 'equals', 'bronze')))).toMatch(
      /^Rule 1: "bronze" is not one of the field's choices/,
    );
    expect(await fails(all(custom('cita', 'before', '10/03/2026')))).toBe(
      'Rule 1: write a date as YYYY-MM-DD',
    );
    expect(await fails(all({ kind: 'campaign', campaignId: newId(), action: 'opened', negate: false }))).toBe(
      'Rule 1: the campaign does not exist',
    );
    // Another workspace's flow is as unknown as a missing one.
    const theirs = newId();
    await handle.db.insert(flows).values({ id: theirs, workspaceId: otherWs, name: 'x', draft: {} });
    expect(
      await fails(all({ kind: 'ivr', flowId: theirs, nodeId: 'menu', option: '1', negate: false })),
    ).toBe('Rule 1: the flow does not exist');
  });

  it('pages a rules segment for a campaign with the compiled rules by default', async (c) => {
    if (!enabled) return c.skip();
    const segment = {
      id: newId(),
      workspaceId: ws,
      name: 'vip',
      kind: 'rules' as const,
      rules: all({ kind: 'tags', operator: 'has', tags: ['vip'] }),
    };
    await handle.db.insert(segments).values(segment);
    const row = (await handle.db.query.segments.findFirst({ where: (s, { eq }) => eq(s.id, segment.id) }))!;
    const first = await segmentPage(handle.db, row, undefined, 1);
    const second = await segmentPage(handle.db, row, first[0], 10);
    expect([...first, ...second].sort()).toEqual([people.Ana, people.Dee].sort());
  });
});
