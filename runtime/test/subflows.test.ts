import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, publishFlow, startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

type Node = { id: string; type: string; config?: Record<string, unknown> };

/** start → nodes in a line (each leaving by its first port) → end with `output`. */
function line(
  name: string,
  middle: (Node & { port: string })[],
  output: Record<string, string>,
  extra: Node[] = [],
) {
  const nodes: Node[] = [
    { id: 'start', type: 'flow.start', config: {} },
    ...middle.map(({ port: _port, ...node }) => node),
    { id: 'end', type: 'flow.end', config: { output } },
    ...extra,
  ];
  const ids = nodes.slice(0, middle.length + 2).map((n) => n.id);
  const ports = ['next', ...middle.map((n) => n.port)];
  return {
    name,
    nodes,
    edges: ports.map((port, i) => ({
      id: `e${i}`,
      from: { node: ids[i]!, port },
      to: { node: ids[i + 1]! },
    })),
  };
}

const call = (
  id: string,
  flowId: string,
  inputs: Record<string, string>,
  mode: 'wait' | 'start' = 'wait',
) => ({
  id,
  type: 'flow.call',
  port: 'done',
  config: { flowId, inputs, mode },
});

describe('subflows: flow.call runs a published flow as a child workflow', () => {
  let omni: TestOmniflow;
  beforeAll(async () => {
    omni = await startTestOmniflow({ db: 'postgres', env: { OMNIFLOW_HTTP_ALLOW_PRIVATE: '' } });
  });
  afterAll(async () => omni?.close());

  async function finished(runId: string) {
    return eventually(async () => {
      const r = await omni.call('GET', `/api/v1/runs/${runId}`);
      return ['completed', 'failed'].includes(r.body.status) ? r.body : undefined;
    });
  }
  async function start(flowId: string, input: object) {
    const started = await omni.call('POST', '/api/v1/runs', { flowId, input });
    expect(started.status).toBe(201);
    return started.body.id as string;
  }

  it('runs parent → child → grandchild, mapping inputs down and end outputs back up, pinned at publish', async () => {
    const grandchild = await publishFlow(omni, line('Triple', [], { tripled: '{{ input.n | times: 3 }}' }));
    const child = await publishFlow(
      omni,
      line('Add one and triple', [call('g', grandchild, { n: '{{ input.n | plus: 1 }}' })], {
        fromGrandchild: '{{ nodes.g.output.tripled }}',
      }),
    );
    const parent = await publishFlow(
      omni,
      line('Parent', [call('c', child, { n: '{{ input.n }}' })], {
        result: '{{ nodes.c.output.fromGrandchild }}',
      }),
    );
    const run = await finished(await start(parent, { n: 2 }));
    expect(run.status).toBe('completed');
    expect(run.output).toEqual({ result: 9 });
    expect(run.parentRunId).toBeNull();
    expect(run.childRuns).toEqual([
      expect.objectContaining({
        flowId: child,
        flowName: 'Add one and triple',
        nodeId: 'c',
        status: 'completed',
      }),
    ]);
    const step = run.steps.find((s: { nodeId: string }) => s.nodeId === 'c');
    expect(step).toMatchObject({
      port: 'done',
      input: { flowId: child, version: 1, mode: 'wait', input: { n: 2 } },
    });

    const childRun = await omni.call('GET', `/api/v1/runs/${run.childRuns[0].id}`);
    expect(childRun.body).toMatchObject({
      parentRunId: run.id,
      input: { n: 2 },
      output: { fromGrandchild: 9 },
    });
    expect(childRun.body.childRuns).toHaveLength(1);
    const grandchildRun = await omni.call('GET', `/api/v1/runs/${childRun.body.childRuns[0].id}`);
    expect(grandchildRun.body).toMatchObject({
      parentRunId: childRun.body.id,
      flowId: grandchild,
      input: { n: 3 },
    });

    // Temporal itself knows the child as the parent's child workflow.
    const described = await omni.temporal.workflow.getHandle(childRun.body.id).describe();
    expect(described.parentExecution?.workflowId).toBe(run.id);

    // A new version of the grandchild does not change what the published child calls.
    const update = line('Triple', [], { tripled: '{{ input.n | times: 100 }}' });
    await omni.call('PUT', `/api/v1/flows/${grandchild}`, update);
    expect((await omni.call('POST', `/api/v1/flows/${grandchild}/publish`, {})).status).toBe(201);
    expect((await finished(await start(parent, { n: 2 }))).output).toEqual({ result: 9 });
  });

  it('takes the failed port with the child’s error when the child fails', async () => {
    // The child's request goes to a private address this install refuses: its run fails there.
    const failing = await publishFlow(omni, {
      name: 'Always fails',
      nodes: [
        { id: 'start', type: 'flow.start', config: {} },
        { id: 'req', type: 'http.request', config: { url: 'http://127.0.0.1:9/x' } },
        { id: 'end', type: 'flow.end', config: {} },
      ],
      edges: [
        { id: 'e1', from: { node: 'start', port: 'next' }, to: { node: 'req' } },
        { id: 'e2', from: { node: 'req', port: 'success' }, to: { node: 'end' } },
      ],
    });
    const graph = line('Calls a failing flow', [call('f', failing, {})], { ok: 'yes' }, [
      { id: 'ko', type: 'flow.end', config: { output: { failed: '{{ nodes.f.output.error.code }}' } } },
    ]);
    graph.edges.push({ id: 'ef', from: { node: 'f', port: 'failed' }, to: { node: 'ko' } });
    const parent = await publishFlow(omni, graph);
    const run = await finished(await start(parent, {}));
    expect(run.status).toBe('completed');
    // The child's own error, as its run recorded it.
    expect(run.output).toEqual({ failed: 'HTTP_TARGET_BLOCKED' });
    const step = run.steps.find((s: { nodeId: string }) => s.nodeId === 'f');
    expect(step.port).toBe('failed');
    expect(step.output.error.message).toBeTruthy();
    expect(run.childRuns).toEqual([expect.objectContaining({ status: 'failed' })]);
  });

  it('starts a child and goes on at once, the child living on after the parent ends', async () => {
    const waitingGraph = line(
      'Waits for approval',
      [
        {
          id: 'w',
          type: 'logic.wait-for-event',
          port: 'received',
          config: { event: 'approved', timeout: 'P1D' },
        },
      ],
      {
        by: '{{ nodes.w.output.by }}',
      },
    );
    waitingGraph.edges.push({ id: 'et', from: { node: 'w', port: 'timeout' }, to: { node: 'end' } });
    const waiting = await publishFlow(omni, waitingGraph);
    const parent = await publishFlow(
      omni,
      line('Fire and forget', [call('c', waiting, { who: '{{ input.who }}' }, 'start')], {
        child: '{{ nodes.c.output.runId }}',
      }),
    );
    const run = await finished(await start(parent, { who: 'ana' }));
    expect(run.status).toBe('completed');
    const childId = run.output.child as string;
    expect(run.childRuns).toEqual([expect.objectContaining({ id: childId })]);
    const child = await eventually(async () => {
      const r = await omni.call('GET', `/api/v1/runs/${childId}`);
      return r.body.status === 'waiting' ? r.body : undefined;
    });
    expect(child).toMatchObject({ parentRunId: run.id, input: { who: 'ana' } });
    await omni.call('POST', `/api/v1/runs/${childId}/events`, { type: 'approved', data: { by: 'luis' } });
    expect((await finished(childId)).output).toEqual({ by: 'luis' });
  });

  it('refuses to publish a call cycle (self, and A → B → A) and a call to an unpublished flow, naming the flows', async () => {
    const a = await publishFlow(omni, line('Flow A', [], { done: 'yes' }));
    await publishFlow(omni, line('Flow B', [call('toA', a, {})], { done: 'yes' }));
    const b = (await omni.call('GET', '/api/v1/flows?q=Flow%20B')).body.items[0].id as string;
    await omni.call('PUT', `/api/v1/flows/${a}`, line('Flow A', [call('toB', b, {})], { done: 'yes' }));
    const refused = await omni.call('POST', `/api/v1/flows/${a}/publish`, {}, { 'accept-language': 'es' });
    expect(refused.status).toBe(422);
    expect(refused.body.error.details.errors).toEqual([
      expect.objectContaining({
        code: 'SUBFLOW_CYCLE',
        nodeId: 'toB',
        params: expect.objectContaining({ cycle: 'Flow A → Flow B → Flow A' }),
      }),
    ]);
    const validated = await omni.call('POST', `/api/v1/flows/${a}/validate`);
    expect(validated.body.errors.map((e: { code: string }) => e.code)).toContain('SUBFLOW_CYCLE');

    const self = await omni.call('POST', '/api/v1/flows', line('Selfish', [], {}));
    await omni.call(
      'PUT',
      `/api/v1/flows/${self.body.id}`,
      line('Selfish', [call('me', self.body.id, {})], {}),
    );
    const selfRefused = await omni.call('POST', `/api/v1/flows/${self.body.id}/publish`, {});
    expect(selfRefused.body.error.details.errors[0]).toMatchObject({
      code: 'SUBFLOW_CYCLE',
      params: { cycle: 'Selfish → Selfish' },
    });

    const draftOnly = await omni.call('POST', '/api/v1/flows', line('Never published', [], {}));
    const caller = await omni.call(
      'POST',
      '/api/v1/flows',
      line('Caller', [call('x', draftOnly.body.id, {})], {}),
    );
    const unpublished = await omni.call('POST', `/api/v1/flows/${caller.body.id}/publish`, {});
    expect(unpublished.status).toBe(422);
    expect(unpublished.body.error.details.errors[0]).toMatchObject({
      code: 'SUBFLOW_NOT_PUBLISHED',
      params: { flow: 'Never published' },
    });
  });
  it('refuses a call that gives an input the child does not declare or leaves out a required one', async () => {
    const greets = line('Greets', [], { said: 'Hola {{ input.name }}' });
    greets.nodes[0]!.config = {
      inputs: [
        { label: 'Name', name: 'name', type: 'text', required: true },
        { label: 'Title', name: 'title', type: 'text' },
      ],
    };
    const child = await publishFlow(omni, greets);

    const typo = await omni.call(
      'POST',
      '/api/v1/flows',
      line('Typo caller', [call('c', child, { nmae: 'Ana' })], {}),
    );
    const refused = await omni.call('POST', `/api/v1/flows/${typo.body.id}/publish`, {});
    expect(refused.status).toBe(422);
    expect(refused.body.error.details.errors).toEqual([
      expect.objectContaining({
        code: 'SUBFLOW_INPUT_UNKNOWN',
        nodeId: 'c',
        path: ['inputs', 'nmae'],
        params: expect.objectContaining({ flow: 'Greets', input: 'nmae', takes: 'name, title' }),
      }),
      expect.objectContaining({
        code: 'SUBFLOW_INPUT_MISSING',
        nodeId: 'c',
        params: expect.objectContaining({ flow: 'Greets', input: 'name' }),
        message: 'Node c does not give the flow "Greets" its required input "name"',
      }),
    ]);
    const validated = await omni.call('POST', `/api/v1/flows/${typo.body.id}/validate`);
    expect(validated.body.errors.map((e: { code: string }) => e.code).sort()).toEqual([
      'SUBFLOW_INPUT_MISSING',
      'SUBFLOW_INPUT_UNKNOWN',
    ]);

    // The required input given, the optional one left out: it publishes and runs.
    const good = await publishFlow(
      omni,
      line('Good caller', [call('c', child, { name: '{{ input.who }}' })], {
        said: '{{ nodes.c.output.said }}',
      }),
    );
    const run = await finished(await start(good, { who: 'Ana' }));
    expect(run).toMatchObject({ status: 'completed', output: { said: 'Hola Ana' } });
  });
});
