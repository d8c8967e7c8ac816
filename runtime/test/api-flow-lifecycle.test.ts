import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eventually, startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

const approval = JSON.parse(readFileSync(new URL('./golden/approval.graph.json', import.meta.url), 'utf8'));

const backends = [
  { db: 'pglite' as const, enabled: true },
  { db: 'postgres' as const, enabled: Boolean(inject('postgresUrl')) },
];

describe.each(backends)('flow lifecycle on $db', ({ db, enabled }) => {
  let omni: TestOmniflow;
  beforeAll(async () => {
    if (enabled) omni = await startTestOmniflow({ db });
  });
  afterAll(async () => omni?.close());

  async function publishedFlow(graph = approval) {
    const created = await omni.call('POST', '/api/v1/flows', graph);
    expect(created.status).toBe(201);
    const published = await omni.call('POST', `/api/v1/flows/${created.body.id}/publish`, { notes: 'first' });
    expect(published.status).toBe(201);
    return { flowId: created.body.id as string, version: published.body.version as number };
  }

  const waitForStatus = (runId: string, status: string) =>
    eventually(async () => {
      const run = await omni.call('GET', `/api/v1/runs/${runId}`);
      return run.body.status === status ? run.body : undefined;
    });

  it.skipIf(!enabled)(
    'runs start → set → split → wait-for-event → end, the event picking the path',
    async () => {
      const { flowId, version } = await publishedFlow();
      expect(version).toBe(1);
      const started = await omni.call('POST', '/api/v1/runs', {
        flowId,
        input: { amount: 150, name: 'ana' },
      });
      expect(started.status).toBe(201);
      const waiting = await waitForStatus(started.body.id, 'waiting');
      expect(waiting.currentNodes).toEqual(['approval']);

      const event = await omni.call('POST', `/api/v1/runs/${started.body.id}/events`, {
        type: 'approved',
        data: { by: 'boss' },
      });
      expect(event.status).toBe(200);
      expect(event.body).toMatchObject({ status: 'completed', currentNodes: [] });

      const run = await omni.call('GET', `/api/v1/runs/${started.body.id}`);
      expect(run.body).toMatchObject({
        status: 'completed',
        version: 1,
        output: { result: 'approved ANA', by: 'boss' },
      });
      expect(run.body.steps.map((s: { nodeId: string; port: string | null }) => [s.nodeId, s.port])).toEqual([
        ['start', 'next'],
        ['set', 'next'],
        ['check', 'big'],
        ['approval', 'received'],
        ['done', null],
      ]);
      expect(run.body.steps.every((s: { leftAt: string | null }) => s.leftAt !== null)).toBe(true);
      expect(run.body.steps[3].output).toEqual({ by: 'boss' });
    },
  );

  it.skipIf(!enabled)('takes the else branch without waiting when the split does not match', async () => {
    const { flowId } = await publishedFlow();
    const started = await omni.call('POST', '/api/v1/runs', { flowId, input: { amount: 20, name: 'bo' } });
    const run = await waitForStatus(started.body.id, 'completed');
    expect(run.output).toEqual({ result: 'auto' });
    expect(run.steps.map((s: { port: string | null }) => s.port)).toEqual(['next', 'next', 'else', null]);
  });

  it.skipIf(!enabled)('answers 409 to an event the run cannot take, and keeps it waiting', async () => {
    const { flowId } = await publishedFlow();
    const started = await omni.call('POST', '/api/v1/runs', { flowId, input: { amount: 500, name: 'x' } });
    await waitForStatus(started.body.id, 'waiting');
    const wrong = await omni.call('POST', `/api/v1/runs/${started.body.id}/events`, { type: 'rejected' });
    expect(wrong.status).toBe(409);
    expect(wrong.body.error.code).toBe('EVENT_NOT_ACCEPTED');
    expect(wrong.body.error.message).toContain('approval');
    const still = await omni.call('GET', `/api/v1/runs/${started.body.id}`);
    expect(still.body.status).toBe('waiting');
    await omni.call('POST', `/api/v1/runs/${started.body.id}/events`, { type: 'approved', data: {} });
    const late = await omni.call('POST', `/api/v1/runs/${started.body.id}/events`, {
      type: 'approved',
      data: {},
    });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('RUN_ENDED');
  });

  it.skipIf(!enabled)('keeps a run on its version after a newer version is published', async () => {
    const { flowId } = await publishedFlow();
    const first = await omni.call('POST', '/api/v1/runs', { flowId, input: { amount: 900, name: 'v1' } });
    await waitForStatus(first.body.id, 'waiting');

    const changed = structuredClone(approval);
    changed.nodes.find((n: { id: string }) => n.id === 'done').config.output = { result: 'v2 says yes' };
    expect((await omni.call('PUT', `/api/v1/flows/${flowId}`, changed)).status).toBe(200);
    const republished = await omni.call('POST', `/api/v1/flows/${flowId}/publish`, { notes: 'second' });
    expect(republished.body.version).toBe(2);

    await omni.call('POST', `/api/v1/runs/${first.body.id}/events`, {
      type: 'approved',
      data: { by: 'old' },
    });
    const oldRun = await waitForStatus(first.body.id, 'completed');
    expect(oldRun.version).toBe(1);
    expect(oldRun.output.result).toBe('approved V1');

    const second = await omni.call('POST', '/api/v1/runs', { flowId, input: { amount: 900, name: 'v2' } });
    expect(second.body.version).toBe(2);
    await waitForStatus(second.body.id, 'waiting');
    await omni.call('POST', `/api/v1/runs/${second.body.id}/events`, { type: 'approved' });
    expect((await waitForStatus(second.body.id, 'completed')).output.result).toBe('v2 says yes');

    const versions = await omni.call('GET', `/api/v1/flows/${flowId}/versions`);
    expect(versions.body.items.map((v: { version: number; notes: string }) => [v.version, v.notes])).toEqual([
      [2, 'second'],
      [1, 'first'],
    ]);
  });

  it.skipIf(!enabled)('lists runs newest first in cursor pages, filtered by flow and status', async () => {
    const { flowId } = await publishedFlow();
    const ids: string[] = [];
    for (const amount of [1, 2, 3, 500, 600]) {
      const started = await omni.call('POST', '/api/v1/runs', { flowId, input: { amount, name: 'p' } });
      ids.push(started.body.id);
    }
    await waitForStatus(ids[4]!, 'waiting');
    await waitForStatus(ids[2]!, 'completed');

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { items: { id: string }[]; nextCursor: string | null } } =
        await omni.call('GET', `/api/v1/runs?flowId=${flowId}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((r) => r.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());

    const waiting = await omni.call('GET', `/api/v1/runs?flowId=${flowId}&status=waiting`);
    expect(waiting.body.items.map((r: { id: string }) => r.id).sort()).toEqual([ids[3], ids[4]].sort());
    const badCursor = await omni.call('GET', '/api/v1/runs?cursor=nonsense');
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.error.code).toBe('CURSOR_INVALID');
    const badStatus = await omni.call('GET', '/api/v1/runs?status=sleeping');
    expect(badStatus.status).toBe(400);
  });

  it.skipIf(!enabled)('cancels a waiting run and records it', async () => {
    const { flowId } = await publishedFlow();
    const started = await omni.call('POST', '/api/v1/runs', { flowId, input: { amount: 700, name: 'c' } });
    await waitForStatus(started.body.id, 'waiting');
    const cancelled = await omni.call('POST', `/api/v1/runs/${started.body.id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    const again = await omni.call('POST', `/api/v1/runs/${started.body.id}/cancel`);
    expect(again.status).toBe(409);
  });
});
