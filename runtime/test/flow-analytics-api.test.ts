import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { flowVersions, flows, newId, workspaces } from '@omniflow/db';
import { createApiKey } from '../src/api/api-keys.ts';
import { allReports } from '../src/reports/all-reports.ts';
import { publishFlow, startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';
import { writePlannedRun, writeRunMessage, type PlannedRun } from './support/analytics-runs.ts';

const graph = JSON.parse(readFileSync(new URL('./golden/voice-menu.graph.json', import.meta.url), 'utf8'));

// PostgreSQL is what installs run; PGlite is cheap and is what `omniflow dev` runs.
const databases = [
  ...(inject('postgresUrl') ? [{ db: 'postgres' as const }] : []),
  { db: 'pglite' as const },
];

const hour = 3_600_000;
const periodStart = new Date(Date.UTC(2026, 4, 1));
const inPeriod = (n: number) => new Date(periodStart.getTime() + hour + n * 60_000);
const call = { node: 'call', type: 'voice.inbound-call', seconds: 2, port: 'next' };
const menu = (seconds: number, port?: string) => ({
  node: 'menu',
  type: 'voice.menu',
  seconds,
  ...(port ? { port } : {}),
});
const say = (node: 'sales' | 'support', port?: string) => ({
  node,
  type: 'voice.say',
  seconds: 1,
  ...(port ? { port } : {}),
});

/** Known paths, version 1, in May 2026: each figure below is counted by hand from these. */
const version1: [number, Omit<PlannedRun, 'startedAt'>][] = [
  [5, { status: 'completed', steps: [call, menu(8, 'sales'), say('sales', 'next')] }],
  [3, { status: 'completed', steps: [call, menu(6, 'support'), say('support', 'next')] }],
  [1, { status: 'failed', steps: [call, menu(6, 'support'), say('support')] }],
  [2, { status: 'completed', steps: [call, menu(10, 'timeout'), { node: 'bye', seconds: 0, port: 'next' }] }],
  [2, { status: 'abandoned', steps: [call, menu(5)] }],
  [1, { status: 'waiting', steps: [call, menu(3)] }],
];

const filters = () => ({
  from: periodStart.toISOString(),
  to: new Date(periodStart.getTime() + 24 * hour).toISOString(),
  bucket: 'day' as const,
  timezone: 'America/Lima',
});

describe.each(databases)('flow analytics API on $db', ({ db }) => {
  let omni: TestOmniflow;
  let flowId: string;
  let workspaceId: string;
  let otherFlow: string;
  const salesRuns: string[] = [];
  const period = `from=${periodStart.toISOString()}&to=${new Date(periodStart.getTime() + 24 * hour).toISOString()}`;

  beforeAll(async () => {
    omni = await startTestOmniflow({ db, worker: false });
    const database = omni.handle.db;
    workspaceId = (await database.query.workspaces.findFirst())!.id;
    flowId = await publishFlow(omni, graph);
    const v1 = await database.query.flowVersions.findFirst({ where: (v, { eq }) => eq(v.flowId, flowId) });
    const v2Id = newId();
    await database.insert(flowVersions).values({ ...v1!, id: v2Id, version: 2, hash: 'v2' });
    const target = (version: number, flowVersionId: string) => ({
      workspaceId,
      flowId,
      flowVersionId,
      version,
    });
    let minute = 0;
    for (const [times, plan] of version1)
      for (let i = 0; i < times; i++) {
        const id = await writePlannedRun(database, target(1, v1!.id), {
          ...plan,
          startedAt: inPeriod(minute++),
        });
        if (plan.steps[2]?.node === 'sales') salesRuns.push(id);
      }
    // Version 2: three runs straight to support, and one run of version 1 before the period.
    for (let i = 0; i < 3; i++)
      await writePlannedRun(database, target(2, v2Id), {
        status: 'completed',
        steps: [call, menu(4, 'support'), say('support', 'next')],
        startedAt: inPeriod(minute++),
      });
    await writePlannedRun(database, target(1, v1!.id), {
      status: 'completed',
      steps: [call, menu(1, 'sales'), say('sales', 'next')],
      startedAt: new Date(periodStart.getTime() - hour),
    });
    // What the sales node's messages became: 5 sent, 1 failed, 2 read, 1 more delivered; 2 replied.
    const fates = ['delivered', 'read', 'read', 'failed', 'sent'] as const;
    for (const [i, runId] of salesRuns.entries())
      await writeRunMessage(database, workspaceId, runId, 'sales', fates[i]!, i < 2);

    const other = newId();
    await database.insert(workspaces).values({ id: other, name: 'Otra' });
    otherFlow = newId();
    await database.insert(flows).values({ id: otherFlow, workspaceId: other, name: 'Ajeno', draft: graph });
  });
  afterAll(async () => omni?.close());

  it('counts entries, ports, drop-offs, time in node and the IVR options of version 1 exactly', async () => {
    const answer = await omni.call('GET', `/api/v1/flows/${flowId}/analytics?version=1&${period}`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const body = answer.body;
    expect(body.runs).toEqual({
      total: 14,
      completed: 10,
      failed: 1,
      abandoned: 2,
      cancelled: 0,
      inProgress: 1,
    });
    const node = (id: string) => body.nodes.find((n: { nodeId: string }) => n.nodeId === id);
    expect(node('call')).toMatchObject({ entered: 14, visits: 14, avgSeconds: 2, ended: 0, abandoned: 0 });
    expect(node('call').ports).toEqual([{ port: 'next', count: 14 }]);
    // 5 × 8 s + 4 × 6 s + 2 × 10 s over the 11 entries that left: 84 / 11.
    expect(node('menu')).toMatchObject({
      nodeType: 'voice.menu',
      entered: 14,
      avgSeconds: 7.636,
      abandoned: 2,
      inProgress: 1,
      failed: 0,
      ended: 0,
    });
    expect(node('menu').ports).toEqual([
      { port: 'sales', count: 5 },
      { port: 'support', count: 4 },
      { port: 'timeout', count: 2 },
    ]);
    expect(node('support')).toMatchObject({ entered: 4, ended: 3, failed: 1, avgSeconds: 1 });
    expect(node('sales')).toMatchObject({ entered: 5, ended: 5 });
    expect(node('bye')).toMatchObject({ entered: 2, ended: 2, avgSeconds: 0 });
    expect(body.menus).toEqual([
      {
        nodeId: 'menu',
        options: [
          { port: 'sales', digit: '1', label: 'Ventas', count: 5 },
          { port: 'support', digit: '2', label: 'Soporte', count: 4 },
          { port: 'timeout', digit: null, label: '', count: 2 },
          { port: 'invalid', digit: null, label: '', count: 0 },
        ],
      },
    ]);
  });

  it('draws a funnel from the trigger to each end node', async () => {
    const { body } = await omni.call('GET', `/api/v1/flows/${flowId}/analytics?version=1&${period}`);
    expect(body.funnels).toEqual([
      {
        endNodeId: 'sales',
        stages: [
          { nodeId: 'call', runs: 14 },
          { nodeId: 'menu', runs: 14 },
          { nodeId: 'sales', runs: 5 },
        ],
      },
      {
        endNodeId: 'support',
        stages: [
          { nodeId: 'call', runs: 14 },
          { nodeId: 'menu', runs: 14 },
          { nodeId: 'support', runs: 4 },
        ],
      },
      {
        endNodeId: 'bye',
        stages: [
          { nodeId: 'call', runs: 14 },
          { nodeId: 'menu', runs: 14 },
          { nodeId: 'bye', runs: 2 },
        ],
      },
    ]);
  });

  it('joins what the node’s messages became: delivered, read, replied', async () => {
    const { body } = await omni.call('GET', `/api/v1/flows/${flowId}/analytics?version=1&${period}`);
    const sales = body.nodes.find((n: { nodeId: string }) => n.nodeId === 'sales');
    expect(sales.delivery).toEqual({ sent: 5, delivered: 3, read: 2, replied: 2, failed: 1 });
    expect(body.nodes.find((n: { nodeId: string }) => n.nodeId === 'menu').delivery).toBeNull();
  });

  it('filters by version, or takes every version, and by period', async () => {
    const v2 = await omni.call('GET', `/api/v1/flows/${flowId}/analytics?version=2&${period}`);
    expect(v2.body.runs.total).toBe(3);
    expect(v2.body.nodes.find((n: { nodeId: string }) => n.nodeId === 'menu').ports).toEqual([
      { port: 'support', count: 3 },
    ]);
    const all = await omni.call('GET', `/api/v1/flows/${flowId}/analytics?version=all&${period}`);
    expect(all.body).toMatchObject({ version: null, graphVersion: 2, runs: { total: 17 } });
    const wider = await omni.call(
      'GET',
      `/api/v1/flows/${flowId}/analytics?from=${new Date(periodStart.getTime() - 2 * hour).toISOString()}&to=${inPeriod(60).toISOString()}`,
    );
    expect(wider.body.runs.total).toBe(18);
    const none = await omni.call('GET', `/api/v1/flows/${flowId}/analytics?version=3&${period}`);
    expect(none.body).toMatchObject({ runs: { total: 0 }, nodes: [], funnels: [] });
  });

  it('answers 404 for another workspace’s flow and 400 in the reader’s language for bad filters', async () => {
    const theirs = await omni.call('GET', `/api/v1/flows/${otherFlow}/analytics`);
    expect(theirs.status).toBe(404);
    const es = { 'accept-language': 'es-PE,es;q=0.9' };
    const badVersion = await omni.call('GET', `/api/v1/flows/${flowId}/analytics?version=dos`, undefined, es);
    expect(badVersion.status).toBe(400);
    expect(badVersion.body.error.message).toMatch(/número de una versión publicada/);
    const badDate = await omni.call('GET', `/api/v1/flows/${flowId}/analytics?from=ayer`);
    expect(badDate.status).toBe(400);
    expect(badDate.body.error.message).toMatch(/from must be an ISO date-time/);
    const backwards = await omni.call(
      'GET',
      `/api/v1/flows/${flowId}/analytics?from=2026-05-02T00:00:00Z&to=2026-05-01T00:00:00Z`,
      undefined,
      es,
    );
    expect(backwards.body.error).toMatchObject({
      code: 'PERIOD_INVALID',
      message: 'from debe ser anterior a to',
    });
    const tooLong = await omni.call(
      'GET',
      `/api/v1/flows/${flowId}/analytics?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z`,
    );
    expect(tooLong.body.error.code).toBe('PERIOD_TOO_LONG');
  });

  it('is for roles that read reports, designers included, not agents', async () => {
    for (const [role, status] of [
      ['designer', 200],
      ['viewer', 200],
      ['agent', 403],
    ] as const) {
      const { key } = await createApiKey(omni.handle.db, workspaceId, role, null, role);
      const answer = await omni.call('GET', `/api/v1/flows/${flowId}/analytics?${period}`, undefined, {
        authorization: `Bearer ${key}`,
      });
      expect(answer.status, role).toBe(status);
    }
  });

  it('exports as a report: node table, port table and funnel chart, in Spanish', async () => {
    const report = allReports.find((r) => r.name === 'flow-analytics')!;
    const doc = await report.build(
      { db: omni.handle.db },
      { workspaceId, language: 'es', filters: { ...filters(), flowId, flowVersion: 1 } },
    );
    expect(doc.title).toBe('Analítica del flujo: Menú de la central');
    expect(doc.filters).toContainEqual({ label: 'Versión', value: '1' });
    const nodes = doc.tables.find((t) => t.name === 'Nodos')!;
    expect(nodes.rows.find((r) => r.node === 'menu')).toMatchObject({
      entered: 14,
      abandoned: 2,
      avgSeconds: 7.636,
    });
    const ports = doc.tables.find((t) => t.name === 'Puertos')!;
    expect(ports.rows).toContainEqual({ node: 'menu', port: 'sales', count: 5 });
    const funnel = doc.charts.find((c) => c.kind === 'bar')!;
    expect(funnel.series[0]!.data).toEqual([14, 14, 5]);
    await expect(
      report.build({ db: omni.handle.db }, { workspaceId, language: 'en', filters: filters() }),
    ).rejects.toThrow(/Choose a flow/);
  });
});
