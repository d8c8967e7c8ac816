import { beforeEach, describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../api/types.ts';
import { useFlowStore } from './flow-store.ts';
import { entryOf } from './test-catalog.ts';

const store = () => useFlowStore.getState();
const doc = () => store().doc!;

function sampleFlow(): FlowDocument {
  return {
    schemaVersion: 1,
    name: 'Sample',
    description: '',
    trigger: { node: 'start' },
    nodes: [
      { id: 'start', type: 'flow.start', version: 1, config: {}, position: { x: 0, y: 0 } },
      { id: 'set1', type: 'logic.set', version: 1, config: {}, position: { x: 300, y: 0 } },
      {
        id: 'split1',
        type: 'logic.split',
        version: 1,
        config: { branches: [{ id: 'vip', conditions: [] }] },
        position: { x: 600, y: 0 },
      },
      { id: 'end1', type: 'flow.end', version: 1, config: {}, position: { x: 900, y: 0 } },
    ],
    edges: [
      { id: 'e1', from: { node: 'start', port: 'next' }, to: { node: 'set1' } },
      { id: 'e2', from: { node: 'set1', port: 'next' }, to: { node: 'split1' } },
      { id: 'e3', from: { node: 'split1', port: 'vip' }, to: { node: 'end1' } },
    ],
    variables: [],
  };
}

beforeEach(() => {
  useFlowStore.setState({ clipboard: null });
  store().load(sampleFlow());
});

describe('load', () => {
  it('opens a document with no history and no selection, and bumps the revision', () => {
    const before = store().revision;
    store().select(['set1'], []);
    store().addNode(entryOf('logic.set'), { x: 0, y: 300 });
    store().load(sampleFlow());
    expect(store().past).toEqual([]);
    expect(store().future).toEqual([]);
    expect(store().selectedNodes).toEqual([]);
    expect(store().revision).toBeGreaterThan(before);
    expect(doc().nodes).toHaveLength(4);
  });
});

describe('addNode', () => {
  it('names nodes after the last segment of their type, never reusing an id', () => {
    expect(store().addNode(entryOf('logic.set'), { x: 0, y: 300 })).toBe('set2');
    expect(store().addNode(entryOf('logic.split'), { x: 0, y: 400 })).toBe('split2');
    expect(store().addNode(entryOf('logic.wait-for-event'), { x: 0, y: 500 })).toBe('wait-for-event1');
    const added = doc().nodes.find((n) => n.id === 'split2');
    expect(added).toMatchObject({ type: 'logic.split', version: 1, config: {}, position: { x: 0, y: 400 } });
  });

  it('selects the new node and records one undo step', () => {
    const revision = store().revision;
    const id = store().addNode(entryOf('logic.wait'), { x: 10, y: 10 });
    expect(store().selectedNodes).toEqual([id]);
    expect(store().revision).toBe(revision + 1);
    store().undo();
    expect(doc().nodes.some((n) => n.id === id)).toBe(false);
  });

  it('refuses a second trigger node', () => {
    const revision = store().revision;
    expect(store().addNode(entryOf('flow.start'), { x: 0, y: 300 })).toBeUndefined();
    expect(doc().nodes).toHaveLength(4);
    expect(store().revision).toBe(revision);
    expect(store().past).toHaveLength(0);
  });

  it('makes the first trigger of an empty flow the flow trigger', () => {
    store().load({ ...sampleFlow(), trigger: undefined, nodes: [], edges: [] });
    const id = store().addNode(entryOf('flow.start'), { x: 0, y: 0 });
    expect(id).toBe('start1');
    expect(doc().trigger).toEqual({ node: 'start1' });
  });

  it('moves a node added on top of another one aside', () => {
    store().addNode(entryOf('logic.set'), { x: 300, y: 0 });
    const added = doc().nodes.at(-1)!;
    expect(added.position).not.toEqual({ x: 300, y: 0 });
  });
});

describe('connect', () => {
  it('draws an edge from an output port with a fresh id', () => {
    store().addNode(entryOf('logic.set'), { x: 0, y: 300 });
    expect(store().connect({ source: 'split1', sourceHandle: 'else', target: 'set2' })).toBe(true);
    expect(doc().edges.at(-1)).toEqual({
      id: 'e4',
      from: { node: 'split1', port: 'else' },
      to: { node: 'set2' },
    });
  });

  it.each([
    ['an unknown node', { source: 'nope', sourceHandle: 'next', target: 'set1' }],
    ['a self-loop', { source: 'set1', sourceHandle: 'next', target: 'set1' }],
    ['an edge into the trigger', { source: 'end1', sourceHandle: 'next', target: 'start' }],
    ['a second edge from one port', { source: 'set1', sourceHandle: 'next', target: 'end1' }],
    ['a connection without a port', { source: 'split1', sourceHandle: null, target: 'end1' }],
  ])('refuses %s', (_name, connection) => {
    const before = doc();
    expect(store().connect(connection)).toBe(false);
    expect(doc()).toBe(before);
    expect(store().past).toHaveLength(0);
  });
});

describe('removeSelected', () => {
  it('removes the selected nodes with their edges, and the selected edges', () => {
    store().select(['set1'], ['e3']);
    store().removeSelected();
    expect(doc().nodes.map((n) => n.id)).toEqual(['start', 'split1', 'end1']);
    expect(doc().edges).toEqual([]);
    expect(store().selectedNodes).toEqual([]);
  });

  it('lets the trigger go, unsetting it, and undo brings it back', () => {
    store().select(['start'], []);
    store().removeSelected();
    expect(doc().trigger).toBeUndefined();
    expect(store().addNode(entryOf('flow.start'), { x: 0, y: 0 })).toBe('start1');
    store().undo();
    store().undo();
    expect(doc().trigger).toEqual({ node: 'start' });
    expect(doc().nodes.some((n) => n.id === 'start')).toBe(true);
  });

  it('does nothing (no undo step) when nothing is selected', () => {
    store().removeSelected();
    expect(store().past).toHaveLength(0);
  });
});

describe('undo and redo', () => {
  it('walks back and forth through edits, and a new edit drops the redo list', () => {
    store().addNode(entryOf('logic.set'), { x: 0, y: 300 });
    store().addNode(entryOf('logic.set'), { x: 0, y: 400 });
    store().undo();
    expect(doc().nodes.map((n) => n.id)).not.toContain('set3');
    store().redo();
    expect(doc().nodes.map((n) => n.id)).toContain('set3');
    store().undo();
    store().addNode(entryOf('logic.wait'), { x: 0, y: 500 });
    expect(store().future).toEqual([]);
    store().redo();
    expect(doc().nodes.map((n) => n.id)).not.toContain('set3');
  });

  it('bumps the revision on undo and redo so the page saves', () => {
    store().addNode(entryOf('logic.set'), { x: 0, y: 300 });
    const revision = store().revision;
    store().undo();
    expect(store().revision).toBe(revision + 1);
    store().redo();
    expect(store().revision).toBe(revision + 2);
  });

  it('keeps at most 100 steps', () => {
    // Selecting in between stops consecutive config edits from merging into one step.
    for (let i = 0; i < 120; i++) {
      store().updateConfig('set1', { step: i });
      store().select([], []);
    }
    expect(store().past).toHaveLength(100);
  });

  it('merges keystrokes in one node field into one step', () => {
    for (const label of ['H', 'He', 'Hello']) store().updateLabel('set1', label);
    expect(doc().nodes.find((n) => n.id === 'set1')?.label).toBe('Hello');
    store().undo();
    expect(doc().nodes.find((n) => n.id === 'set1')?.label).toBeUndefined();
  });

  it('removes a label set to blank and keeps configs as given', () => {
    store().updateLabel('set1', 'Greeting');
    store().updateLabel('set1', '  ');
    expect(doc().nodes.find((n) => n.id === 'set1')).not.toHaveProperty('label');
    store().updateConfig('set1', { assignments: [{ name: 'a', value: 1 }] });
    expect(doc().nodes.find((n) => n.id === 'set1')?.config).toEqual({
      assignments: [{ name: 'a', value: 1 }],
    });
  });
});

describe('dragging nodes', () => {
  it('records one undo step per drag, not one per pixel', () => {
    const revision = store().revision;
    for (let x = 301; x <= 340; x++) {
      store().applyNodeChanges([{ id: 'set1', type: 'position', position: { x, y: 10 }, dragging: true }]);
    }
    store().applyNodeChanges([
      { id: 'set1', type: 'position', position: { x: 340, y: 10 }, dragging: false },
    ]);
    expect(doc().nodes.find((n) => n.id === 'set1')?.position).toEqual({ x: 340, y: 10 });
    expect(store().past).toHaveLength(1);
    expect(store().revision).toBeGreaterThan(revision);
    expect(store().dragging).toBe(false);
    store().undo();
    expect(doc().nodes.find((n) => n.id === 'set1')?.position).toEqual({ x: 300, y: 0 });
  });

  it('records a separate step for each drag', () => {
    for (const x of [400, 500]) {
      store().applyNodeChanges([{ id: 'set1', type: 'position', position: { x, y: 0 }, dragging: true }]);
      store().applyNodeChanges([{ id: 'set1', type: 'position', position: { x, y: 0 }, dragging: false }]);
    }
    expect(store().past).toHaveLength(2);
  });

  it('moves several dragged nodes in one step', () => {
    store().applyNodeChanges([
      { id: 'set1', type: 'position', position: { x: 310, y: 5 }, dragging: true },
      { id: 'split1', type: 'position', position: { x: 610, y: 5 }, dragging: true },
    ]);
    store().applyNodeChanges([
      { id: 'set1', type: 'position', position: { x: 310, y: 5 }, dragging: false },
      { id: 'split1', type: 'position', position: { x: 610, y: 5 }, dragging: false },
    ]);
    expect(store().past).toHaveLength(1);
    store().undo();
    expect(doc().nodes.find((n) => n.id === 'split1')?.position).toEqual({ x: 600, y: 0 });
  });

  it('takes selection and measured sizes from React Flow without touching the document', () => {
    const { revision } = store();
    store().applyNodeChanges([
      { id: 'set1', type: 'select', selected: true },
      { id: 'set1', type: 'dimensions', dimensions: { width: 224, height: 80 } },
    ]);
    store().applyEdgeChanges([{ id: 'e1', type: 'select', selected: true }]);
    expect(store().selectedNodes).toEqual(['set1']);
    expect(store().selectedEdges).toEqual(['e1']);
    expect(store().sizes['set1']).toEqual({ width: 224, height: 80 });
    expect(store().revision).toBe(revision);
    expect(store().past).toHaveLength(0);
  });
});

describe('copy and paste', () => {
  it('pastes copies with new ids, 40px away, keeping the edges among them', () => {
    store().select(['set1', 'split1'], []);
    store().copySelected();
    const pasted = store().paste();
    expect(pasted).toEqual(['set2', 'split2']);
    expect(doc().nodes.find((n) => n.id === 'set2')?.position).toEqual({ x: 340, y: 40 });
    expect(doc().nodes.find((n) => n.id === 'split2')?.config).toEqual(
      doc().nodes.find((n) => n.id === 'split1')?.config,
    );
    const newEdges = doc().edges.filter((e) => pasted.includes(e.from.node) || pasted.includes(e.to.node));
    expect(newEdges).toEqual([{ id: 'e4', from: { node: 'set2', port: 'next' }, to: { node: 'split2' } }]);
    expect(store().selectedNodes).toEqual(pasted);
  });

  it('cascades repeated pastes instead of stacking them', () => {
    store().select(['set1'], []);
    store().copySelected();
    store().paste();
    store().paste();
    expect(doc().nodes.find((n) => n.id === 'set3')?.position).toEqual({ x: 380, y: 80 });
  });

  it('does not paste a second trigger, and pastes the rest', () => {
    store().select(['start', 'set1'], []);
    store().copySelected();
    expect(store().paste()).toEqual(['set2']);
    expect(doc().trigger).toEqual({ node: 'start' });
  });

  it('pastes into another flow (the clipboard survives a load) as one undo step', () => {
    store().select(['set1'], []);
    store().copySelected();
    store().load({ ...sampleFlow(), nodes: [], edges: [], trigger: undefined });
    expect(store().paste()).toEqual(['set1']);
    store().undo();
    expect(doc().nodes).toEqual([]);
  });
});

describe('autoLayout', () => {
  it('gives every node its own place, left to right along the edges, as one undo step', async () => {
    const stacked = sampleFlow();
    stacked.nodes = stacked.nodes.map((n) => ({ ...n, position: { x: 0, y: 0 } }));
    store().load(stacked);
    const revision = store().revision;
    await store().autoLayout();
    const positions = doc().nodes.map((n) => `${n.position.x},${n.position.y}`);
    expect(new Set(positions).size).toBe(positions.length);
    const x = (id: string) => doc().nodes.find((n) => n.id === id)!.position.x;
    expect(x('start')).toBeLessThan(x('set1'));
    expect(x('set1')).toBeLessThan(x('split1'));
    expect(x('split1')).toBeLessThan(x('end1'));
    expect(store().past).toHaveLength(1);
    expect(store().revision).toBe(revision + 1);
    expect(store().layingOut).toBe(false);
  });
});

describe('rename', () => {
  it('renames the flow, typing merged into one step', () => {
    store().rename('S');
    store().rename('Support');
    expect(doc().name).toBe('Support');
    expect(store().past).toHaveLength(1);
  });
});

describe('focusNode', () => {
  it('selects the node and raises a new focus request each time, without touching the document', () => {
    const revision = store().revision;
    store().focusNode('split1');
    expect(store().selectedNodes).toEqual(['split1']);
    const first = store().focusRequest;
    expect(first?.id).toBe('split1');
    store().focusNode('split1');
    expect(store().focusRequest!.n).toBe(first!.n + 1);
    expect(store().revision).toBe(revision);
  });

  it('ignores a node that is not in the flow', () => {
    store().focusNode('ghost');
    expect(store().focusRequest?.id).not.toBe('ghost');
  });
});
