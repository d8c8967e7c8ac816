import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { flowVersions, flows, newId, openDb, queryRows, workspaces, type DbHandle } from '@omniflow/db';
import { allReports } from '../src/reports/all-reports.ts';
import { buildReport } from '../src/reports/build-report.ts';
import type { ReportFilters } from '../src/reports/report-registry.ts';
import { rolledUpTo, rollUpReports } from '../src/rollups/roll-up-reports.ts';
import { freshPostgresDatabase, type FreshDatabase } from './support/postgres.ts';

const databases = [
  { db: 'pglite' as const, enabled: true },
  { db: 'postgres' as const, enabled: Boolean(inject('postgresUrl')) },
];

/** The fixture's traffic lies in these three days (UTC); the clock of the roll-ups is set after them. */
const start = Date.parse('2026-11-01T00:00:00Z');
const hour = 3_600_000;
const spanHours = 72;
const at = (hours: number) => new Date(start + hours * hour);
/** The reports that read the rollups. */
const rolledUpReports = [
  'call-traffic',
  'ivr',
  'outbound-messages',
  'email',
  'interactions',
  'quota-consumption',
];

interface Fixture {
  workspaceId: string;
  flowId: string;
  campaignId: string;
  outbound: number;
}

/**
 * Random traffic (a seeded generator: the same rows every run) at random instants of the span,
 * seconds included, so rows fall on both sides of every bucket edge: messages on four channels
 * either way with every status, from a flow's runs (two versions) and a campaign or neither,
 * opens, clicks and bounces for mails, calls with and without an agent-queue step, and ledger lines.
 */
