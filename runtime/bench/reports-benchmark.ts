import os from 'node:os';
import { sql } from 'drizzle-orm';
import { flowVersions, flows, newId, openDb, queryRows, workspaces, type Db } from '@omniflow/db';
import { progressBar } from '../src/cli/progress-bar.ts';
import { allReports } from '../src/reports/all-reports.ts';
import { buildReport } from '../src/reports/build-report.ts';
import type { ReportFilters } from '../src/reports/report-registry.ts';
import { rollUpReports } from '../src/rollups/roll-up-reports.ts';
import { freshPostgresDatabase } from '../test/support/postgres.ts';
import { median } from './median.ts';

/** The issue's volume: runs, messages and calls of one workspace (BENCH_REPORTS_SCALE divides it). */
const divisor = Number(process.env.BENCH_REPORTS_DIVISOR ?? 1);
const large = {
  runs: 1_000_000 / divisor,
  messages: 5_000_000 / divisor,
  calls: 200_000 / divisor,
};
/** The baseline: the same queries over 10,000 rows of each, in another workspace of the same database. */
const small = { runs: 10_000, messages: 10_000, calls: 10_000 };
const postgresUrl =
  process.env.BENCH_REPORTS_DATABASE_URL ??
  process.env.OMNIFLOW_TEST_DATABASE_URL ??
  'postgres://omniflow:omniflow@127.0.0.1:5433/postgres';
const rounds = 9;
/** The six historical reports of the issue's goal (the others need a flow or read live samples). */
const historicalReports = allReports.slice(0, 6);
const rollupTables = [
  'report_message_rollup',
  'report_call_rollup',
  'report_quota_rollup',
  'report_ivr_rollup',
  'report_message_rollup_daily',
  'report_call_rollup_daily',
  'report_quota_rollup_daily',
  'report_ivr_rollup_daily',
];
const dayMs = 86_400_000;
/** The data covers 90 days up to now; reports ask for the last 30 (the default) and for all 90. */
const spanDays = 90;
const flowCount = 10;
const campaignCount = 20;

/** A uuid v7 whose time is the row's own (`ms`), as the product's ids are. */
const v7 = (ms: string, salt: string) =>
  sql.raw(
    `(lpad(to_hex(${ms}), 12, '0') || '7' || substr(md5(${salt}), 1, 3) || '8' || substr(md5(${salt}), 4, 15))::uuid`,
  );

interface Seeded {
  workspaceId: string;
}

/**
 * One workspace's traffic in SQL with generate_series: runs spread over 90 days, one in five a
 * call with a menu step (and every other call an agent-queue step), messages on four channels
 * (four in five outbound, three in five from a campaign, statuses as a real month has them),
 * opens and clicks for mails, and a ledger line for each delivered SMS.
 */
