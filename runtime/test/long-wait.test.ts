import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDb, runSteps, runs, type DbHandle } from '@omniflow/db';
import { loadRegistry } from '../src/server/load-registry.ts';
import { flowWorkerParts } from '../src/temporal/worker.ts';
import { seedRun } from './support/seed-run.ts';

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
  let env: TestWorkflowEnvironment;
  let handle: DbHandle;
  beforeAll(async () => {
    const path = inject('testServerPath');
    env = await TestWorkflowEnvironment.createTimeSkipping(
      path ? { server: { executable: { type: 'existing-path', path } } } : {},
    );
    handle = await openDb({ dataDir: 'memory://' });
  });
  afterAll(async () => {
    await env?.teardown();
    await handle?.close();
  });

  it('finishes a 3-day wait and a templated until-wait in seconds of wall time', async () => {
    const registry = await loadRegistry({});
    const start = await env.currentTimeMs();
    const remindAt = new Date(start + 10 * 86_400_000).toISOString();
    const args = await seedRun(handle.db, registry, threeDayWait, { remindAt });
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'long-wait',
      ...(await flowWorkerParts({ db: handle.db, registry })),
    });
    const wallStart = Date.now();
    const result = await worker.runUntil(
      env.client.workflow.execute('flowRun', {
        taskQueue: 'long-wait',
        workflowId: args.runId,
        args: [args],
      }),
    );
    expect(result).toEqual({ status: 'completed', output: { done: 'yes' } });
    expect(Date.now() - wallStart).toBeLessThan(60_000);
    // Workflow time moved at least to the until date: 10 days after start.
    expect((await env.currentTimeMs()) - start).toBeGreaterThanOrEqual(10 * 86_400_000);

    const steps = await handle.db
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
    const [run] = await handle.db.select().from(runs).where(eq(runs.id, args.runId));
    expect(run!.status).toBe('completed');
  });

  it('fails the run with WAIT_UNTIL_INVALID when the until date cannot be read', async () => {
    const registry = await loadRegistry({});
    const args = await seedRun(handle.db, registry, threeDayWait, { remindAt: 'next tuesday-ish' });
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'long-wait-bad',
      ...(await flowWorkerParts({ db: handle.db, registry })),
    });
    const result = await worker.runUntil(
      env.client.workflow.execute('flowRun', {
        taskQueue: 'long-wait-bad',
        workflowId: args.runId,
        args: [args],
      }),
    );
    expect(result.status).toBe('failed');
    expect(result.error).toMatchObject({ code: 'WAIT_UNTIL_INVALID', nodeId: 'later' });
    expect(result.error?.message).toContain('next tuesday-ish');
    const [run] = await handle.db.select().from(runs).where(eq(runs.id, args.runId));
    expect(run!.status).toBe('failed');
  });
});