async function seed(
  handle: DbHandle,
  offsetHours: number,
  count: number,
  seedValue: number,
  fixture?: Fixture,
) {
  const db = handle.db;
  let f = fixture;
  if (!f) {
    const workspaceId = newId();
    await db.insert(workspaces).values({ id: workspaceId, name: 'Rollups', timezone: 'America/Lima' });
    const flowId = newId();
    await db.insert(flows).values({ id: flowId, workspaceId, name: 'Ventas', draft: {}, latestVersion: 2 });
    for (const version of [1, 2])
      await db
        .insert(flowVersions)
        .values({ id: newId(), workspaceId, flowId, version, graph: {}, machine: {}, hash: `h${version}` });
    const campaignId = newId();
    await db.execute(sql`insert into campaigns (id, workspace_id, name, kind, status, channels)
      values (${campaignId}::uuid, ${workspaceId}::uuid, 'Promo', 'broadcast', 'completed', array['sms'])`);
    f = { workspaceId, flowId, campaignId, outbound: 0 };
  }
  const { workspaceId, flowId, campaignId } = f;
  await db.execute(sql`select setseed(${seedValue})`);
  const instant = sql.raw(
    `(timestamptz '${at(offsetHours).toISOString()}' + random() * interval '${spanHours} hours')`,
  );
  await db.execute(sql`insert into runs (id, workspace_id, flow_id, flow_version_id, version, status, temporal_workflow_id, started_at, updated_at)
    select gen_random_uuid(), ${workspaceId}::uuid, ${flowId}::uuid, v.id, v.version, 'completed', 'wf-' || gen_random_uuid(), t, t
    from generate_series(1, ${count}) i, lateral (select ${instant} as t where i > 0) x,
      lateral (select id, version from flow_versions where flow_id = ${flowId}::uuid order by (i + version) % 2 limit 1) v`);
  await db.execute(sql`insert into messages (id, workspace_id, channel, direction, contact_address, campaign_id, run_id,
      body, status, error_code, created_at, updated_at)
    select gen_random_uuid(), ${workspaceId}::uuid, ch, dir, '+5199' || (i % 37), case when random() < 0.4 then ${campaignId}::uuid end,
      case when random() < 0.5 then (select id from runs where workspace_id = ${workspaceId}::uuid order by random() limit 1) end,
      '{"text":"hola"}'::jsonb, st, case when st in ('failed', 'undelivered', 'delivered') then (array['E1', 'E2'])[1 + i % 2] end, t, t
    from generate_series(1, ${count * 4}) i,
      lateral (select ${instant} as t, (array['sms', 'whatsapp', 'email', 'webchat'])[1 + floor(random() * 4)::int] as ch,
        case when random() < 0.2 then 'inbound' else 'outbound' end as dir where i > 0) k,
      lateral (select case when dir = 'inbound' then 'received' else (array['queued', 'sent', 'delivered', 'read',
        'failed', 'undelivered', 'expired', 'bounced'])[1 + floor(random() * 8)::int] end as st) s`);
  await db.execute(sql`insert into email_events (id, workspace_id, message_id, type, at, proxy)
    select gen_random_uuid(), m.workspace_id, m.id, (array['open', 'open', 'click', 'bounce', 'unsubscribe', 'complaint'])[1 + floor(random() * 6)::int],
      m.created_at + interval '1 hour', random() < 0.2
    from messages m, generate_series(1, 2) n
    where m.workspace_id = ${workspaceId}::uuid and m.channel = 'email' and m.direction = 'outbound'
      and m.created_at >= ${at(offsetHours).toISOString()}::timestamptz and random() < 0.6`);
  await db.execute(sql`insert into call_records (id, workspace_id, call_id, driver, run_id, flow_id, from_number, to_number,
      started_at, answered_at, duration_ms, hangup_side)
    select gen_random_uuid(), r.workspace_id, 'call-' || r.id, 'sip', r.id, r.flow_id, '+5198' || (row_number() over () % 11), '+5117000000',
      r.started_at, case when random() < 0.8 then r.started_at + interval '2 seconds' end, (random() * 300000)::int,
      (array['caller', 'flow', 'transfer', null])[1 + floor(random() * 4)::int]
    from runs r where r.workspace_id = ${workspaceId}::uuid and r.started_at >= ${at(offsetHours).toISOString()}::timestamptz
      and random() < 0.5`);
  await db.execute(sql`insert into run_steps (workspace_id, run_id, seq, node_id, node_type, entered_at, left_at, port, output)
    select cr.workspace_id, cr.run_id, 1, 'queue', 'voice.enqueue', cr.started_at + interval '3 seconds', cr.started_at + interval '9 seconds', 'connected',
      jsonb_build_object('queue', (array['ventas', 'soporte'])[1 + floor(random() * 2)::int],
        'agent', (array['sip:ana@pbx', 'sip:luis@pbx'])[1 + floor(random() * 2)::int], 'waitedMs', floor(random() * 60000))
    from call_records cr where cr.workspace_id = ${workspaceId}::uuid and cr.started_at >= ${at(offsetHours).toISOString()}::timestamptz
      and random() < 0.6`);
  // One to three menu steps per call, minutes apart (a call's steps cross bucket edges), some
  // without an exit (the caller hung up, or the step is still open).
  await db.execute(sql`insert into run_steps (workspace_id, run_id, seq, node_id, node_type, entered_at, left_at, port)
    select cr.workspace_id, cr.run_id, 10 + n, 'menu' || (n % 2), 'voice.menu', e.entered_at,
      case when random() < 0.15 then null else e.entered_at + random() * interval '40 seconds' end,
      (array['1', '2', 'timeout', 'invalid', null])[1 + floor(random() * 5)::int]
    from call_records cr, generate_series(1, 3) n,
      lateral (select cr.started_at + n * random() * interval '9 minutes' as entered_at where n > 0) e
    where cr.workspace_id = ${workspaceId}::uuid and cr.started_at >= ${at(offsetHours).toISOString()}::timestamptz
      and (n = 1 or random() < 0.5) and hashtext(cr.id::text) % 4 <> 0`);
  await db.execute(sql`insert into quota_ledger (id, workspace_id, channel, delta, reason, campaign_id, at)
    select gen_random_uuid(), ${workspaceId}::uuid, (array['sms', 'whatsapp'])[1 + floor(random() * 2)::int],
      case when r = 'top_up' then 500 when r = 'refund' then 1 when r = 'adjustment' then -3 else -1 end, r,
      case when random() < 0.5 then ${campaignId}::uuid end, ${instant} + 0 * i * interval '1 second'
    from generate_series(1, ${count}) i,
      lateral (select (array['delivered', 'accepted', 'refund', 'top_up', 'adjustment'])[1 + floor(random() * 5)::int] as r where i > 0) k`);
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from messages where workspace_id = ${workspaceId}::uuid and direction = 'outbound'`,
  );
  f.outbound = row!.n;
  return f;
}

/** A report's figures (charts and tables; not its head, which says when it was made). */
async function figures(handle: DbHandle, workspaceId: string, name: string, filters: ReportFilters) {
  const report = allReports.find((r) => r.name === name)!;
  const doc = await buildReport({ db: handle.db }, report, { workspaceId, language: 'en', filters });
  return { charts: doc.charts, tables: doc.tables };
}

/** Every rolled-up report with every filter combination worth telling apart, in three zones. */
function cases(fixture: Fixture, from: Date, to: Date): ReportFilters[] {
  const period = { from: from.toISOString(), to: to.toISOString() };
  const out: ReportFilters[] = [];
  for (const timezone of ['America/Lima', 'Asia/Kolkata', 'UTC'])
    for (const bucket of ['hour', 'day', 'week'] as const) out.push({ ...period, timezone, bucket });
  const base = { ...period, timezone: 'Asia/Kolkata', bucket: 'day' as const };
  out.push(
    { ...base, channel: 'sms' },
    { ...base, campaignId: fixture.campaignId },
    { ...base, flowId: fixture.flowId },
    { ...base, flowId: fixture.flowId, flowVersion: 2 },
    { ...base, queue: 'ventas', agentId: 'sip:ana@pbx' },
    { ...base, channel: 'voice' },
  );
  return out;
}

/** Each report with each filter set, as the raw rows alone say (no rollup state yet) or as they say now. */
async function allFigures(handle: DbHandle, fixture: Fixture, filters: ReportFilters[]) {
  const out: unknown[] = [];
  for (const f of filters)
    for (const name of rolledUpReports)
      out.push({ name, f, ...(await figures(handle, fixture.workspaceId, name, f)) });
  return out;
}

/** The same reports computed from the raw rows only: with no rollup state, the reports read no rollup. */
async function rawFigures(handle: DbHandle, fixture: Fixture, filters: ReportFilters[]) {
  const state = await queryRows<{ name: string; rolled_up_to: string }>(
    handle.db,
    sql`delete from report_rollup_state returning name, rolled_up_to::text`,
  );
  try {
    return await allFigures(handle, fixture, filters);
  } finally {
    for (const row of state)
      await handle.db.execute(sql`insert into report_rollup_state (name, rolled_up_to)
        values (${row.name}, ${row.rolled_up_to}::timestamptz)`);
  }
}

const count = async (handle: DbHandle, table: string) =>
  (await queryRows<{ n: number }>(handle.db, sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n;

describe.each(databases)('report rollups on $db', ({ db, enabled }) => {
  let handle: DbHandle;
  let fresh: FreshDatabase | undefined;
  let fixture: Fixture;
  // The whole span and a day either side, with ragged ends (not on a bucket edge).
  const from = new Date(start - 20 * hour - 7 * 60_000);
  const to = new Date(start + 7 * 24 * hour + 11 * 60_000);

  beforeAll(async () => {
    if (!enabled) return;
    if (db === 'postgres') {
      fresh = await freshPostgresDatabase(inject('postgresUrl')!);
      handle = await openDb({ databaseUrl: fresh.url });
    } else handle = await openDb({ dataDir: 'memory://' });
    fixture = await seed(handle, 0, 120, 0.42);
  }, 300_000);
  afterAll(async () => {
    await handle?.close();
    await fresh?.drop();
  });

  it.runIf(enabled)(
    'gives every figure the raw rows give, rolled up and live, in Lima, Kolkata and UTC',
    async () => {
      const filters = cases(fixture, from, to);
      const raw = await rawFigures(handle, fixture, filters);
      // Rolled up to the middle of the span: the rest is read live from the rows.
      const result = await rollUpReports(handle.db, { now: () => at(40), settleMs: 0 });
      expect(result.rolledUpTo.toISOString()).toBe(at(40).toISOString());
      expect(await count(handle, 'report_message_rollup')).toBeGreaterThan(0);
      expect(await allFigures(handle, fixture, filters)).toEqual(raw);
      // A known total: every outbound message is counted once, wherever it was read from.
      const outbound = await figures(handle, fixture.workspaceId, 'outbound-messages', filters[0]!);
      expect(outbound.tables[0]!.totals!.sent).toBe(fixture.outbound);
    },
    600_000,
  );

  it.runIf(enabled)(
    're-rolls a bucket whose message is delivered late, and a call whose queue or menu step lands late',
    async () => {
      const filters = cases(fixture, from, to).slice(0, 4);
      await rollUpReports(handle.db, { now: () => at(40), settleMs: 0 });
      const [late] = await queryRows<{ id: string }>(
        handle.db,
        sql`select id from messages where workspace_id = ${fixture.workspaceId}::uuid and direction = 'outbound'
        and status <> 'delivered' and created_at < ${at(30).toISOString()}::timestamptz limit 1`,
      );
      await handle.db.execute(sql`update messages set status = 'delivered' where id = ${late!.id}::uuid`);
      await handle.db.execute(sql`update call_records set hangup_side = 'caller'
      where id = (select id from call_records where workspace_id = ${fixture.workspaceId}::uuid
        and started_at < ${at(30).toISOString()}::timestamptz and hangup_side is distinct from 'caller' limit 1)`);
      // A caller leaves an early call's menu late: its time in the IVR grows, at its first menu step.
      await handle.db.execute(sql`update run_steps set left_at = entered_at + interval '20 minutes'
      where (run_id, seq) = (select run_id, max(seq) from run_steps where workspace_id = ${fixture.workspaceId}::uuid
        and node_type = 'voice.menu' and entered_at < ${at(30).toISOString()}::timestamptz group by run_id
        having count(*) > 1 limit 1)`);
      expect(await count(handle, 'report_rollup_dirty')).toBeGreaterThan(0);
      const result = await rollUpReports(handle.db, { now: () => at(40), settleMs: 0 });
      expect(result.rerolled).toBeGreaterThanOrEqual(1);
      expect(await allFigures(handle, fixture, filters)).toEqual(await rawFigures(handle, fixture, filters));
    },
    600_000,
  );

  it.runIf(enabled)(
    'catches up after a gap in batches and counts each row once',
    async () => {
      // Traffic while no job ran: three more days after the span, then the clock moves on.
      await seed(handle, spanHours, 60, 0.17, fixture);
      const filters = cases(fixture, from, new Date(start + 7 * 24 * hour)).slice(0, 6);
      const result = await rollUpReports(handle.db, {
        now: () => at(6 * 24),
        settleMs: 5 * 60_000,
        batchMs: 12 * hour,
      });
      expect(result.batches).toBeGreaterThan(5);
      // The last bucket that closed five minutes (the settle margin) before now.
      expect(result.rolledUpTo.getTime()).toBe(at(6 * 24).getTime() - 15 * 60_000);
      // A second pass at the same time changes nothing.
      const again = await rollUpReports(handle.db, { now: () => at(6 * 24), settleMs: 5 * 60_000 });
      expect(again.rolledUpTo).toEqual(result.rolledUpTo);
      expect(await allFigures(handle, fixture, filters)).toEqual(await rawFigures(handle, fixture, filters));
    },
    600_000,
  );

  it.runIf(enabled)(
    'cuts the daily rows again when the workspace moves to a half-hour zone',
    async () => {
      const filters = cases(fixture, from, to).filter((f) => f.timezone === 'Asia/Kolkata');
      await handle.db.execute(
        sql`update workspaces set timezone = 'Asia/Kolkata' where id = ${fixture.workspaceId}::uuid`,
      );
      await rollUpReports(handle.db, { now: () => at(6 * 24), settleMs: 5 * 60_000 });
      const [zone] = await queryRows<{ timezone: string }>(
        handle.db,
        sql`select timezone from report_rollup_zones where workspace_id = ${fixture.workspaceId}::uuid`,
      );
      expect(zone!.timezone).toBe('Asia/Kolkata');
      const [day] = await queryRows<{ day_start: string }>(
        handle.db,
        sql`select min(day_start)::text as day_start from report_message_rollup_daily where workspace_id = ${fixture.workspaceId}::uuid`,
      );
      // Kolkata's midnight is 18:30 UTC the day before.
      expect(new Date(day!.day_start).getUTCMinutes()).toBe(30);
      expect(await allFigures(handle, fixture, filters)).toEqual(await rawFigures(handle, fixture, filters));
    },
    600_000,
  );

  it.runIf(enabled)(
    'leaves nothing half done when a pass is cut short midway',
    async () => {
      const filters = cases(fixture, from, to).slice(0, 3);
      const reach = await rolledUpTo(handle.db);
      const before = await count(handle, 'report_message_rollup');
      await handle.db.execute(sql`update messages set status = 'read'
      where id = (select id from messages where workspace_id = ${fixture.workspaceId}::uuid and status = 'delivered'
        and created_at < ${at(20).toISOString()}::timestamptz limit 1)`);
      const dirty = await count(handle, 'report_rollup_dirty');
      await expect(
        rollUpReports(handle.db, {
          now: () => at(8 * 24),
          settleMs: 0,
          onStep: (step) => {
            if (step === 'roll up calls') throw new Error('worker stopped');
          },
        }),
      ).rejects.toThrow('worker stopped');
      // Rolled back whole: the same reach, rows and dirty queue as before.
      expect(await rolledUpTo(handle.db)).toEqual(reach);
      expect(await count(handle, 'report_message_rollup')).toBe(before);
      expect(await count(handle, 'report_rollup_dirty')).toBe(dirty);
      await rollUpReports(handle.db, { now: () => at(8 * 24), settleMs: 0 });
      expect(await count(handle, 'report_rollup_dirty')).toBe(0);
      expect(await allFigures(handle, fixture, filters)).toEqual(await rawFigures(handle, fixture, filters));
    },
    600_000,
  );
});
