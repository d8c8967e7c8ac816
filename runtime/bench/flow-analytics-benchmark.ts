import { readFileSync } from 'node:fs';
import os from 'node:os';
import { sql } from 'drizzle-orm';
import { flowVersions, flows, newId, openDb, queryRows, workspaces, type Db } from '@omniflow/db';
import { flowAnalytics, type FlowAnalyticsQuery } from '../src/analytics/flow-analytics.ts';
import { rollUpFlowAnalytics } from '../src/analytics/flow-analytics-rollup.ts';
import { progressBar } from '../src/cli/progress-bar.ts';
import { freshPostgresDatabase } from '../test/support/postgres.ts';
import { median } from './median.ts';

const flowCount = 20;
const dayMs = 86_400_000;
const spanMs = 30 * dayMs;
const rounds = 12;
const postgresUrl = process.env.BENCH_FLOW_ANALYTICS_DATABASE_URL ?? process.env.OMNIFLOW_TEST_DATABASE_URL;
const graph = JSON.parse(
  readFileSync(new URL('../test/golden/voice-menu.graph.json', import.meta.url), 'utf8'),
);

// Each run's path by i % 100: 40 sales, 30 support, 10 timeout to bye, 10 abandoned at the menu,
// 5 failed at support, 5 waiting at the menu. (from, to, seq, node, type, seconds in, port)
const paths = sql`(values
  (0, 99, 0, 'call', 'voice.inbound-call', 2, 'next'),
  (0, 39, 1, 'menu', 'voice.menu', 8, 'sales'), (0, 39, 2, 'sales', 'voice.say', 1, 'next'),
  (40, 69, 1, 'menu', 'voice.menu', 6, 'support'), (40, 69, 2, 'support', 'voice.say', 1, 'next'),
  (70, 79, 1, 'menu', 'voice.menu', 10, 'timeout'), (70, 79, 2, 'bye', 'voice.hangup', 0, 'next'),
  (80, 89, 1, 'menu', 'voice.menu', 5, null), (90, 94, 1, 'menu', 'voice.menu', 6, 'support'),
  (90, 94, 2, 'support', 'voice.say', 1, null), (95, 99, 1, 'menu', 'voice.menu', 3, null)
) as p(lo, hi, seq, node_id, node_type, seconds, port)`;

/**
 * Runs `from`…`to` of 20 flows spread over 30 days up to `end`, with their steps and the sales
 * node's messages (a quarter answered), all in SQL. Ids are uuid v7 of the start, as in life.
 */
export async function seed(
  db: Db,
  workspaceId: string,
  versions: { flowId: string; id: string }[],
  from: number,
  to: number,
  scale: number,
  end: number,
) {
  const flowIds = `{${versions.map((v) => v.flowId).join(',')}}`;
  const versionIds = `{${versions.map((v) => v.id).join(',')}}`;
  const series = sql`generate_series(${from}::int, ${to - 1}::int) as i,
      lateral (select ${end}::bigint - ${spanMs}::bigint + (i::bigint * ${Math.floor(spanMs / scale)}::bigint) as ms) as t,
      lateral (select (lpad(to_hex(t.ms), 12, '0') || '7' || substr(md5(i::text), 1, 3) || '8'
        || substr(md5(i::text), 4, 15))::uuid as id, i % 100 as cls, to_timestamp(t.ms / 1000.0) as at) as r`;
  await db.execute(sql`
    insert into runs (id, workspace_id, flow_id, flow_version_id, version, status, current_nodes, temporal_workflow_id, started_at, ended_at)
    select r.id, ${workspaceId}::uuid, (${flowIds}::uuid[])[1 + i % ${flowCount}], (${versionIds}::uuid[])[1 + i % ${flowCount}], 1,
      case when cls < 80 then 'completed' when cls < 90 then 'abandoned' when cls < 95 then 'failed' else 'waiting' end,
      case when cls >= 95 then '["menu"]'::jsonb else '[]'::jsonb end, i::text, r.at,
      case when cls < 95 then r.at + interval '20 seconds' end
    from ${series}`);
  await db.execute(sql`
    insert into run_steps (workspace_id, run_id, seq, node_id, node_type, entered_at, left_at, port)
    select ${workspaceId}::uuid, r.id, p.seq, p.node_id, p.node_type, r.at + p.seq * interval '10 seconds',
      case when p.port is not null then r.at + p.seq * interval '10 seconds' + p.seconds * interval '1 second' end, p.port
    from ${series} join ${paths} on r.cls between p.lo and p.hi`);
  await db.execute(sql`
    insert into messages (id, workspace_id, channel, direction, contact_address, run_id, node_id, body, status)
    select (substr(r.id::text, 1, 24) || lpad(to_hex(k), 12, '0'))::uuid, ${workspaceId}::uuid, 'whatsapp',
      case when k = 1 then 'outbound' else 'inbound' end, '+51999' || lpad(i::text, 7, '0'), r.id,
      case when k = 1 then 'sales' end, '{"text":"hola"}'::jsonb,
      case when k = 2 then 'received' else (array['sent', 'delivered', 'read', 'failed'])[1 + i % 4] end
    from ${series}, generate_series(1, 2) as k
    where r.cls < 40 and (k = 1 or i % 4 = 2)`);
}

