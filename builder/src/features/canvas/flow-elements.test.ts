import { describe, expect, it } from 'vitest';
import type { FlowDocument, ValidationIssue } from '../../api/types.ts';
import { createElementConverter, type EdgeInputs, type NodeInputs } from './flow-elements.ts';
import { generateLargeFlow } from './generate-large-flow.ts';
import { testCatalog } from './test-catalog.ts';

const doc: FlowDocument = {
  schemaVersion: 1,
  name: 'Elements',
  description: '',
  trigger: { node: 'start' },
  nodes: [
    { id: 'start', type: 'flow.start', version: 1, config: {}, position: { x: 0, y: 0 } },
    {
      id: 'split1',
      type: 'logic.split',
      version: 1,
      config: { branches: [{ id: 'vip' }] },
      position: { x: 300, y: 0 },
      label: 'Customer kind',
    },
    { id: 'call', type: 'logic.wait-for-event', version: 1, config: {}, position: { x: 600, y: 0 } },
    { id: 'gone', type: 'acme.removed', version: 1, config: {}, position: { x: 900, y: 0 } },
  ],
  edges: [
    { id: 'e1', from: { node: 'start', port: 'next' }, to: { node: 'split1' } },
    { id: 'e2', from: { node: 'split1', port: 'vip' }, to: { node: 'call' } },
    { id: 'e3', from: { node: 'call', port: 'received' }, to: { node: 'gone' } },
    { id: 'e4', from: { node: 'split1', port: 'deleted-branch' }, to: { node: 'gone' } },
  ],
  variables: [],
};

const issues: ValidationIssue[] = [
  { code: 'REQUIRED_PORT_UNWIRED', severity: 'error', nodeId: 'call', message: 'Connect the "timeout" port' },
  { code: 'UNKNOWN_NODE_TYPE', severity: 'error', nodeId: 'gone', message: 'Unknown type' },
  { code: 'EDGE_UNKNOWN_PORT', severity: 'error', nodeId: 'split1', edgeId: 'e4', message: 'No such port' },
  { code: 'SOME_WARNING', severity: 'warning', nodeId: 'call', message: 'Slow service' },
];

const nodeInputs = (over: Partial<NodeInputs> = {}): NodeInputs => ({
  doc,
  catalog: testCatalog,
  issues,
  highlight: undefined,
  selected: [],
  sizes: {},
  ...over,
});
const describeEdge: EdgeInputs['describeEdge'] = (e) => `${e.from.node}→${e.to.node}`;
const edgeInputs = (over: Partial<EdgeInputs> = {}): EdgeInputs => ({
  edges: doc.edges,
  issues,
  highlight: undefined,
  selected: [],
  describeEdge,
  ...over,
});

describe('flow nodes for React Flow', () => {
  it('gives each node its ports, wiring, problems and role', () => {
    const nodes = createElementConverter().toNodes(nodeInputs({ selected: ['call'] }));
    const byId = new Map(nodes.map((n) => [n.id, n]));
    expect(byId.get('start')?.data.trigger).toBe(true);
    expect(byId.get('split1')?.data.ports.map((p) => p.id)).toEqual(['vip', 'else', 'deleted-branch']);
    expect(byId.get('split1')?.data.label).toBe('Customer kind');
    const call = byId.get('call')!;
    expect(call.selected).toBe(true);
    expect(call.data.ports).toEqual([
      { id: 'received', required: false, wired: true },
      { id: 'timeout', required: true, wired: false },
    ]);
    expect(call.data.errorCount).toBe(1);
    expect(call.data.issues.map((i) => i.message)).toEqual(['Connect the "timeout" port', 'Slow service']);
    expect(byId.get('gone')?.data.entry).toBeUndefined();
  });

  it('marks the nodes a run went through', () => {
    const nodes = createElementConverter().toNodes(
      nodeInputs({ highlight: { nodes: ['start'], edges: [] } }),
    );
    expect(nodes.filter((n) => n.data.highlighted).map((n) => n.id)).toEqual(['start']);
  });

  it('hands back the same object for every node that did not change', () => {
    const big = generateLargeFlow(500);
    const converter = createElementConverter();
    const first = converter.toNodes(nodeInputs({ doc: big, issues: [] }));
    const moved = {
      ...big,
      nodes: big.nodes.map((n) => (n.id === 'set1' ? { ...n, position: { x: 5, y: 5 } } : n)),
    };
    const second = converter.toNodes(nodeInputs({ doc: moved, issues: [] }));
    const changed = second.filter((node, i) => node !== first[i]).map((n) => n.id);
    expect(changed).toEqual(['set1']);
  });
});

describe('run marks and in-flight badges on nodes', () => {
  it('puts a failed mark over a current one and counts badges per node', () => {
    const nodes = createElementConverter().toNodes(
      nodeInputs({
        highlight: { nodes: ['start'], edges: [], failed: ['call'], current: ['call', 'split1'] },
        badges: { split1: 3, elsewhere: 9 },
      }),
    );
    const byId = new Map(nodes.map((n) => [n.id, n.data]));
    expect(byId.get('call')).toMatchObject({ runMark: 'failed', inflight: 0 });
    expect(byId.get('split1')).toMatchObject({ runMark: 'current', inflight: 3 });
    expect(byId.get('start')).toMatchObject({ runMark: null, inflight: 0 });
  });

  it('rebuilds only the node whose count changed when the counts are polled again', () => {
    const converter = createElementConverter();
    const first = converter.toNodes(nodeInputs({ badges: { split1: 3, call: 1 } }));
    const second = converter.toNodes(nodeInputs({ badges: { split1: 4, call: 1 } }));
    expect(second.filter((n, i) => n !== first[i]).map((n) => n.id)).toEqual(['split1']);
    expect(second.find((n) => n.id === 'split1')?.data.inflight).toBe(4);
  });
});

describe('flow edges for React Flow', () => {
  it('draws edges with problems red and the run path lit up', () => {
    const edges = createElementConverter().toEdges(edgeInputs({ highlight: { nodes: [], edges: ['e1'] } }));
    const byId = new Map(edges.map((e) => [e.id, e]));
    expect(byId.get('e4')?.className).toBe('flow-edge-invalid');
    expect(byId.get('e1')).toMatchObject({ className: 'flow-edge-highlighted', animated: true });
    expect(byId.get('e2')).toMatchObject({
      source: 'split1',
      sourceHandle: 'vip',
      target: 'call',
      className: 'flow-edge-plain',
      ariaLabel: 'split1→call',
    });
  });

  it('keeps edge objects (and ids) stable across conversions', () => {
    const converter = createElementConverter();
    const first = converter.toEdges(edgeInputs());
    const second = converter.toEdges(edgeInputs({ selected: ['e2'] }));
    expect(second.map((e) => e.id)).toEqual(first.map((e) => e.id));
    expect(second.filter((e, i) => e !== first[i]).map((e) => e.id)).toEqual(['e2']);
  });
});
