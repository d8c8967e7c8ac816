import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import {
  emailEvents,
  flowVersions,
  flows,
  messages,
  newId,
  openDb,
  queryRows,
  runs,
  workspaces,
  type Db,
  type DbHandle,
} from '@omniflow/db';
import { flowAnalytics, type FlowAnalyticsQuery } from '../src/analytics/flow-analytics.ts';
import {
  rollUpChangedBuckets,
  rollUpEndedRuns,
  rollUpFlowAnalytics,
} from '../src/analytics/flow-analytics-rollup.ts';
import { writePlannedRun, type PlannedRun, type PlannedStep } from './support/analytics-runs.ts';
import { freshPostgresDatabase, type FreshDatabase } from './support/postgres.ts';
import { publishFlow, startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

const graph = JSON.parse(readFileSync(new URL('./golden/voice-menu.graph.json', import.meta.url), 'utf8'));

const databases = [
  ...(inject('postgresUrl') ? [{ db: 'PostgreSQL' as const }] : []),
  { db: 'PGlite' as const },
];

const minute = 60_000;
const day = 24 * 60 * minute;
const start = Date.UTC(2026, 10, 2);

/** A small deterministic generator, so a failing fixture is the same fixture next time. */
function randomOf(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const call = (): PlannedStep => ({ node: 'call', type: 'voice.inbound-call', seconds: 2, port: 'next' });
const menu = (seconds: number, port?: string): PlannedStep => ({
  node: 'menu',
  type: 'voice.menu',
  seconds,
  ...(port ? { port } : {}),
});
const say = (node: 'sales' | 'support' | 'bye', port?: string): PlannedStep => ({
  node,
  type: node === 'bye' ? 'voice.hangup' : 'voice.say',
  seconds: 1,
  ...(port ? { port } : {}),
});

/** A random run of the IVR: where it went, where it stopped, how it ended. */
function randomPlan(random: () => number, startedAt: Date): PlannedRun & { version: number } {
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;
  const steps: PlannedStep[] = [call()];
  // Some callers press an invalid key first and are asked again (a loop through the menu).
  if (random() < 0.2) steps.push(menu(Math.ceil(random() * 9), 'invalid'));
  const choice = pick(['sales', 'support', 'timeout', 'stay'] as const);
  const status = pick([
    'completed',
    'completed',
    'failed',
    'abandoned',
    'cancelled',
    'waiting',
    'running',
  ] as const);
  const open = status === 'waiting' || status === 'running';
  if (choice === 'stay') steps.push(menu(Math.ceil(random() * 9)));
  else {
    steps.push(menu(Math.ceil(random() * 9), choice));
    const next = choice === 'timeout' ? 'bye' : choice;
    steps.push(say(next, open || status === 'failed' ? undefined : 'next'));
  }
  return { status, steps, startedAt, version: random() < 0.7 ? 1 : 2 };
}

describe.each(databases)('the flow analytics rollup on $db', ({ db: kind }) => {
  let fresh: FreshDatabase | undefined;
  let handle: DbHandle;
  let db: Db;
  const workspaceId = newId();
  const flowId = newId();
  const versionIds = { 1: newId(), 2: newId() } as Record<number, string>;
  const random = randomOf(kind === 'PGlite' ? 17 : 42);
  const runIds: string[] = [];

  const target = (version: number) => ({ workspaceId, flowId, flowVersionId: versionIds[version]!, version });

  /** Random runs over three days, a tenth of them on a bucket's first or last second. */
  async function seedRuns(count: number) {
    for (let i = 0; i < count; i++) {
      let at = start + Math.floor(random() * 3 * day);
      if (random() < 0.1)
        at = Math.floor(at / (15 * minute)) * 15 * minute + (random() < 0.5 ? 0 : 15 * minute - 1);
      const plan = randomPlan(random, new Date(at));
      const id = await writePlannedRun(db, target(plan.version), plan);
      runIds.push(id);
      if (plan.steps.some((s) => s.node === 'sales') && random() < 0.8) {
        const status = (['sent', 'delivered', 'read', 'failed'] as const)[Math.floor(random() * 4)]!;
        const base = { workspaceId, contactAddress: '+51999000111', runId: id, body: { text: 'Hola' } };
        const channel = random() < 0.3 ? ('email' as const) : ('whatsapp' as const);
        const messageId = newId();
        await db
          .insert(messages)
          .values({ ...base, id: messageId, channel, direction: 'outbound', nodeId: 'sales', status });
        if (channel === 'email' && random() < 0.5)
          await db
            .insert(emailEvents)
            .values({ id: newId(), workspaceId, messageId, type: 'open', proxy: random() < 0.3 });
        if (random() < 0.3)
          await db
            .insert(messages)
            .values({ ...base, id: newId(), channel, direction: 'inbound', status: 'received' });
      }
    }
  }

  /** Periods as a person picks them: zoned days and weeks (edges off the buckets), one short span. */
  const queries = (): FlowAnalyticsQuery[] => {
    const periods: [string, string][] = [
      ['2026-11-02T00:00:00-05:00', '2026-11-05T00:00:00-05:00'],
      ['2026-11-01T00:00:00+05:45', '2026-11-08T00:00:00+05:45'],
      ['2026-11-03T10:07:31Z', '2026-11-03T10:52:02Z'],
      ['2026-11-03T10:07:31Z', '2026-11-03T10:14:02Z'],
      ['2026-11-02T00:00:00Z', '2026-11-05T00:00:00Z'],
    ];
    return periods.flatMap(([from, to]) =>
      [undefined, 1, 2].map((version) => ({
        workspaceId,
        flowId,
        version,
        from: new Date(from).toISOString(),
        to: new Date(to).toISOString(),
      })),
    );
  };

  /** The rollup plus the live rows give what the raw rows alone give, for every query. */
  async function expectSameAsRaw() {
    for (const q of queries()) {
      const [combined, raw] = await Promise.all([
        flowAnalytics(db, q),
        flowAnalytics(db, q, { rollup: false }),
      ]);
      expect(combined, JSON.stringify(q)).toEqual(raw);
    }
  }

  const count = async (query: ReturnType<typeof sql>) =>
    Number((await queryRows<{ n: string | number }>(db, query))[0]?.n ?? 0);
  const pendingEnded = () =>
    count(sql`select count(*) as n from runs where analytics_rolled_at is null
      and status in ('completed', 'failed', 'cancelled', 'abandoned', 'skipped')`);
  const rollupRows = () => count(sql`select count(*) as n from flow_analytics_rollup`);
  const dirtyBuckets = () => count(sql`select count(*) as n from flow_analytics_dirty`);

  beforeAll(async () => {
    if (kind === 'PostgreSQL') fresh = await freshPostgresDatabase(inject('postgresUrl'));
    handle = await openDb(fresh ? { databaseUrl: fresh.url } : { dataDir: 'memory://' });
    db = handle.db;
    await db.insert(workspaces).values({ id: workspaceId, name: 'Help desk' });
    await db.insert(flows).values({ id: flowId, workspaceId, name: 'IVR', draft: graph, latestVersion: 2 });
    for (const version of [1, 2])
      await db.insert(flowVersions).values({
        id: versionIds[version]!,
        workspaceId,
        flowId,
        version,
        graph,
        machine: {},
        hash: `v${version}`,
      });
    await seedRuns(240);
  }, 120_000);

  afterAll(async () => {
    await handle?.close();
    await fresh?.drop();
  });

  it('gives the raw figures before, during and after a catch-up after a gap, whatever the batch', async () => {
    // Nothing rolled up yet (a deployment upgrading, or the job down for a while): all live.
    await expectSameAsRaw();
    const first = await rollUpFlowAnalytics(db, { batchSize: 25, maxBatches: 4 });
    expect(first).toMatchObject({ buckets: 0, more: true });
    expect(first.runs).toBeGreaterThan(0);
    expect(await pendingEnded()).toBeGreaterThan(0);
    await expectSameAsRaw();
    // One pass takes in everything left, batch after batch.
    const rest = await rollUpFlowAnalytics(db, { batchSize: 25 });
    expect(rest.more).toBe(false);
    expect(await pendingEnded()).toBe(0);
    expect(await rollupRows()).toBeGreaterThan(0);
    await expectSameAsRaw();
    // A pass with nothing to do changes nothing.
    expect(await rollUpFlowAnalytics(db)).toEqual({ runs: 0, buckets: 0, more: false });
    await expectSameAsRaw();
    // More runs after the gap: rolled up into buckets that already have rows (summed into).
    await seedRuns(60);
    await expectSameAsRaw();
    await rollUpFlowAnalytics(db, { batchSize: 7 });
    expect(await pendingEnded()).toBe(0);
    await expectSameAsRaw();
  }, 300_000);

  it('moves a run that was open when rolled up to where it ended, and back when it is reopened', async () => {
    const startedAt = new Date(Date.UTC(2026, 10, 3, 10, 30));
    const id = await writePlannedRun(db, target(1), {
      status: 'waiting',
      steps: [call(), menu(4)],
      startedAt,
    });
    const q = {
      workspaceId,
      flowId,
      version: 1,
      from: '2026-11-03T00:00:00.000Z',
      to: '2026-11-04T00:00:00.000Z',
    };
    await rollUpFlowAnalytics(db);
    const before = await flowAnalytics(db, q);
    const menuOf = (a: typeof before) => a.nodes.find((n) => n.nodeId === 'menu')!;
    const [open] = await db.select({ at: runs.analyticsRolledAt }).from(runs).where(eq(runs.id, id));
    expect(open!.at).toBeNull();
    // The caller hangs up at the menu: the run ends as abandoned, after the job counted it as open.
    await db.update(runs).set({ status: 'abandoned', endedAt: new Date() }).where(eq(runs.id, id));
    const ended = await flowAnalytics(db, q);
    expect(menuOf(ended).inProgress).toBe(menuOf(before).inProgress - 1);
    expect(menuOf(ended).abandoned).toBe(menuOf(before).abandoned + 1);
    expect(ended.runs.abandoned).toBe(before.runs.abandoned + 1);
    await expectSameAsRaw();
    await rollUpFlowAnalytics(db);
    const [rolled] = await db.select({ at: runs.analyticsRolledAt }).from(runs).where(eq(runs.id, id));
    expect(rolled!.at).not.toBeNull();
    expect(await flowAnalytics(db, q)).toEqual(ended);
    await expectSameAsRaw();
    // A retry from a step reopens it: its bucket is read live until the job rolls it up again.
    await db.update(runs).set({ status: 'running', endedAt: null }).where(eq(runs.id, id));
    expect(await dirtyBuckets()).toBe(1);
    const reopened = await flowAnalytics(db, q);
    expect(menuOf(reopened)).toEqual(menuOf(before));
    await expectSameAsRaw();
    expect((await rollUpFlowAnalytics(db)).buckets).toBe(1);
    expect(await dirtyBuckets()).toBe(0);
    const [unrolled] = await db.select({ at: runs.analyticsRolledAt }).from(runs).where(eq(runs.id, id));
    expect(unrolled!.at).toBeNull();
    expect(await flowAnalytics(db, q)).toEqual(reopened);
    await expectSameAsRaw();
  }, 300_000);

  it('re-rolls the bucket of a message delivered, read, opened or answered after its run was rolled up', async () => {
    await rollUpFlowAnalytics(db);
    const sent = await queryRows<{ id: string; run_id: string; channel: string }>(
      db,
      sql`select m.id, m.run_id, m.channel from messages m join runs r on r.id = m.run_id
        where m.direction = 'outbound' and m.status = 'sent' and r.analytics_rolled_at is not null
        order by m.id limit 3`,
    );
    expect(sent.length).toBe(3);
    await db.update(messages).set({ status: 'delivered' }).where(eq(messages.id, sent[0]!.id));
    await db.insert(messages).values({
      id: newId(),
      workspaceId,
      channel: 'whatsapp',
      direction: 'inbound',
      contactAddress: '+51999000111',
      runId: sent[1]!.run_id,
      body: { text: 'Más tarde' },
      status: 'received',
    });
    await db
      .insert(emailEvents)
      .values({ id: newId(), workspaceId, messageId: sent[2]!.id, type: 'open', proxy: false });
    expect(await dirtyBuckets()).toBeGreaterThan(0);
    await expectSameAsRaw();
    await rollUpFlowAnalytics(db);
    expect(await dirtyBuckets()).toBe(0);
    await expectSameAsRaw();
  }, 300_000);

  it('counts nothing twice when a pass fails midway, and finishes on the next', async () => {
    await seedRuns(40);
    await rollUpChangedBuckets(db);
    const pending = await pendingEnded();
    const rowsBefore = await count(sql`select coalesce(sum(n), 0) as n from flow_analytics_rollup`);
    expect(pending).toBeGreaterThan(0);
    // The database refuses the rollup's write after the runs were marked (a crash in between).
    await db.execute(
      sql.raw(`create function refuse_rollup() returns trigger language plpgsql as $$
      begin raise exception 'rollup refused by the test'; end; $$`),
    );
    await db.execute(
      sql.raw(
        'create trigger refuse_rollup before insert on flow_analytics_rollup for each statement execute function refuse_rollup()',
      ),
    );
    try {
      await expect(rollUpEndedRuns(db, 10)).rejects.toThrow();
      await expect(rollUpFlowAnalytics(db, { batchSize: 10 })).rejects.toThrow();
    } finally {
      await db.execute(sql.raw('drop trigger refuse_rollup on flow_analytics_rollup'));
      await db.execute(sql.raw('drop function refuse_rollup()'));
    }
    expect(await pendingEnded()).toBe(pending);
    expect(await count(sql`select coalesce(sum(n), 0) as n from flow_analytics_rollup`)).toBe(rowsBefore);
    await expectSameAsRaw();
    // Stopped after two batches (the process went away), then run again: each run once.
    await rollUpFlowAnalytics(db, { batchSize: 5, maxBatches: 2 });
    await expectSameAsRaw();
    await rollUpFlowAnalytics(db, { batchSize: 5 });
    await rollUpFlowAnalytics(db, { batchSize: 5 });
    expect(await pendingEnded()).toBe(0);
    await expectSameAsRaw();
  }, 300_000);
});

describe('the flow analytics rollup workflow', () => {
  let omni: TestOmniflow;

  beforeAll(async () => {
    omni = await startTestOmniflow({ db: 'pglite' });
  }, 120_000);
  afterAll(async () => omni?.close());

  it('rolls up ended runs through the worker, and the API answers the same figures', async () => {
    const db = omni.handle.db;
    const workspaceId = (await db.query.workspaces.findFirst())!.id;
    const flowId = await publishFlow(omni, graph);
    const version = (await db.query.flowVersions.findFirst({ where: (v, { eq }) => eq(v.flowId, flowId) }))!;
    const target = { workspaceId, flowId, flowVersionId: version.id, version: 1 };
    const at = (minutes: number) => new Date(Date.UTC(2026, 4, 1, 9) + minutes * minute);
    await writePlannedRun(db, target, {
      status: 'completed',
      steps: [call(), menu(8, 'sales'), say('sales', 'next')],
      startedAt: at(1),
    });
    await writePlannedRun(db, target, { status: 'abandoned', steps: [call(), menu(5)], startedAt: at(20) });
    await writePlannedRun(db, target, { status: 'waiting', steps: [call(), menu(3)], startedAt: at(40) });
    const period = 'from=2026-05-01T00:00:00-05:00&to=2026-05-02T00:00:00-05:00';
    const before = await omni.call('GET', `/api/v1/flows/${flowId}/analytics?version=1&${period}`);
    expect(before.status, JSON.stringify(before.body)).toBe(200);
    const rolled = await omni.temporal.workflow.execute('flowAnalyticsRollup', {
      taskQueue: omni.taskQueue,
      workflowId: `test-flow-analytics-rollup-${Date.now()}`,
    });
    expect(rolled).toBe(2);
    const pending = await queryRows<{ n: string | number }>(
      db,
      sql`select count(*) as n from runs where flow_id = ${flowId} and analytics_rolled_at is null`,
    );
    expect(Number(pending[0]!.n)).toBe(1);
    const after = await omni.call('GET', `/api/v1/flows/${flowId}/analytics?version=1&${period}`);
    expect(after.body).toEqual(before.body);
    expect(after.body.runs).toMatchObject({ total: 3, completed: 1, abandoned: 1, inProgress: 1 });
  }, 300_000);
});