export interface RollupFigures {
  runs: number;
  rows: number;
  ms: number;
  cpuMs: number;
}

export interface FlowAnalyticsFigures {
  database: 'PostgreSQL' | 'PGlite';
  small: number;
  scale: number;
  load: number;
  /** The first roll-up of the seeded runs (what a deployment's job does once after upgrading). */
  rollup: { small: RollupFigures; large: RollupFigures };
  queries: { name: string; smallRuns: number; largeRuns: number; smallMs: number; largeMs: number }[];
}

/**
 * GET /flows/{id}/analytics's query (analytics/flow-analytics.ts) for one flow over a week and
 * over the whole 30 days, at 10,000 runs and again at `scale` runs in the same database.
 */
export async function flowAnalyticsBenchmark(
  scale = Number(process.env.BENCH_FLOW_ANALYTICS_RUNS ?? 1_000_000),
): Promise<FlowAnalyticsFigures> {
  const small = 10_000;
  const fresh = postgresUrl ? await freshPostgresDatabase(postgresUrl) : undefined;
  const handle = await openDb(fresh ? { databaseUrl: fresh.url } : { dataDir: 'memory://' });
  try {
    const db = handle.db;
    const workspaceId = newId();
    await db.insert(workspaces).values({ id: workspaceId, name: 'bench' });
    const versions: { flowId: string; id: string }[] = [];
    for (let f = 0; f < flowCount; f++) {
      const flowId = newId();
      const id = newId();
      await db
        .insert(flows)
        .values({ id: flowId, workspaceId, name: `IVR ${f}`, draft: graph, latestVersion: 1 });
      await db
        .insert(flowVersions)
        .values({ id, workspaceId, flowId, version: 1, graph, machine: {}, hash: 'bench' });
      versions.push({ flowId, id });
    }
    const end = Date.now();
    const flowId = versions[3]!.flowId;
    const queries: [string, FlowAnalyticsQuery][] = [
      [
        'one flow, last 7 days, version 1',
        {
          workspaceId,
          flowId,
          version: 1,
          from: new Date(end - 7 * dayMs).toISOString(),
          to: new Date(end).toISOString(),
        },
      ],
      [
        'one flow, whole 30 days, all versions',
        {
          workspaceId,
          flowId,
          from: new Date(end - spanMs - dayMs).toISOString(),
          to: new Date(end + dayMs).toISOString(),
        },
      ],
    ];
    const measure = async () => {
      const out: { runs: number; ms: number }[] = [];
      for (const [, query] of queries) {
        const times: number[] = [];
        let runs = 0;
        for (let i = 0; i < rounds; i++) {
          const started = performance.now();
          runs = (await flowAnalytics(db, query)).runs.total;
          times.push(performance.now() - started);
        }
        out.push({ runs, ms: median(times.slice(3)) });
      }
      return out;
    };
    const analyze = async () => {
      for (const table of ['runs', 'run_steps', 'messages', 'flow_analytics_rollup'])
        await db.execute(sql.raw(`vacuum analyze ${table}`));
    };
    // The rollup job as the schedule runs it, timed in wall and in this process's CPU (the
    // database's own work is in the wall time: on this shared box, read it with the load).
    const rollUp = async (): Promise<RollupFigures> => {
      const cpu = process.cpuUsage();
      const started = performance.now();
      const done = await rollUpFlowAnalytics(db);
      const ms = performance.now() - started;
      const used = process.cpuUsage(cpu);
      const [{ rows } = { rows: 0 }] = await queryRows<{ rows: number }>(
        db,
        sql`select count(*)::int as rows from flow_analytics_rollup`,
      );
      return { runs: done.runs, rows: Number(rows), ms, cpuMs: (used.user + used.system) / 1000 };
    };
    // The small table holds the same 30 days, thinner: the same queries pick 100 times fewer runs.
    await seed(db, workspaceId, versions, 0, small, small, end);
    await analyze();
    const smallRollup = await rollUp();
    await analyze();
    const smallFigures = await measure();
    await db.execute(sql`truncate runs, flow_analytics_rollup, flow_analytics_dirty cascade`);
    const bar = progressBar(
      `Seeding ${scale.toLocaleString('en')} runs with their steps and messages`,
      scale,
    );
    const step = 100_000;
    for (let from = 0; from < scale; from += step) {
      await seed(db, workspaceId, versions, from, Math.min(scale, from + step), scale, end);
      bar.update(Math.min(scale, from + step));
    }
    bar.done();
    await analyze();
    const [{ steps } = { steps: 0 }] = await queryRows<{ steps: number }>(
      db,
      sql`select count(*)::int as steps from run_steps`,
    );
    console.log(
      `flow-analytics: ${scale.toLocaleString('en')} runs, ${Number(steps).toLocaleString('en')} steps`,
    );
    const largeRollup = await rollUp();
    console.log(
      `flow-analytics: rolled up ${largeRollup.runs.toLocaleString('en')} ended runs into ${largeRollup.rows.toLocaleString('en')} rows in ${(largeRollup.ms / 1000).toFixed(1)} s`,
    );
    await analyze();
    const largeFigures = await measure();
    return {
      database: fresh ? 'PostgreSQL' : 'PGlite',
      small,
      scale,
      load: os.loadavg()[0] ?? 0,
      rollup: { small: smallRollup, large: largeRollup },
      queries: queries.map(([name], i) => ({
        name,
        smallRuns: smallFigures[i]!.runs,
        largeRuns: largeFigures[i]!.runs,
        smallMs: smallFigures[i]!.ms,
        largeMs: largeFigures[i]!.ms,
      })),
    };
  } finally {
    await handle.close();
    await fresh?.drop();
  }
}

export function flowAnalyticsLines(figures: FlowAnalyticsFigures | undefined): string[] {
  if (!figures) return [];
  return [
    `flow-analytics: first roll-up of ${figures.rollup.large.runs.toLocaleString('en')} ended runs in ${(figures.rollup.large.ms / 1000).toFixed(1)} s`,
    ...figures.queries.map(
      (q) =>
        `flow-analytics: ${q.name}: ${q.smallRuns} of ${figures.small.toLocaleString('en')} runs in ${q.smallMs.toFixed(1)} ms; ${q.largeRuns} of ${figures.scale.toLocaleString('en')} in ${q.largeMs.toFixed(1)} ms (${(q.largeMs / q.smallMs).toFixed(2)}×)`,
    ),
  ];
}
