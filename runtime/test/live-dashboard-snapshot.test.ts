import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  campaignRecipients,
  campaigns,
  conversations,
  flowVersions,
  flows,
  healthSamples,
  messages,
  newId,
  openDb,
  runSteps,
  runs,
  workspaces,
  type DbHandle,
} from '@omniflow/db';
import { liveSnapshot, uuidV7Floor } from '../src/dashboard/live-snapshot.ts';
import { liveDashboardReport } from '../src/reports/live-dashboard-report.ts';
import { freshPostgresDatabase, type FreshDatabase } from './support/postgres.ts';

const minute = 60_000;

describe('the live dashboard snapshot', () => {
  let fresh: FreshDatabase;
  let handle: DbHandle;
  const workspaceId = newId();
  const other = newId();
  // Ids are uuid v7 of the real clock, so "now" is the real one, at a minute's 30th second.
  const now = new Date(Math.floor(Date.now() / minute) * minute + 30_000);
  const ago = (minutes: number) => new Date(now.getTime() - minutes * minute);
  let flowId: string;
  let versionId: string;

  async function run(values: Partial<typeof runs.$inferInsert>, step?: string) {
    const id = newId();
    await handle.db.insert(runs).values({
      id,
      workspaceId: values.workspaceId ?? workspaceId,
      flowId: values.workspaceId === other ? otherFlow.flowId : flowId,
      flowVersionId: values.workspaceId === other ? otherFlow.versionId : versionId,
      version: 1,
      temporalWorkflowId: id,
      ...values,
    });
    if (step)
      await handle.db
        .insert(runSteps)
        .values({ workspaceId, runId: id, seq: 1, nodeId: 'n', nodeType: step, enteredAt: ago(1) });
  }
  const otherFlow = { flowId: '', versionId: '' };

  async function flowOf(workspace: string) {
    const f = newId();
    const v = newId();
    await handle.db.insert(flows).values({ id: f, workspaceId: workspace, name: 'IVR', draft: {} });
    await handle.db
      .insert(flowVersions)
      .values({ id: v, workspaceId: workspace, flowId: f, version: 1, graph: {}, machine: {}, hash: 'h' });
    return { flowId: f, versionId: v };
  }

  function message(channel: 'sms' | 'email', history: [string, number][], workspace = workspaceId) {
    const last = history.at(-1)![0];
    return {
      id: newId(),
      workspaceId: workspace,
      channel,
      direction: 'outbound' as const,
      contactAddress: '+51999000001',
      body: { text: 'Hola' },
      status: last as 'sent',
      statusHistory: history.map(([status, minutesAgo]) => ({
        status: status as 'sent',
        at: ago(minutesAgo).toISOString(),
      })),
    };
  }

  beforeAll(async () => {
    fresh = await freshPostgresDatabase(inject('postgresUrl'));
    handle = await openDb({ databaseUrl: fresh.url });
    await handle.db.insert(workspaces).values([
      { id: workspaceId, name: 'Help desk', timezone: 'America/Lima' },
      { id: other, name: 'Other' },
    ]);
    ({ flowId, versionId } = await flowOf(workspaceId));
    Object.assign(otherFlow, await flowOf(other));

    // Calls: 3 in the IVR (one at a menu, two with no step yet), 2 waiting in a queue, 1 with an agent.
    const call = { callId: 'c', from: '+51', to: '+52' };
    await run({ status: 'running', input: call }, 'voice.menu');
    await run({ status: 'waiting', input: call });
    await run({ status: 'running', input: call });
    await run({ status: 'waiting', input: call }, 'voice.enqueue');
    await run({ status: 'waiting', input: call }, 'voice.enqueue');
    await run({ status: 'running', input: call }, 'voice.transfer');
    // Not calls: a chat run going on.
    await run({ status: 'running', input: { text: 'hi' } }, 'voice.enqueue');
    // Abandoned today (Lima), one abandoned long ago, one abandoned chat run.
    await run({ status: 'abandoned', input: call, startedAt: ago(3), endedAt: ago(2) });
    await run({ status: 'abandoned', input: call, startedAt: ago(3), endedAt: ago(2) });
    await run({
      status: 'abandoned',
      input: call,
      startedAt: ago(3000),
      endedAt: new Date(now.getTime() - 3 * 86_400_000),
    });
    await run({ status: 'abandoned', input: {}, startedAt: ago(3), endedAt: ago(2) });
    // Runs per minute: 4 started 5 minutes ago (2 completed 3 minutes ago, 1 failed then), 1 now.
    for (let i = 0; i < 2; i++) await run({ status: 'completed', startedAt: ago(5), endedAt: ago(3) });
    await run({ status: 'failed', startedAt: ago(5), endedAt: ago(3) });
    await run({ status: 'running', startedAt: ago(5) });
    await run({ status: 'completed', startedAt: ago(0), endedAt: ago(0) });
    // Older than the hour: not counted.
    await run({ status: 'completed', startedAt: ago(90), endedAt: ago(70) });
    // Another workspace's: never counted here.
    await run({ workspaceId: other, status: 'completed', startedAt: ago(1), endedAt: ago(1), input: call });

    await handle.db.insert(conversations).values([
      ...[1, 2, 3].map(() => ({
        id: newId(),
        workspaceId,
        channel: 'whatsapp' as const,
        contactAddress: 'x',
      })),
      { id: newId(), workspaceId, channel: 'sms' as const, contactAddress: 'x', status: 'agent' as const },
      {
        id: newId(),
        workspaceId,
        channel: 'sms' as const,
        contactAddress: 'y',
        status: 'closed' as const,
        closedAt: now,
      },
      { id: newId(), workspaceId: other, channel: 'sms' as const, contactAddress: 'y' },
    ]);

    await handle.db.insert(messages).values([
      message('sms', [
        ['queued', 10],
        ['sent', 10],
        ['delivered', 9],
      ]),
      message('sms', [
        ['queued', 10],
        ['sent', 10],
        ['undelivered', 8],
      ]),
      message('sms', [
        ['queued', 2],
        ['sent', 2],
      ]),
      message('email', [
        ['queued', 4],
        ['sent', 4],
        ['bounced', 4],
      ]),
      message('email', [
        ['queued', 4],
        ['sent', 4],
        ['delivered', 4],
      ]),
      message(
        'sms',
        [
          ['queued', 1],
          ['sent', 1],
        ],
        other,
      ),
    ]);

    const campaignId = newId();
    await handle.db.insert(campaigns).values({
      id: campaignId,
      workspaceId,
      name: 'Recordatorio',
      kind: 'broadcast',
      status: 'running',
      channels: ['sms'],
      ratePerSecond: 2,
    });
    const sent = message('sms', [
      ['queued', 1],
      ['sent', 1],
      ['delivered', 1],
    ]);
    await handle.db.insert(messages).values({ ...sent, campaignId, providerMessageId: 'smsc-1' });
    await handle.db
      .insert(campaignRecipients)
      .values([
        { campaignId, workspaceId, status: 'sent', messageId: sent.id, channel: 'sms', address: '+51' },
        { campaignId, workspaceId, status: 'skipped', skipReason: 'opted_out' },
        ...[1, 2].map(() => ({ campaignId, workspaceId, status: 'pending' as const })),
      ]);
    await handle.db.insert(healthSamples).values({
      id: newId(),
      workspaceId,
      component: 'sms',
      kind: 'smpp',
      sampledAt: ago(0.25),
      intervalMs: 30_000,
      up: false,
      lastSuccessAt: ago(2),
      lastError: 'bind refused',
      lastErrorAt: ago(0.25),
    });
  });
  afterAll(async () => {
    await handle?.close();
    await fresh?.drop();
  });

  it('counts calls, conversations, runs and messages exactly, for this workspace only', async () => {
    const s = await liveSnapshot(handle.db, workspaceId, now);
    expect(s.timezone).toBe('America/Lima');
    expect(s.calls).toEqual({ inIvr: 3, waitingInQueue: 2, withAgent: 1, abandonedToday: 2 });
    expect(s.conversations).toEqual([
      { channel: 'sms', open: 1 },
      { channel: 'whatsapp', open: 3 },
    ]);
    expect(s.runsPerMinute).toHaveLength(60);
    expect(s.runsPerMinute[59]!.minute).toBe(new Date(now.getTime() - 30_000).toISOString());
    const byAgo = (m: number) => s.runsPerMinute[59 - m]!;
    // 4 started five minutes ago plus 3 abandoned calls' runs at three.
    expect(byAgo(5)).toMatchObject({ started: 4, completed: 0, failed: 0 });
    expect(byAgo(3)).toMatchObject({ started: 3, completed: 2, failed: 1 });
    expect(byAgo(0)).toMatchObject({ completed: 1 });
    const totals = s.runsPerMinute.reduce(
      (a, m) => ({ completed: a.completed + m.completed, failed: a.failed + m.failed }),
      { completed: 0, failed: 0 },
    );
    expect(totals).toEqual({ completed: 3, failed: 1 });

    const sms = s.messagesPerMinute.find((c) => c.channel === 'sms')!.minutes;
    const email = s.messagesPerMinute.find((c) => c.channel === 'email')!.minutes;
    expect(sms[59 - 10]).toMatchObject({ sent: 2, delivered: 0, failed: 0 });
    expect(sms[59 - 9]).toMatchObject({ sent: 0, delivered: 1, failed: 0 });
    expect(sms[59 - 8]).toMatchObject({ failed: 1 });
    expect(sms[59 - 1]).toMatchObject({ sent: 1, delivered: 1 }); // the campaign's
    expect(email[59 - 4]).toMatchObject({ sent: 2, delivered: 1, failed: 1 });
    expect(sms.reduce((a, m) => a + m.sent, 0)).toBe(4);

    expect(s.campaigns).toEqual([
      expect.objectContaining({
        name: 'Recordatorio',
        targeted: 4,
        sent: 1,
        delivered: 1,
        progress: 0.5,
        remaining: 2,
      }),
    ]);
    expect(s.campaigns[0]!.finishAt).not.toBeNull();
    expect(s.health).toEqual([
      expect.objectContaining({ component: 'sms', up: false, lastError: 'bind refused', stale: false }),
    ]);
  });

  it('exports as the live-dashboard report, labels in the reader’s language', async () => {
    const doc = await liveDashboardReport(() => now).build(
      { db: handle.db },
      {
        workspaceId,
        language: 'es',
        filters: {
          from: ago(60).toISOString(),
          to: now.toISOString(),
          bucket: 'minute',
          timezone: 'America/Lima',
        },
      },
    );
    expect(doc.title).toBe('Panel en vivo');
    expect(doc).toMatchObject({
      report: 'live-dashboard',
      language: 'es',
      timezone: 'America/Lima',
      generatedAt: now.toISOString(),
    });
    // A snapshot: the moment it shows, not the period asked for.
    expect(doc.filters).toEqual([{ label: expect.any(String), value: now.toISOString() }]);
    expect(doc.tables[0]!.rows.slice(0, 4)).toEqual([
      { figure: 'Llamadas en el IVR', value: 3 },
      { figure: 'Llamadas esperando en una cola', value: 2 },
      { figure: 'Llamadas con un agente', value: 1 },
      { figure: 'Llamadas abandonadas hoy', value: 2 },
    ]);
    expect(doc.tables[1]!.totals).toMatchObject({ completed: 3, failed: 1 });
    expect(doc.tables.at(-1)!.rows).toEqual([
      {
        component: 'SMS (enlace SMPP)',
        state: 'caído',
        lastSuccess: ago(2).toISOString(),
        lastError: 'bind refused',
        lastErrorAt: ago(0.25).toISOString(),
      },
    ]);
  });

  it('reads an empty workspace as zeros, and an unknown one without failing', async () => {
    const empty = await liveSnapshot(handle.db, newId(), now);
    expect(empty.calls).toEqual({ inIvr: 0, waitingInQueue: 0, withAgent: 0, abandonedToday: 0 });
    expect(empty.runsPerMinute.every((m) => m.started + m.completed + m.failed === 0)).toBe(true);
    expect(empty.messagesPerMinute).toEqual([]);
    expect(empty.timezone).toBe('UTC');
  });

  it('turns an instant into the lowest uuid v7 of that millisecond', () => {
    expect(uuidV7Floor(0x0123456789ab)).toBe('01234567-89ab-0000-0000-000000000000');
    expect(newId() >= uuidV7Floor(Date.now() - 1000)).toBe(true);
  });
});