async function seedWorkspace(db: Db, name: string, volume: typeof large, label: string): Promise<Seeded> {
  const workspaceId = newId();
  await db.insert(workspaces).values({ id: workspaceId, name, timezone: 'America/Lima' });
  const graph = {
    schemaVersion: 1,
    name: 'IVR',
    nodes: [
      {
        id: 'menu',
        type: 'voice.menu',
        label: 'Menú',
        config: { options: ['1', '2', '3'].map((d) => ({ id: `o${d}`, digit: d, label: `Opción ${d}` })) },
      },
    ],
    edges: [],
  };
  const flowIds: string[] = [];
  const versionIds: string[] = [];
  for (let f = 0; f < flowCount; f++) {
    const flowId = newId();
    const versionId = newId();
    await db
      .insert(flows)
      .values({ id: flowId, workspaceId, name: `IVR ${f}`, draft: graph, latestVersion: 1 });
    await db
      .insert(flowVersions)
      .values({ id: versionId, workspaceId, flowId, version: 1, graph, machine: {}, hash: 'b' });
    flowIds.push(flowId);
    versionIds.push(versionId);
  }
  const campaignIds = Array.from({ length: campaignCount }, () => newId());
  await db.execute(sql`insert into campaigns (id, workspace_id, name, kind, status, channels)
    select c, ${workspaceId}::uuid, 'Campaign ' || n, 'broadcast', 'completed', array['sms']
    from unnest(${`{${campaignIds.join(',')}}`}::uuid[]) with ordinality as t(c, n)`);
  const start = Date.now() - spanDays * dayMs;
  const flowArray = sql.raw(`'{${flowIds.join(',')}}'::uuid[]`);
  const versionArray = sql.raw(`'{${versionIds.join(',')}}'::uuid[]`);
  const campaignArray = sql.raw(`'{${campaignIds.join(',')}}'::uuid[]`);
  const chunk = 250_000;
  const total = volume.runs + volume.messages;
  const bar = progressBar(`Seeding ${label}`, total);
  // Run i starts at start + i × (span / runs); a call is every fifth run.
  const runMs = `(${start}::bigint + (i::bigint * ${Math.floor((spanDays * dayMs) / volume.runs)}))`;
  for (let from = 0; from < volume.runs; from += chunk) {
    const to = Math.min(volume.runs, from + chunk);
    await db.execute(sql`insert into runs (id, workspace_id, flow_id, flow_version_id, version, status,
        temporal_workflow_id, started_at, updated_at, ended_at)
      select ${v7(runMs, `'r${label}' || i`)}, ${workspaceId}::uuid, (${flowArray})[1 + i % ${flowCount}],
        (${versionArray})[1 + i % ${flowCount}], 1, 'completed', ${label}::text || i,
        to_timestamp(${sql.raw(runMs)} / 1000.0), to_timestamp(${sql.raw(runMs)} / 1000.0),
        to_timestamp(${sql.raw(runMs)} / 1000.0 + 90)
      from generate_series(${from}::int, ${to - 1}::int) as i`);
    await db.execute(sql`insert into run_steps (workspace_id, run_id, seq, node_id, node_type, entered_at, left_at, port)
      select ${workspaceId}::uuid, ${v7(runMs, `'r${label}' || i`)}, 0, 'start', 'flow.start',
        to_timestamp(${sql.raw(runMs)} / 1000.0), to_timestamp(${sql.raw(runMs)} / 1000.0), 'next'
      from generate_series(${from}::int, ${to - 1}::int) as i`);
    bar.update(to);
  }
  // Call j is run i = 5j; j (not i, always a multiple of five) varies the call's figures.
  const calls = sql.raw(
    `generate_series(0, ${volume.calls - 1}) as j, lateral (select j * ${volume.runs / volume.calls} as i) as x`,
  );
  await db.execute(sql`insert into call_records (id, workspace_id, call_id, driver, run_id, flow_id, from_number,
      to_number, started_at, answered_at, ended_at, duration_ms, hangup_side)
    select ${v7(runMs, `'c${label}' || i`)}, ${workspaceId}::uuid, 'call-' || i, 'sip', ${v7(runMs, `'r${label}' || i`)},
      (${flowArray})[1 + i % ${flowCount}], '+519' || lpad((j % 50000)::text, 8, '0'), '+5117000000',
      to_timestamp(${sql.raw(runMs)} / 1000.0),
      case when j % 20 <> 0 then to_timestamp(${sql.raw(runMs)} / 1000.0 + 2) end,
      to_timestamp(${sql.raw(runMs)} / 1000.0 + 30 + j % 300), (30 + j % 300) * 1000,
      (array['caller', 'flow', 'flow', 'transfer', 'flow'])[1 + j % 5]
    from ${calls}`);
  await db.execute(sql`insert into run_steps (workspace_id, run_id, seq, node_id, node_type, entered_at, left_at, port)
    select ${workspaceId}::uuid, ${v7(runMs, `'r${label}' || i`)}, 1, 'menu', 'voice.menu',
      to_timestamp(${sql.raw(runMs)} / 1000.0 + 2), to_timestamp(${sql.raw(runMs)} / 1000.0 + 5 + j % 20),
      (array['o1', 'o2', 'o3', 'timeout'])[1 + j % 4]
    from ${calls}`);
  await db.execute(sql`insert into run_steps (workspace_id, run_id, seq, node_id, node_type, entered_at, left_at, port, output)
    select ${workspaceId}::uuid, ${v7(runMs, `'r${label}' || i`)}, 2, 'queue', 'voice.enqueue',
      to_timestamp(${sql.raw(runMs)} / 1000.0 + 25), to_timestamp(${sql.raw(runMs)} / 1000.0 + 25 + j % 60), 'connected',
      jsonb_build_object('queue', (array['ventas', 'soporte'])[1 + j % 2], 'agent', 'sip:agent' || (j % 10) || '@pbx',
        'position', 1, 'waitedMs', (j % 60) * 1000)
    from ${calls} where j % 2 = 0`);
  const messageMs = `(${start}::bigint + (i::bigint * ${Math.floor((spanDays * dayMs) / volume.messages)}))`;
  for (let from = 0; from < volume.messages; from += chunk) {
    const to = Math.min(volume.messages, from + chunk);
    await db.execute(sql`insert into messages (id, workspace_id, channel, direction, contact_address, campaign_id,
        body, status, error_code, created_at, updated_at)
      select ${v7(messageMs, `'m${label}' || i`)}, ${workspaceId}::uuid, ch, dir,
        case when ch = 'email' then 'p' || (i % 200000) || '@example.pe' else '+519' || lpad((i % 200000)::text, 8, '0') end,
        case when dir = 'outbound' and i % 5 < 3 then (${campaignArray})[1 + i % ${campaignCount}] end,
        '{"text":"hola"}'::jsonb, st,
        case when st in ('undelivered', 'failed') then (array['ABSENT_SUBSCRIBER', 'NETWORK_ERROR', '131026'])[1 + i % 3] end,
        to_timestamp(${sql.raw(messageMs)} / 1000.0), to_timestamp(${sql.raw(messageMs)} / 1000.0)
      from generate_series(${from}::int, ${to - 1}::int) as i,
        lateral (select (array['sms', 'sms', 'sms', 'sms', 'sms', 'whatsapp', 'whatsapp', 'email', 'email', 'webchat'])[1 + i % 10] as ch,
          case when i % 5 = 4 then 'inbound' else 'outbound' end as dir) as k,
        lateral (select case when dir = 'inbound' then 'received'
          else (array['delivered', 'delivered', 'delivered', 'delivered', 'read', 'sent', 'undelivered', 'failed', 'queued', 'delivered'])[1 + (i / 10) % 10]
          end as st) as s`);
    bar.update(volume.runs + to);
  }
  bar.done();
  await db.execute(sql`insert into email_events (id, workspace_id, message_id, type, at, proxy)
    select gen_random_uuid(), m.workspace_id, m.id, t.type, m.created_at + interval '1 hour', false
    from messages m, lateral (select 'open' as type where hashtext(m.id::text) % 10 < 3
      union all select 'click' where hashtext(m.id::text) % 20 = 0) t
    where m.workspace_id = ${workspaceId}::uuid and m.channel = 'email' and m.direction = 'outbound'`);
  await db.execute(sql`insert into quota_ledger (id, workspace_id, channel, delta, reason, message_id, campaign_id, at)
    select gen_random_uuid(), m.workspace_id, 'sms', -1, 'delivered', m.id, m.campaign_id, m.created_at + interval '5 seconds'
    from messages m where m.workspace_id = ${workspaceId}::uuid and m.channel = 'sms' and m.status = 'delivered'`);
  await db.execute(sql`insert into quotas (id, workspace_id, channel, period, amount, starts_at)
    values (${newId()}::uuid, ${workspaceId}::uuid, 'sms', 'month', 10000000, now() - interval '100 days')`);
  return { workspaceId };
}

