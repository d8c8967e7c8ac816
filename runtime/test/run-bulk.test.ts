import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CountingTarget } from './support/counting-target.ts';
import { notifyThenFlakyFlow, waitsForEventFlow } from './support/flows.ts';
import { eventually, publishFlow, startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

const runCount = 200;

describe('bulk actions over a filter of runs', () => {
  let omni: TestOmniflow;
  let target: CountingTarget;
  let flowId: string;

  beforeAll(async () => {
    target = await new CountingTarget().start();
    omni = await startTestOmniflow({ env: { OMNIFLOW_HTTP_ALLOW_PRIVATE: '1' } });
    flowId = await publishFlow(omni, notifyThenFlakyFlow(target.url, 'Bulk'));
  });
  afterAll(async () => {
    await omni?.close();
    await target?.close();
  });

  it(`retries ${runCount} failed runs from their failed step: each side effect once, progress reported`, async () => {
    target.broken = true;
    for (let i = 0; i < runCount; i += 20) {
      await Promise.all(
        Array.from({ length: Math.min(20, runCount - i) }, (_, j) =>
          omni.call('POST', '/api/v1/runs', {
            flowId,
            input: { phone: `+34600${String(i + j).padStart(6, '0')}` },
          }),
        ),
      );
    }
    const filter = { flowId, status: ['failed'] };
    await eventually(async () => {
      const counts = await omni.call('GET', `/api/v1/runs/counts?flowId=${flowId}`);
      return counts.body.counts.failed === runCount ? true : undefined;
    }, 120_000);
    expect(target.count('/notify')).toBe(runCount);

    const preview = await omni.call('POST', '/api/v1/runs/bulk/preview', { filter, action: 'retry' });
    expect(preview.status).toBe(200);
    expect(preview.body.count).toBe(runCount);
    expect(preview.body.sample).toHaveLength(10);

    target.broken = false;
    const idempotencyKey = randomUUID();
    const created = await omni.call('POST', '/api/v1/runs/bulk', { filter, action: 'retry', idempotencyKey });
    expect(created.status).toBe(202);
    expect(created.body.total).toBe(runCount);
    const again = await omni.call('POST', '/api/v1/runs/bulk', { filter, action: 'retry', idempotencyKey });
    expect(again.body.jobId).toBe(created.body.jobId);

    const seen = new Set<number>();
    const job = await eventually(async () => {
      const progress = await omni.call('GET', `/api/v1/runs/bulk/${created.body.jobId}`);
      seen.add(progress.body.done);
      return progress.body.status === 'completed' ? progress.body : undefined;
    }, 180_000);
    expect(job).toMatchObject({
      total: runCount,
      done: runCount,
      succeeded: runCount,
      failed: 0,
      errors: [],
    });
    expect(seen.size).toBeGreaterThan(2);

    await eventually(async () => {
      const counts = await omni.call('GET', `/api/v1/runs/counts?flowId=${flowId}`);
      return counts.body.counts.completed === runCount ? true : undefined;
    }, 120_000);
    expect(target.count('/notify')).toBe(runCount);
    expect(target.count('/flaky')).toBe(runCount);
    // Each retried call carried its own idempotency key, once.
    expect(new Set(target.keys.get('/flaky')).size).toBe(runCount);

    const nothingLeft = await omni.call('POST', '/api/v1/runs/bulk/preview', { filter, action: 'retry' });
    expect(nothingLeft.body.count).toBe(0);
  }, 400_000);

  it('validates bulk requests', async () => {
    const badAction = await omni.call('POST', '/api/v1/runs/bulk/preview', { filter: {}, action: 'explode' });
    expect(badAction.status).toBe(400);
    const badStatus = await omni.call('POST', '/api/v1/runs/bulk/preview', {
      filter: { status: ['lost'] },
      action: 'cancel',
    });
    expect(badStatus.status).toBe(400);
    expect(badStatus.body.error.message).toContain('"lost" is not a run status');
    const noKey = await omni.call('POST', '/api/v1/runs/bulk', { filter: {}, action: 'cancel' });
    expect(noKey.status).toBe(400);
    expect(noKey.body.error.message).toContain('idempotencyKey');
    const unknown = await omni.call('GET', `/api/v1/runs/bulk/${randomUUID()}`);
    expect(unknown.status).toBe(404);
  });

  it('cancels the waiting runs of a filter', async () => {
    const waits = await publishFlow(omni, waitsForEventFlow('Waits for a reply', 'reply', 'reply'));
    for (let i = 0; i < 5; i++) await omni.call('POST', '/api/v1/runs', { flowId: waits, input: {} });
    await eventually(async () => {
      const counts = await omni.call('GET', `/api/v1/runs/counts?flowId=${waits}`);
      return counts.body.counts.waiting === 5 ? true : undefined;
    });
    const created = await omni.call('POST', '/api/v1/runs/bulk', {
      filter: { flowId: waits, nodeId: 'reply' },
      action: 'cancel',
      idempotencyKey: randomUUID(),
    });
    expect(created.body.total).toBe(5);
    await eventually(async () => {
      const counts = await omni.call('GET', `/api/v1/runs/counts?flowId=${waits}`);
      return counts.body.counts.cancelled === 5 ? true : undefined;
    });
  });
});
