import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishFlow, runReaches, startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

/** start → wait for a reply → split on the amount → big | small. */
function refundFlow(threshold: number) {
  return {
    name: 'Refunds',
    nodes: [
      { id: 'start', type: 'flow.start', config: {} },
      { id: 'reply', type: 'logic.wait-for-event', config: { event: 'confirm', timeout: 'PT1H' } },
      {
        id: 'size',
        type: 'logic.split',
        config: {
          branches: [
            {
              id: 'big',
              label: 'Big',
              match: 'all',
              conditions: [{ left: '{{ input.amount }}', operator: 'gt', right: String(threshold) }],
            },
          ],
        },
      },
      { id: 'manager', type: 'logic.set', config: { assignments: [{ name: 'who', value: 'manager' }] } },
      { id: 'auto', type: 'logic.set', config: { assignments: [{ name: 'who', value: 'auto' }] } },
      { id: 'end', type: 'flow.end', config: {} },
      { id: 'expired', type: 'flow.end', config: {} },
    ],
    edges: [
      { id: 'e1', from: { node: 'start', port: 'next' }, to: { node: 'reply' } },
      { id: 'e2', from: { node: 'reply', port: 'received' }, to: { node: 'size' } },
      { id: 'e3', from: { node: 'reply', port: 'timeout' }, to: { node: 'expired' } },
      { id: 'e4', from: { node: 'size', port: 'big' }, to: { node: 'manager' } },
      { id: 'e5', from: { node: 'size', port: 'else' }, to: { node: 'auto' } },
      { id: 'e6', from: { node: 'manager', port: 'next' }, to: { node: 'end' } },
      { id: 'e7', from: { node: 'auto', port: 'next' }, to: { node: 'end' } },
    ],
  };
}

describe('what-if replay of a draft', () => {
  let omni: TestOmniflow;
  let flowId: string;
  const amounts = [10, 60, 80, 120, 300, 55, 40];
  const runIds = new Map<number, string>();

  beforeAll(async () => {
    omni = await startTestOmniflow();
    flowId = await publishFlow(omni, refundFlow(100));
    for (const amount of amounts) {
      const started = await omni.call('POST', '/api/v1/runs', { flowId, input: { amount } });
      runIds.set(amount, started.body.id);
      await runReaches(omni, started.body.id, ['waiting']);
      const sent = await omni.call('POST', `/api/v1/runs/${started.body.id}/events`, {
        type: 'confirm',
        data: { ok: true },
      });
      expect(sent.status).toBe(200);
      await runReaches(omni, started.body.id, ['completed']);
    }
  });
  afterAll(async () => omni?.close());

  it('records the inbound events a run took', async () => {
    const run = await omni.call('GET', `/api/v1/runs/${runIds.get(10)}`);
    expect(run.body.events).toEqual([
      { seq: 1, type: 'confirm', data: { ok: true }, receivedAt: expect.any(String) },
    ]);
  });

  it('reports exactly the runs whose path a changed split condition changes, and where', async () => {
    const unchanged = await omni.call('POST', `/api/v1/flows/${flowId}/what-if`, {});
    expect(unchanged.status).toBe(200);
    expect(unchanged.body).toMatchObject({ total: amounts.length, changedCount: 0 });

    const draft = refundFlow(50);
    const saved = await omni.call('PUT', `/api/v1/flows/${flowId}`, draft);
    expect(saved.status).toBe(200);
    const result = await omni.call('POST', `/api/v1/flows/${flowId}/what-if`, { version: 1, limit: 100 });
    expect(result.status).toBe(200);
    const changed = result.body.results.filter((r: { changed: boolean }) => r.changed);
    expect(changed.map((r: { runId: string }) => r.runId).sort()).toEqual(
      [60, 80, 55].map((a) => runIds.get(a)).sort(),
    );
    expect(result.body.changedCount).toBe(3);
    for (const r of changed) {
      expect(r.divergedAt).toEqual({ index: 3, originalNodeId: 'auto', draftNodeId: 'manager' });
      expect(r.originalPath).toEqual(['start', 'reply', 'size', 'auto', 'end']);
      expect(r.draftPath).toEqual(['start', 'reply', 'size', 'manager', 'end']);
      expect(r.status).toBe('completed');
    }
    // Nothing ran for real: no new runs, the recorded ones untouched.
    const counts = await omni.call('GET', `/api/v1/runs/counts?flowId=${flowId}`);
    expect(counts.body.total).toBe(amounts.length);
  });

  it('replays chosen runs only, and refuses a draft with errors or a bad request', async () => {
    const chosen = await omni.call('POST', `/api/v1/flows/${flowId}/what-if`, {
      runIds: [runIds.get(60), runIds.get(10)],
    });
    expect(chosen.body.total).toBe(2);
    expect(chosen.body.changedCount).toBe(1);

    const tooMany = await omni.call('POST', `/api/v1/flows/${flowId}/what-if`, { limit: 5000 });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toContain('At most 500');

    const broken = refundFlow(50);
    broken.edges = broken.edges.filter((e) => e.id !== 'e3');
    await omni.call('PUT', `/api/v1/flows/${flowId}`, broken);
    const invalid = await omni.call('POST', `/api/v1/flows/${flowId}/what-if`, {});
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.code).toBe('FLOW_INVALID');
  });
});
