import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compactExpiredRuns } from '../src/runs/retention.ts';
import { ensureRetentionSchedule, retentionScheduleId } from '../src/runs/retention-schedule.ts';
import {
  eventually,
  publishFlow,
  runReaches,
  startTestOmniflow,
  type TestOmniflow,
} from './support/test-omniflow.ts';

const quick = {
  name: 'Quick',
  nodes: [
    { id: 'start', type: 'flow.start', config: {} },
    { id: 'note', type: 'logic.set', config: { assignments: [{ name: 'x', value: '1' }] } },
    { id: 'end', type: 'flow.end', config: {} },
  ],
  edges: [
    { id: 'e1', from: { node: 'start', port: 'next' }, to: { node: 'note' } },
    { id: 'e2', from: { node: 'note', port: 'next' }, to: { node: 'end' } },
  ],
};

describe('run retention', () => {
  let omni: TestOmniflow;
  let flowId: string;

  beforeAll(async () => {
    omni = await startTestOmniflow();
    flowId = await publishFlow(omni, quick);
  });
  afterAll(async () => omni?.close());

  async function endedRun(daysAgo: number) {
    const started = await omni.call('POST', '/api/v1/runs', { flowId, input: { phone: '600' } });
    await runReaches(omni, started.body.id, ['completed']);
    await omni.handle.db.execute(
      sql`update runs set ended_at = now() - make_interval(days => ${daysAgo}) where id = ${started.body.id}`,
    );
    return started.body.id as string;
  }

  it('compacts runs past the workspace retention to readable summaries, and keeps newer ones', async () => {
    const old = await endedRun(50);
    const recent = await endedRun(10);
    expect(await compactExpiredRuns(omni.handle.db, { batchSize: 1 })).toBe(1);

    const summary = await omni.call('GET', `/api/v1/runs/${old}`);
    expect(summary.body).toMatchObject({
      status: 'completed',
      detailsExpired: true,
      steps: [],
      summary: { stepCount: 3, path: ['start', 'note', 'end'], lastNodeId: 'end' },
    });
    const listed = await omni.call('GET', `/api/v1/runs?flowId=${flowId}`);
    const row = listed.body.items.find((r: { id: string }) => r.id === old);
    expect(row.detailsExpired).toBe(true);
    const kept = await omni.call('GET', `/api/v1/runs/${recent}`);
    expect(kept.body.detailsExpired).toBe(false);
    expect(kept.body.steps).toHaveLength(3);

    const retry = await omni.call('POST', `/api/v1/runs/${old}/replay`, { mode: 'retry-from-step', seq: 2 });
    expect(retry.status).toBe(409);
    expect(retry.body.error.code).toBe('RUN_DETAILS_EXPIRED');
    expect(await compactExpiredRuns(omni.handle.db)).toBe(0);

    // A shorter retention reaches the recent run too.
    await omni.call('PUT', '/api/v1/workspace/settings', { runRetentionDays: 7 });
    expect(await compactExpiredRuns(omni.handle.db)).toBe(1);
    await omni.call('PUT', '/api/v1/workspace/settings', { runRetentionDays: 45 });
  });

  it('runs daily from a Temporal schedule', async () => {
    const old = await endedRun(60);
    const scheduleId = `${retentionScheduleId}-${randomUUID()}`;
    await ensureRetentionSchedule(omni.temporal, omni.taskQueue, scheduleId);
    await ensureRetentionSchedule(omni.temporal, omni.taskQueue, scheduleId); // idempotent
    const schedule = omni.temporal.schedule.getHandle(scheduleId);
    try {
      const described = await schedule.describe();
      expect(described.spec.calendars?.[0]).toMatchObject({ hour: [{ start: 3, end: 3, step: 1 }] });
      await schedule.trigger();
      await eventually(async () => {
        const run = await omni.call('GET', `/api/v1/runs/${old}`);
        return run.body.detailsExpired ? true : undefined;
      });
    } finally {
      await schedule.delete();
    }
  });
});
