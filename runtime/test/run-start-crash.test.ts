import { WorkflowNotFoundError } from '@temporalio/client';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flowVersions, runs } from '@omniflow/db';
import { reconcileRunStarts } from '../src/runs/reconcile-run-starts.ts';
import { startFlowRun } from '../src/runs/start-flow-run.ts';
import { waitsForEventFlow } from './support/flows.ts';
import {
  eventually,
  publishFlow,
  runReaches,
  startTestOmniflow,
  type TestOmniflow,
} from './support/test-omniflow.ts';

describe('a process that stops between writing a run and starting its workflow', () => {
  let omni: TestOmniflow;
  let flowId: string;

  beforeAll(async () => {
    // The worker looks for runs left behind every 200 ms instead of every 15 s.
    omni = await startTestOmniflow({ env: { OMNIFLOW_RUN_RECONCILE_MS: '200' } });
    flowId = await publishFlow(omni, waitsForEventFlow('Waits (crash)'));
  });
  afterAll(async () => {
    await omni?.close();
  });

  const deps = () => ({ db: omni.handle.db, temporal: omni.temporal, taskQueue: omni.taskQueue });
  const rowOf = async (id: string) => (await omni.handle.db.select().from(runs).where(eq(runs.id, id)))[0]!;
  const publishedVersion = async () =>
    (
      await omni.handle.db
        .select()
        .from(flowVersions)
        .where(and(eq(flowVersions.flowId, flowId), eq(flowVersions.version, 1)))
    )[0]!;

  /**
   * A start whose process stops right after writing the row: the workflow is never started.
   * Answers the run id once the row is there.
   */
  async function startThatStops(startedAt = new Date()): Promise<string> {
    const version = await publishedVersion();
    return new Promise((resolve, reject) => {
      startFlowRun(deps(), {
        workspaceId: version.workspaceId,
        version,
        input: { phone: '+34 600 000 111' },
        startedAt,
        beforeStart: (runId) => {
          resolve(runId);
          return new Promise<void>(() => {});
        },
      }).catch(reject);
    });
  }

  it('fails the run left without a workflow within a minute, saying why', async () => {
    // Its process stopped 40 s ago, past the 30 s a start may take.
    const id = await startThatStops(new Date(Date.now() - 40_000));
    const repaired = await runReaches(omni, id, ['failed'], 10_000);
    expect(repaired.error).toMatchObject({
      code: 'RUN_NOT_STARTED',
      message: expect.stringContaining('never started'),
    });
    expect(repaired.endedAt).not.toBeNull();
  });

  it('leaves alone a run whose start may still be on its way', async () => {
    const id = await startThatStops();
    const { adopted, failed } = await reconcileRunStarts(deps());
    expect({ adopted, failed }).toEqual({ adopted: 0, failed: 0 });
    expect((await rowOf(id)).status).toBe('running');
  });

  it('cancels a run whose workflow never started (200 cancelled, not 409)', async () => {
    const id = await startThatStops();
    const cancelled = await omni.call('POST', `/api/v1/runs/${id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toEqual({ id, status: 'cancelled' });
    const row = await rowOf(id);
    expect(row.status).toBe('cancelled');
    expect(row.endedAt).not.toBeNull();
  });

  it('answers verify of a run without history with 409 RUN_HISTORY_MISSING, not 500', async () => {
    const id = await startThatStops();
    const verified = await omni.call('POST', `/api/v1/runs/${id}/replay`, { mode: 'verify' });
    expect(verified.status).toBe(409);
    expect(verified.body.error).toMatchObject({
      code: 'RUN_HISTORY_MISSING',
      message: expect.stringContaining('no workflow history'),
    });
  });

  it('cancels a run whose workflow Temporal no longer has', async () => {
    const started = await omni.call('POST', '/api/v1/runs', { flowId, input: {} });
    expect(started.status).toBe(201);
    const id: string = started.body.id;
    await runReaches(omni, id, ['waiting']);
    await omni.temporal.workflowService.deleteWorkflowExecution({
      namespace: omni.temporal.options.namespace,
      workflowExecution: { workflowId: id },
    });
    await eventually(() =>
      omni.temporal.workflow
        .getHandle(id)
        .describe()
        .then(
          () => undefined,
          (error: unknown) => (error instanceof WorkflowNotFoundError ? true : undefined),
        ),
    );
    const cancelled = await omni.call('POST', `/api/v1/runs/${id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toEqual({ id, status: 'cancelled' });
    const verified = await omni.call('POST', `/api/v1/runs/${id}/replay`, { mode: 'verify' });
    expect(verified.status).toBe(409);
    expect(verified.body.error.code).toBe('RUN_HISTORY_MISSING');
  });

  it('notes a run whose workflow did start although the start was not noted', async () => {
    const started = await omni.call('POST', '/api/v1/runs', { flowId, input: {} });
    const id: string = started.body.id;
    await runReaches(omni, id, ['waiting']);
    // The process stopped after Temporal took the start, before it wrote the execution down.
    await omni.handle.db.update(runs).set({ temporalRunId: null }).where(eq(runs.id, id));
    const result = await reconcileRunStarts(deps(), { now: new Date(Date.now() + 60_000) });
    expect(result.adopted).toBeGreaterThanOrEqual(1);
    const row = await rowOf(id);
    expect(row.status).toBe('waiting');
    expect(row.temporalRunId).toBe((await omni.temporal.workflow.getHandle(id).describe()).runId);
  });

  it('stops a workflow whose start lands after its run was given up on', async () => {
    const version = await publishedVersion();
    const { runId, handle } = await startFlowRun(deps(), {
      workspaceId: version.workspaceId,
      version,
      input: {},
      // The start is slow: before it reaches Temporal, the run is given up on.
      beforeStart: async () => {
        const given = await reconcileRunStarts(deps(), { now: new Date(Date.now() + 60_000) });
        expect(given.failed).toBe(1);
      },
    });
    expect((await handle.describe()).status.name).toBe('TERMINATED');
    const row = await rowOf(runId);
    expect(row.status).toBe('failed');
    expect(row.error).toMatchObject({ code: 'RUN_NOT_STARTED' });
  });
});
