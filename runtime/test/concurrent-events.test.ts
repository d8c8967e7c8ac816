import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CountingTarget } from './support/counting-target.ts';
import { publishFlow, runReaches, startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

/** start → wait for `reply` → end: a run that can take the event once. */
const takesOneReply = {
  name: 'Takes one reply',
  nodes: [
    { id: 'start', type: 'flow.start', config: {} },
    { id: 'reply', type: 'logic.wait-for-event', config: { event: 'reply', timeout: 'P1D' } },
    { id: 'end', type: 'flow.end', config: { output: { n: '{{ nodes.reply.output.n }}' } } },
  ],
  edges: [
    { id: 'e1', from: { node: 'start', port: 'next' }, to: { node: 'reply' } },
    { id: 'e2', from: { node: 'reply', port: 'received' }, to: { node: 'end' } },
    { id: 'e3', from: { node: 'reply', port: 'timeout' }, to: { node: 'end' } },
  ],
};

/** start → wait for `reply` → POST (an activity: the run is busy) → wait again: takes many, one at a time. */
function repliesWithCallsFlow(base: string) {
  return {
    name: 'Calls out on every reply',
    nodes: [
      { id: 'start', type: 'flow.start', config: {} },
      { id: 'reply', type: 'logic.wait-for-event', config: { event: 'reply', timeout: 'P1D' } },
      { id: 'call', type: 'http.request', config: { method: 'POST', url: `${base}/reply` } },
      { id: 'end', type: 'flow.end', config: {} },
    ],
    edges: [
      { id: 'e1', from: { node: 'start', port: 'next' }, to: { node: 'reply' } },
      { id: 'e2', from: { node: 'reply', port: 'received' }, to: { node: 'call' } },
      { id: 'e3', from: { node: 'reply', port: 'timeout' }, to: { node: 'end' } },
      { id: 'e4', from: { node: 'call', port: 'success' }, to: { node: 'reply' } },
      { id: 'e5', from: { node: 'call', port: 'failed' }, to: { node: 'end' } },
    ],
  };
}

describe('concurrent events to one waiting run', () => {
  let omni: TestOmniflow;
  let target: CountingTarget;
  beforeAll(async () => {
    omni = await startTestOmniflow({ env: { OMNIFLOW_HTTP_ALLOW_PRIVATE: '1' } });
    target = await new CountingTarget().start();
  });
  afterAll(async () => {
    await omni?.close();
    await target?.close();
  });

  async function waitingRun(graph: object): Promise<string> {
    const flowId = await publishFlow(omni, graph);
    const started = await omni.call('POST', '/api/v1/runs', { flowId, input: {} });
    expect(started.status).toBe(201);
    await runReaches(omni, started.body.id, ['waiting']);
    return started.body.id as string;
  }

  /** 200 events at once, each with its number in `data.n`; answers who got which status. */
  async function sendAtOnce(runId: string) {
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, n) =>
        omni
          .call('POST', `/api/v1/runs/${runId}/events`, { type: 'reply', data: { n } })
          .then((r) => ({ n, ...r })),
      ),
    );
    const accepted = answers.filter((a) => a.status === 200);
    const refused = answers.filter((a) => a.status !== 200);
    return { accepted, refused };
  }

  it('answers 200 to exactly the one event a run that takes one reply applied, 409 to the rest', async () => {
    const runId = await waitingRun(takesOneReply);
    const { accepted, refused } = await sendAtOnce(runId);

    expect(accepted).toHaveLength(1);
    expect(refused.map((r) => r.status)).toEqual(refused.map(() => 409));
    for (const r of refused)
      expect(['EVENT_NOT_ACCEPTED', 'RUN_BUSY', 'RUN_ENDED']).toContain(r.body.error.code);

    const run = await runReaches(omni, runId, ['completed']);
    expect(run.events.map((e: { data: unknown }) => e.data)).toEqual([{ n: accepted[0]!.n }]);
    expect(run.output).toEqual({ n: accepted[0]!.n });
  });

  it('answers 200 once for each event a busy run applied, 409 to the rest', async () => {
    const runId = await waitingRun(repliesWithCallsFlow(target.url));
    const { accepted, refused } = await sendAtOnce(runId);

    expect(accepted.length).toBeGreaterThanOrEqual(1);
    expect(refused.map((r) => r.status)).toEqual(refused.map(() => 409));
    for (const r of refused) expect(['EVENT_NOT_ACCEPTED', 'RUN_BUSY']).toContain(r.body.error.code);

    // Every 200 is an event the run took: recorded, and followed by its call.
    const run = await runReaches(omni, runId, ['waiting']);
    const recorded = run.events
      .map((e: { data: { n: number } }) => e.data.n)
      .sort((a: number, b: number) => a - b);
    expect(recorded).toEqual(accepted.map((a) => a.n).sort((a, b) => a - b));
    const received = run.steps.filter(
      (s: { nodeId: string; port: string | null }) => s.nodeId === 'reply' && s.port === 'received',
    );
    expect(received).toHaveLength(accepted.length);
    expect(target.count('/reply')).toBe(accepted.length);
  });
});
