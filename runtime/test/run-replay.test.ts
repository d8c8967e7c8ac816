import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode } from '@temporalio/worker';
import { eq } from 'drizzle-orm';
import { runs } from '@omniflow/db';
import { verifyRun } from '../src/runs/verify-run.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CountingTarget } from './support/counting-target.ts';
import { notifyThenFlakyFlow, waitsForEventFlow } from './support/flows.ts';
import { publishFlow, runReaches, startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

describe('replaying a run: retry from a step, re-run, verify', () => {
  let omni: TestOmniflow;
  let target: CountingTarget;
  let flowId: string;

  beforeAll(async () => {
    target = await new CountingTarget().start();
    omni = await startTestOmniflow({ env: { OMNIFLOW_HTTP_ALLOW_PRIVATE: '1' } });
    flowId = await publishFlow(omni, notifyThenFlakyFlow(target.url));
  });
  afterAll(async () => {
    await omni?.close();
    await target?.close();
  });

  async function failedRun(phone: string) {
    target.broken = true;
    const started = await omni.call('POST', '/api/v1/runs', { flowId, input: { phone } });
    expect(started.status).toBe(201);
    return runReaches(omni, started.body.id, ['failed', 'completed']);
  }

  it('retries a run that failed at an HTTP node from that step: the earlier side effect happens once', async () => {
    const failed = await failedRun('+34 600 000 001');
    expect(failed.status).toBe('failed');
    expect(failed.failedNodeId).toBe('flaky');
    expect(failed.error).toMatchObject({ code: 'HTTP_503', nodeId: 'flaky' });
    const flakyStep = failed.steps.find((s: { nodeId: string }) => s.nodeId === 'flaky');
    expect(flakyStep).toMatchObject({ error: { code: 'HTTP_503' }, attempts: 1 });
    expect(target.count('/notify')).toBe(1);

    const listed = await omni.call('GET', `/api/v1/runs?flowId=${flowId}&status=failed&nodeId=flaky`);
    expect(listed.body.items.map((r: { id: string }) => r.id)).toContain(failed.id);

    target.broken = false;
    const retried = await omni.call('POST', `/api/v1/runs/${failed.id}/replay`, {
      mode: 'retry-from-step',
      seq: flakyStep.seq,
    });
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ mode: 'retry-from-step', runId: failed.id, status: 'running' });
    const done = await runReaches(omni, failed.id, ['completed', 'failed']);
    expect(done.status).toBe('completed');
    expect(done.error).toBeNull();
    expect(done.failedNodeId).toBeNull();
    expect(done.output).toEqual({ status: 200 });
    expect(done.steps.map((s: { nodeId: string }) => s.nodeId)).toEqual(['start', 'notify', 'flaky', 'done']);
    expect(target.count('/notify')).toBe(1);
    expect(target.count('/flaky')).toBe(1);
  });

  it('refuses to retry a step that does not exist, a live run, or a malformed request', async () => {
    const failed = await failedRun('+34 600 000 002');
    const missing = await omni.call('POST', `/api/v1/runs/${failed.id}/replay`, {
      mode: 'retry-from-step',
      seq: 99,
    });
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toContain('99');
    const malformed = await omni.call('POST', `/api/v1/runs/${failed.id}/replay`, {
      mode: 'retry-from-step',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toContain('seq');
    const unknownMode = await omni.call('POST', `/api/v1/runs/${failed.id}/replay`, { mode: 'rewind' });
    expect(unknownMode.status).toBe(400);

    const waitingFlow = await publishFlow(omni, waitsForEventFlow('Waits', 'go', 'wait'));
    const live = await omni.call('POST', '/api/v1/runs', { flowId: waitingFlow, input: {} });
    await runReaches(omni, live.body.id, ['waiting']);
    const refused = await omni.call('POST', `/api/v1/runs/${live.body.id}/replay`, {
      mode: 'retry-from-step',
      seq: 1,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('RUN_ACTIVE');
    await omni.call('POST', `/api/v1/runs/${live.body.id}/cancel`);
  });

  it('re-runs with the same input as a new, linked run', async () => {
    const failed = await failedRun('+34 600 000 003');
    target.broken = false;
    const rerun = await omni.call('POST', `/api/v1/runs/${failed.id}/replay`, { mode: 'rerun' });
    expect(rerun.status).toBe(200);
    expect(rerun.body).toMatchObject({ mode: 'rerun', version: 1 });
    expect(rerun.body.runId).not.toBe(failed.id);
    const second = await runReaches(omni, rerun.body.runId, ['completed', 'failed']);
    expect(second).toMatchObject({ status: 'completed', rerunOf: failed.id, contact: '+34600000003' });
    expect(second.input).toEqual(failed.input);
    const first = await omni.call('GET', `/api/v1/runs/${failed.id}`);
    expect(first.body.reruns).toEqual([rerun.body.runId]);
    const noVersion = await omni.call('POST', `/api/v1/runs/${failed.id}/replay`, {
      mode: 'rerun',
      version: 7,
    });
    expect(noVersion.status).toBe(404);
  });

  it('verifies a recorded history against the current code, and catches an incompatible change', async () => {
    target.broken = false;
    const started = await omni.call('POST', '/api/v1/runs', { flowId, input: { phone: '600' } });
    await runReaches(omni, started.body.id, ['completed']);
    const verified = await omni.call('POST', `/api/v1/runs/${started.body.id}/replay`, { mode: 'verify' });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ mode: 'verify', deterministic: true, error: null });
    expect(verified.body.historyLength).toBeGreaterThan(5);

    const changed = await bundleWorkflowCode({
      workflowsPath: fileURLToPath(new URL('./support/changed-workflows.ts', import.meta.url)),
      logger: { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} },
    });
    const [row] = await omni.handle.db.select().from(runs).where(eq(runs.id, started.body.id));
    const result = await verifyRun(omni.temporal, row!, changed);
    expect(result.deterministic).toBe(false);
    expect(result.error).toMatch(/nondetermin|determinism/i);
  });
});
