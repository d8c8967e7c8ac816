import { describe, expect, it } from 'vitest';
import { nodePorts } from './node-ports.ts';
import { entryOf } from './test-catalog.ts';

describe('nodePorts', () => {
  it('lists the fixed ports of a node', () => {
    expect(nodePorts(entryOf('http.request'), {})).toEqual(['success', 'failed']);
    expect(nodePorts(entryOf('flow.end'), {})).toEqual([]);
  });

  it("lists a split's branch ids, then else", () => {
    const config = { branches: [{ id: 'vip' }, { id: 'regular' }] };
    expect(nodePorts(entryOf('logic.split'), config)).toEqual(['vip', 'regular', 'else']);
  });

  it('skips half-edited branches and duplicates', () => {
    const config = { branches: [{ id: '' }, {}, null, { id: 7 }, { id: 'a' }, { id: 'a' }, { id: 'else' }] };
    expect(nodePorts(entryOf('logic.split'), config)).toEqual(['a', 'else']);
    expect(nodePorts(entryOf('logic.split'), { branches: 'oops' })).toEqual(['else']);
  });

  it('has no ports for a type the catalog does not know', () => {
    expect(nodePorts(undefined, {})).toEqual([]);
  });
});
