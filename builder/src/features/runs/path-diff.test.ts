import { describe, expect, it } from 'vitest';
import { firstDivergence, pathDiff } from './path-diff.ts';

describe('firstDivergence', () => {
  it('finds where two paths part, counting one ending early', () => {
    expect(firstDivergence(['start', 'menu', 'sales'], ['start', 'menu', 'billing'])).toBe(2);
    expect(firstDivergence(['start', 'menu'], ['start', 'menu', 'agent'])).toBe(2);
    expect(firstDivergence(['start', 'menu'], ['start', 'menu'])).toBeNull();
    expect(firstDivergence([], ['start'])).toBe(0);
  });
});

describe('pathDiff', () => {
  it('marks the shared start, the first differing node of each path and what follows', () => {
    const diff = pathDiff(['start', 'menu', 'sales', 'end'], ['start', 'menu', 'billing']);
    expect(diff.index).toBe(2);
    expect(diff.original.map((c) => `${c.nodeId}:${c.state}`)).toEqual([
      'start:same',
      'menu:same',
      'sales:diverged',
      'end:after',
    ]);
    expect(diff.draft.map((c) => `${c.nodeId}:${c.state}`)).toEqual([
      'start:same',
      'menu:same',
      'billing:diverged',
    ]);
  });

  it('shows where a path ends early as its divergence', () => {
    const diff = pathDiff(['start', 'ask'], ['start', 'ask', 'agent']);
    expect(diff.original.at(-1)).toEqual({ nodeId: null, state: 'diverged' });
    expect(diff.draft.at(-1)).toEqual({ nodeId: 'agent', state: 'diverged' });
  });

  it('takes the server’s divergence point over its own', () => {
    const diff = pathDiff(['a', 'b', 'a', 'b'], ['a', 'b', 'a', 'c'], { index: 1 });
    expect(diff.index).toBe(1);
    expect(diff.draft.map((c) => c.state)).toEqual(['same', 'diverged', 'after', 'after']);
  });

  it('marks every node the same for an unchanged run', () => {
    const diff = pathDiff(['start', 'end'], ['start', 'end'], null);
    expect(diff.index).toBeNull();
    expect([...diff.original, ...diff.draft].every((c) => c.state === 'same')).toBe(true);
  });
});
