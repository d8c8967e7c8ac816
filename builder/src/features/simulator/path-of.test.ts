import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../api/types.ts';

const edge = (id: string, from: string, port: string, to: string) => ({
  id,
  from: { node: from, port },
  to: { node: to },
});
const approval: FlowDocument = {
  schemaVersion: 1,
  name: 'Approval',
  description: '',
  nodes: [],
  variables: [],
  edges: [
    edge('e1', 'start', 'next', 'set'),
    edge('e2', 'set', 'next', 'check'),
    edge('e3', 'check', 'big', 'approval'),
    edge('e4', 'check', 'else', 'auto'),
    edge('e5', 'approval', 'received', 'done'),
  ],
};
import { pathOf } from './path-of.ts';

const step = (seq: number, nodeId: string, port: string | null, left = true) => ({
  seq,
  nodeId,
  nodeType: 't',
  enteredAt: '',
  leftAt: left ? 'x' : null,
  port,
  durationMs: null,
  attempts: null,
  input: null,
  output: null,
  error: null,
});

describe('pathOf', () => {
  it('lights the nodes visited and the edges left through each taken port', () => {
    const path = pathOf(approval, [
      step(1, 'start', 'next'),
      step(2, 'set', 'next'),
      step(3, 'check', 'big'),
      step(4, 'approval', null, false),
    ]);
    expect(path.nodes).toEqual(['start', 'set', 'check', 'approval']);
    expect(path.edges).toEqual(['e1', 'e2', 'e3']);
  });
});
