import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

const approval = JSON.parse(readFileSync(new URL('./golden/approval.graph.json', import.meta.url), 'utf8'));

describe('test runs of a draft (the simulator)', () => {
  let omni: TestOmniflow;
  beforeAll(async () => {
    omni = await startTestOmniflow();
  });
  afterAll(async () => omni.close());

  const statusOf = (id: string, status: string) =>
    eventually(async () => {
      const run = await omni.call('GET', `/api/v1/runs/${id}`);
      return run.body.status === status ? run.body : undefined;
    });

  it('runs the unpublished draft, skips its 3-day timeout on request, and publishes nothing', async () => {
    const flow = await omni.call('POST', '/api/v1/flows', approval);
    const started = await omni.call('POST', `/api/v1/flows/${flow.body.id}/test-runs`, {
      input: { amount: 900, name: 'sim' },
    });
    expect(started.status).toBe(201);
    expect(started.body.version).toBe(0);
    await statusOf(started.body.id, 'waiting');

    const skipped = await omni.call('POST', `/api/v1/runs/${started.body.id}/skip-wait`);
    expect(skipped.status).toBe(200);
    expect(skipped.body.status).toBe('completed');
    const run = await statusOf(started.body.id, 'completed');
    expect(run.output).toEqual({ result: 'expired' });
    expect(run.steps.find((s: { nodeId: string }) => s.nodeId === 'approval').port).toBe('timeout');

    expect((await omni.call('GET', `/api/v1/flows/${flow.body.id}/versions`)).body.items).toEqual([]);
    expect((await omni.call('GET', `/api/v1/flows/${flow.body.id}`)).body.latestVersion).toBeNull();
    const noRun = await omni.call('POST', '/api/v1/runs', { flowId: flow.body.id });
    expect(noRun.status).toBe(409);
  });

  it('refuses to test a draft with errors, listing them', async () => {
    const broken = structuredClone(approval);
    broken.edges = broken.edges.filter((e: { id: string }) => e.id !== 'e6');
    const flow = await omni.call('POST', '/api/v1/flows', broken);
    const started = await omni.call('POST', `/api/v1/flows/${flow.body.id}/test-runs`, {});
    expect(started.status).toBe(422);
    expect(started.body.error.details.errors[0]).toMatchObject({
      code: 'REQUIRED_PORT_UNWIRED',
      nodeId: 'approval',
    });
  });

  it('does not let a published run skip its waits', async () => {
    const flow = await omni.call('POST', '/api/v1/flows', approval);
    await omni.call('POST', `/api/v1/flows/${flow.body.id}/publish`, {});
    const started = await omni.call('POST', '/api/v1/runs', {
      flowId: flow.body.id,
      input: { amount: 900, name: 'p' },
    });
    await statusOf(started.body.id, 'waiting');
    const skipped = await omni.call('POST', `/api/v1/runs/${started.body.id}/skip-wait`);
    expect(skipped.status).toBe(409);
    expect(skipped.body.error.message).toContain('Only test runs');
  });
});