export interface ReportsFigures {
  database: string;
  volume: typeof large;
  load: number;
  /** The initial roll-up of everything seeded (both workspaces), and the rows it wrote per table. */
  rollup: { ms: number; batches: number; load: number; rows: Record<string, number> };
  reports: { name: string; period: string; largeMs: number; smallMs: number }[];
}

/**
 * Every report's build (its queries and the document) on the issue's volume, against the same
 * build on 10,000 rows of each in the same database and run: the ratio says whether a report's
 * time follows the period's rows or the table's size.
 */
export async function reportsBenchmark(): Promise<ReportsFigures> {
  const fresh = await freshPostgresDatabase(postgresUrl);
  const handle = await openDb({ databaseUrl: fresh.url });
  try {
    const db = handle.db;
    const big = await seedWorkspace(db, 'large', large, 'L');
    const little = await seedWorkspace(db, 'small', small, 'S');
    // What autovacuum does after a bulk load: statistics and the visibility map.
    for (const table of ['runs', 'run_steps', 'call_records', 'messages', 'email_events', 'quota_ledger'])
      await db.execute(sql.raw(`vacuum analyze ${table}`));
    const now = new Date();
    // The first roll-up of everything seeded, as the worker's first pass does after a deploy:
    // 90 days in one-day transactions (the dirty rows the seeding's triggers wrote go with them).
    const rollupLoad = os.loadavg()[0] ?? 0;
    const rollupStarted = performance.now();
    const pass = await rollUpReports(db, { now: () => now });
    const rollupMs = performance.now() - rollupStarted;
    const rollupRows: Record<string, number> = {};
    for (const table of rollupTables) {
      await db.execute(sql.raw(`vacuum analyze ${table}`));
      const [row] = await queryRows<{ n: number }>(db, sql.raw(`select count(*)::int as n from ${table}`));
      rollupRows[table] = row?.n ?? 0;
    }
    console.log(
      `  initial roll-up: ${(rollupMs / 1000).toFixed(1)} s in ${pass.batches} transactions (load ${rollupLoad.toFixed(1)}); rows ${JSON.stringify(rollupRows)}`,
    );
    const periods = [
      { period: 'last 30 days by day', from: new Date(now.getTime() - 30 * dayMs), bucket: 'day' as const },
      {
        period: 'all 90 days by week',
        from: new Date(now.getTime() - spanDays * dayMs - dayMs),
        bucket: 'week' as const,
      },
    ];
    const time = async (workspaceId: string, name: string, filters: ReportFilters) => {
      const report = allReports.find((r) => r.name === name)!;
      const times: number[] = [];
      for (let i = 0; i < rounds; i++) {
        const started = performance.now();
        await buildReport({ db }, report, { workspaceId, language: 'es', filters });
        times.push(performance.now() - started);
      }
      return median(times.slice(2));
    };
    const out: ReportsFigures['reports'] = [];
    for (const { period, from, bucket } of periods) {
      const filters: ReportFilters = {
        from: from.toISOString(),
        to: now.toISOString(),
        bucket,
        timezone: 'America/Lima',
      };
      for (const report of historicalReports) {
        const smallMs = await time(little.workspaceId, report.name, filters);
        const largeMs = await time(big.workspaceId, report.name, filters);
        const figure = { name: report.name, period, largeMs, smallMs };
        console.log(
          `  ${report.name} (${period}): ${largeMs.toFixed(1)} ms at full volume, ${smallMs.toFixed(1)} ms on 10k rows (${(largeMs / smallMs).toFixed(1)}×)`,
        );
        out.push(figure);
      }
    }
    return {
      database: 'PostgreSQL',
      volume: large,
      load: os.loadavg()[0] ?? 0,
      rollup: { ms: rollupMs, batches: pass.batches, load: rollupLoad, rows: rollupRows },
      reports: out,
    };
  } finally {
    await handle.close();
    // BENCH_REPORTS_KEEP=1 leaves the database to EXPLAIN a slow report in (its URL is printed).
    if (process.env.BENCH_REPORTS_KEEP) console.log(`Kept ${fresh.url}`);
    else await fresh.drop();
  }
}
