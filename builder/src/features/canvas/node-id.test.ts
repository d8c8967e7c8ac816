import { describe, expect, it } from 'vitest';
import { idBaseOf, nextEdgeId, nextNodeId } from './node-id.ts';

describe('node ids', () => {
  it('names a node after the last segment of its type', () => {
    expect(nextNodeId('logic.set', new Set())).toBe('set1');
    expect(nextNodeId('logic.split', new Set(['split1']))).toBe('split2');
    expect(nextNodeId('logic.wait-for-event', new Set())).toBe('wait-for-event1');
  });

  it('takes the first free number', () => {
    expect(nextNodeId('logic.set', new Set(['set1', 'set3']))).toBe('set2');
  });

  it('always yields an id the flow schema accepts', () => {
    const schema = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
    for (const type of ['acme.crm/lookup', 'x.9lives', 'a'.repeat(80), 'weird.ñandú']) {
      expect(nextNodeId(type, new Set())).toMatch(schema);
    }
    expect(idBaseOf('x.9lives')).toBe('node9lives');
  });
});

describe('edge ids', () => {
  it('numbers edges e1, e2, … skipping taken ones', () => {
    expect(nextEdgeId(new Set())).toBe('e1');
    expect(nextEdgeId(new Set(['e1', 'e2']))).toBe('e3');
  });
});
