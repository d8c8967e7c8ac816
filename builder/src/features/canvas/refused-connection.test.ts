import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../api/types.ts';
import { refusedConnectionNotice } from './refused-connection.ts';

const node = (id: string, type: string) => ({ id, type, version: 1, config: {}, position: { x: 0, y: 0 } });
const doc: FlowDocument = {
  schemaVersion: 1,
  name: 'f',
  description: '',
  trigger: { node: 'start' },
  nodes: [node('start', 'flow.start'), node('ask', 'message.ask'), node('end', 'flow.end')],
  edges: [{ id: 'e1', from: { node: 'ask', port: 'answered' }, to: { node: 'end' } }],
  variables: [],
};
// Only the fields the notice reads; React Flow's internal nodes carry much more.
const state = (from: string, port: string, to: string | null, isValid = false) =>
  ({
    isValid,
    fromNode: { id: from },
    fromHandle: { id: port },
    toNode: to === null ? null : { id: to },
  }) as unknown as Parameters<typeof refusedConnectionNotice>[1];

describe('why a dropped connection was refused', () => {
  it('explains a node connected to itself, into the start, or from an exit already taken', () => {
    expect(refusedConnectionNotice(doc, state('ask', 'timeout', 'ask'))).toBe('guard.refused.self-loop');
    expect(refusedConnectionNotice(doc, state('ask', 'timeout', 'start'))).toBe('guard.refused.into-trigger');
    expect(refusedConnectionNotice(doc, state('ask', 'answered', 'end'))).toBe('guard.refused.port-taken');
  });

  it('says nothing for a drawn connection or one dropped on empty canvas', () => {
    expect(refusedConnectionNotice(doc, state('ask', 'timeout', 'end', true))).toBeNull();
    expect(refusedConnectionNotice(doc, state('ask', 'timeout', null))).toBeNull();
    expect(refusedConnectionNotice(null, state('ask', 'timeout', 'ask'))).toBeNull();
  });
});
