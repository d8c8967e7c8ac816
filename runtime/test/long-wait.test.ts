import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSteps, runs } from '@omniflow/db';
import { seedRun } from './support/seed-run.ts';
import { startTimeSkipping, type TimeSkippingOmniflow } from './support/time-skipping.ts';

const threeDayWait = {
  name: 'Reminder in three days',
  nodes: [
    { id: 'start', type: 'flow.start', config: {} },
    { id: 'pause', type: 'logic.wait', config: { duration: 'P3D' } },
    { id: 'later', type: 'logic.wait', config: { until: '{{ input.remindAt }}' } },
    { id: 'end', type: 'flow.end', config: { output: { done: 'yes' } } },
  ],
  edges: [
    { id: 'e1', from: { node: 'start', port: 'next' }, to: { node: 'pause' } },
    { id: 'e2', from: { node: 'pause', port: 'next' }, to: { node: 'later' } },
    { id: 'e3', from: { node: 'later', port: 'next' }, to: { node: 'end' } },
  ],
};

describe('long waits on the time-skipping test server', () => {
  let omni: TimeSkippingOmniflow;
  beforeAll(async () => {
    omni = await startTimeSkipping();
  });
  afterAll(async () => omni?.close());

  it('finishes a 3-day wait and a templated until-wait in seconds of wall time', async () => {
    const start = await omni.env.currentTimeMs();
    const remindAt = new Date(start + 10 * 86_400_000).toISOString();
    const args = await seedRun(omni.handle.db, omni.registry, threeDayWait, { remindAt });
    const worker = await omni.worker('long-wait');
    const wallStart = Date.now();
    const result = await worker.runUntil(
      omni.env.client.workflow.execute('flowRun', {
        taskQueue: 'long-wait',
        workflowId: args.runId,
        args: [args],
      }),
    );
    expect(result).toEqual({ status: 'completed', output: { done: 'yes' } });
    expect(Date.now() - wallStart).toBeLessThan(60_000);
    // Workflow time moved at least to the until date: 10 days after start.
    expect((await omni.env.currentTimeMs()) - start).toBeGreaterThanOrEqual(10 * 86_400_000);

    const steps = await omni.handle.db
      .select()
      .from(runSteps)
      .where(eq(runSteps.runId, args.runId))
      .orderBy(asc(runSteps.seq));
    expect(steps.map((s) => [s.nodeId, s.port])).toEqual([
      ['start', 'next'],
      ['pause', 'next'],
      ['later', 'next'],
      ['end', null],
    ]);
    const pause = steps[1]!;
    // Workflow time: the timer fires at the due time, the step closes in the task that follows.
    const paused = pause.leftAt!.getTime() - pause.enteredAt.getTime();
    expect(paused).toBeGreaterThanOrEqual(3 * 86_400_000);
    expect(paused).toBeLessThan(3 * 86_400_000 + 60_000);
    const [run] = await omni.handle.db.select().from(runs).where(eq(runs.id, args.runId));
    expect(run!.status).toBe('completed');
  });

  it('fails the run with WAIT_UNTIL_INVALID when the until date cannot be read', async () => {
    const args = await seedRun(omni.handle.db, omni.registry, threeDayWait, { remindAt: 'next tuesday-ish' });
    const worker = await omni.worker('long-wait-bad');
    const result = await worker.runUntil(
      omni.env.client.workflow.execute('flowRun', {
        taskQueue: 'long-wait-bad',
        workflowId: args.runId,
        args: [args],
      }),
    );
    expect(result.status).toBe('failed');
    expect(result.error).toMatchObject({ code: 'WAIT_UNTIL_INVALID', nodeId: 'later' });
    expect(result.error?.message).toContain('next tuesday-ish');
    const [run] = await omni.handle.db.select().from(runs).where(eq(runs.id, args.runId));
    expect(run!.status).toBe('failed');
  });
});
