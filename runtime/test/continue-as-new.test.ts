import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSteps } from '@omniflow/db';
import type { FlowRunArgs } from '../src/temporal/workflow-api.ts';
import { seedRun } from './support/seed-run.ts';
import { startTimeSkipping, type TimeSkippingOmniflow } from './support/time-skipping.ts';

// A daily reminder loop: count up, wait a day, until five reminders went out.
const loop = {
  name: 'Five daily reminders',
  nodes: [
    { id: 'start', type: 'flow.start', config: {} },
    {
      id: 'count',
      type: 'logic.set',
      config: { assignments: [{ name: 'sent', value: '{{ vars.sent | plus: 1 }}' }] },
    },
    {
      id: 'enough',
      type: 'logic.split',
      config: {
        branches: [{ id: 'yes', conditions: [{ left: '{{ vars.sent }}', operator: 'gte', right: '5' }] }],
      },
    },
    { id: 'tomorrow', type: 'logic.wait', config: { duration: 'P1D' } },
    { id: 'end', type: 'flow.end', config: { output: { sent: '{{ vars.sent }}' } } },
  ],
  edges: [
    { id: 'e1', from: { node: 'start', port: 'next' }, to: { node: 'count' } },
    { id: 'e2', from: { node: 'count', port: 'next' }, to: { node: 'enough' } },
    { id: 'e3', from: { node: 'enough', port: 'yes' }, to: { node: 'end' } },
    { id: 'e4', from: { node: 'enough', port: 'else' }, to: { node: 'tomorrow' } },
    { id: 'e5', from: { node: 'tomorrow', port: 'next' }, to: { node: 'count' } },
  ],
  variables: [{ name: 'sent', type: 'number', default: 0 }],
};

describe('continue-as-new', () => {
  let omni: TimeSkippingOmniflow;
  beforeAll(async () => {
    omni = await startTimeSkipping();
  });
  afterAll(async () => omni?.close());

  it('carries the snapshot, timers and step numbering into the next execution', async () => {
    const seeded = await seedRun(omni.handle.db, omni.registry, loop);
    const args: FlowRunArgs = { ...seeded, historyLimit: 12 };
    const worker = await omni.worker('can');
    const { result, runIds } = await worker.runUntil(async () => {
      const workflow = await omni.env.client.workflow.start('flowRun', {
        taskQueue: 'can',
        workflowId: seeded.runId,
        args: [args],
      });
      const result = await workflow.result();
      const latest = await omni.env.client.workflow.getHandle(seeded.runId).describe();
      return { result, runIds: new Set([workflow.firstExecutionRunId, latest.runId]) };
    });
    expect(result).toEqual({ status: 'completed', output: { sent: 5 } });
    expect(runIds.size).toBeGreaterThan(1);

    const steps = await omni.handle.db
      .select()
      .from(runSteps)
      .where(eq(runSteps.runId, seeded.runId))
      .orderBy(asc(runSteps.seq));
    expect(steps.map((s) => s.seq)).toEqual(steps.map((_, i) => i + 1));
    expect(steps.filter((s) => s.nodeId === 'count')).toHaveLength(5);
    expect(steps.filter((s) => s.nodeId === 'tomorrow').every((s) => s.port === 'next' && s.leftAt)).toBe(
      true,
    );
    expect(steps.at(-1)!.nodeId).toBe('end');
  });
});
