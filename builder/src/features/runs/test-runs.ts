import type { FlowDocument, RunDetail, RunStep, RunSummary } from '../../api/types.ts';

const edge = (id: string, from: string, port: string, to: string) => ({
  id,
  from: { node: from, port },
  to: { node: to },
});

/** start → call → (success) ask → (received) done; call → (failed) done. Real catalog types. */
export const orderGraph: FlowDocument = {
  schemaVersion: 1,
  name: 'Order status',
  description: '',
  trigger: { node: 'start' },
  nodes: [
    { id: 'start', type: 'flow.start', version: 1, config: {}, position: { x: 0, y: 0 } },
    {
      id: 'call',
      type: 'http.request',
      version: 1,
      config: {},
      position: { x: 300, y: 0 },
      label: 'Look up order',
    },
    { id: 'ask', type: 'logic.wait-for-event', version: 1, config: {}, position: { x: 600, y: 0 } },
    { id: 'done', type: 'flow.end', version: 1, config: {}, position: { x: 900, y: 0 } },
  ],
  edges: [
    edge('e1', 'start', 'next', 'call'),
    edge('e2', 'call', 'success', 'ask'),
    edge('e3', 'ask', 'received', 'done'),
    edge('e4', 'call', 'failed', 'done'),
  ],
  variables: [],
};

export const at = (seconds: number) => new Date(Date.UTC(2025, 0, 1, 10, 0, seconds)).toISOString();

export function testStep(over: Partial<RunStep> & Pick<RunStep, 'seq' | 'nodeId'>): RunStep {
  return {
    nodeType: orderGraph.nodes.find((n) => n.id === over.nodeId)?.type ?? 'flow.start',
    enteredAt: at(over.seq),
    leftAt: at(over.seq + 1),
    durationMs: null,
    port: 'next',
    attempts: 1,
    input: {},
    output: {},
    error: null,
    ...over,
  };
}

export function testSummary(over: Partial<RunSummary> = {}): RunSummary {
  return {
    id: 'run-1',
    flowId: 'flow-1',
    flowName: 'Order status',
    version: 2,
    test: false,
    status: 'completed',
    currentNodes: [],
    failedNodeId: null,
    contact: '+34600111222',
    startedAt: at(0),
    endedAt: at(9),
    rerunOf: null,
    parentRunId: null,
    detailsExpired: false,
    skipReason: null,
    ...over,
  };
}

/** A run waiting at `ask` after start and call, with one event received so far. */
export function testRun(over: Partial<RunDetail> = {}): RunDetail {
  return {
    ...testSummary({ status: 'waiting', currentNodes: ['ask'], endedAt: null }),
    input: { orderId: 'A-17' },
    output: null,
    error: null,
    steps: [
      testStep({ seq: 1, nodeId: 'start' }),
      testStep({ seq: 2, nodeId: 'call', port: 'success', output: { status: 'shipped' }, durationMs: 850 }),
      testStep({ seq: 3, nodeId: 'ask', leftAt: null, port: null, attempts: null, output: null }),
    ],
    events: [{ seq: 4, type: 'message', data: { from: '+34600111222', text: 'hola' }, receivedAt: at(5) }],
    messages: [],
    graph: orderGraph,
    reruns: [],
    childRuns: [],
    summary: null,
    ...over,
  };
}
