import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../api/types.ts';
import { connectionProblem } from './connection-rules.ts';

const doc: FlowDocument = {
  schemaVersion: 1,
  name: 'Rules',
  description: '',
  trigger: { node: 'start' },
  nodes: [
    { id: 'start', type: 'flow.start', version: 1, config: {}, position: { x: 0, y: 0 } },
    { id: 'ask', type: 'logic.wait-for-event', version: 1, config: {}, position: { x: 0, y: 0 } },
    { id: 'end', type: 'flow.end', version: 1, config: {}, position: { x: 0, y: 0 } },
  ],
  edges: [{ id: 'e1', from: { node: 'start', port: 'next' }, to: { node: 'ask' } }],
  variables: [],
};

describe('connectionProblem', () => {
  it('accepts a free output port to another node', () => {
    expect(connectionProblem(doc, { source: 'ask', sourceHandle: 'timeout', target: 'end' })).toBeNull();
    expect(
      connectionProblem(doc, { source: 'ask', sourceHandle: 'received', target: 'end' }, ['received']),
    ).toBeNull();
  });

  it('refuses what the validator would reject', () => {
    expect(connectionProblem(doc, { source: 'ask', sourceHandle: null, target: 'end' })).toBe('no-port');
    expect(connectionProblem(doc, { source: 'ask', sourceHandle: 'timeout', target: 'gone' })).toBe(
      'unknown-node',
    );
    expect(connectionProblem(doc, { source: 'ask', sourceHandle: 'timeout', target: 'ask' })).toBe(
      'self-loop',
    );
    expect(connectionProblem(doc, { source: 'ask', sourceHandle: 'timeout', target: 'start' })).toBe(
      'into-trigger',
    );
    expect(connectionProblem(doc, { source: 'start', sourceHandle: 'next', target: 'end' })).toBe(
      'port-taken',
    );
  });

  it('refuses a port the node does not have, when its ports are known', () => {
    expect(
      connectionProblem(doc, { source: 'ask', sourceHandle: 'maybe', target: 'end' }, [
        'received',
        'timeout',
      ]),
    ).toBe('unknown-port');
  });
});
