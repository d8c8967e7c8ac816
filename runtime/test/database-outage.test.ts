import { readFileSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { runs } from '@omniflow/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

const approval = JSON.parse(readFileSync(new URL('./golden/approval.graph.json', import.meta.url), 'utf8'));

describe('a database outage while a run records its steps', () => {
  let omni: TestOmniflow;
  beforeAll(async () => {
    // The workflow's progress writer under an outage: the approval flow's path here is pure, and
    // an instant run would not start at all (instant-runs.test.ts covers that side).
    omni = await startTestOmniflow({ appDeps: { instantRuns: false } });
  });
  afterAll(async () => omni.close());

  it('holds the run where it is and loses no step once the database is back', async () => {
    const flow = await omni.call('POST', '/api/v1/flows', approval);
    await omni.call('POST', `/api/v1/flows/${flow.body.id}/publish`, {});
    await omni.handle.db.execute(sql`alter table run_steps rename to run_steps_offline`);
    const started = await omni.call('POST', '/api/v1/runs', {
      flowId: flow.body.id,
      input: { amount: 5, name: 'z' },
    });
    expect(started.status).toBe(201);

    const workflow = omni.temporal.workflow.getHandle(started.body.id);
    try {
      await new Promise((r) => setTimeout(r, 1500));
      // History cannot move past progress the database has not taken: still running in Temporal too.
      expect((await workflow.describe()).status.name).toBe('RUNNING');
      const [row] = await omni.handle.db.select().from(runs).where(eq(runs.id, started.body.id));
      expect(row!.status).toBe('running');
    } finally {
      await omni.handle.db.execute(sql`alter table run_steps_offline rename to run_steps`);
    }
    expect(await workflow.result()).toMatchObject({ status: 'completed', output: { result: 'auto' } });
    const run = await eventually(async () => {
      const r = await omni.call('GET', `/api/v1/runs/${started.body.id}`);
      return r.body.status === 'completed' ? r.body : undefined;
    });
    expect(run.steps.map((s: { nodeId: string }) => s.nodeId)).toEqual(['start', 'set', 'check', 'auto']);
  });
});
