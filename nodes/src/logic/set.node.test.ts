import { describe, expect, it } from 'vitest';
import { compileNode } from '../sdk/testing.ts';
import { logicSet } from './set.node.ts';

describe('logic.set config', () => {
  it('accepts template and JSON values', () => {
    const assignments = [
      { name: 'amount', value: '{{ input.amount }}' },
      { name: '_flags', value: { vip: true, tags: ['a'] } },
      { name: 'count', value: 3 },
      { name: 'nothing', value: null },
    ];
    expect(logicSet.config.parse({ assignments })).toEqual({ assignments });
  });

  it('needs at least one assignment', () => {
    const result = logicSet.config.safeParse({ assignments: [] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Add at least one assignment');
  });

  it('needs the assignments list', () => {
    const result = logicSet.config.safeParse({});
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['assignments']);
  });

  it.each(['1st', 'first name', 'a-b', ''])('rejects the variable name %j with an explanation', (name) => {
    const result = logicSet.config.safeParse({ assignments: [{ name, value: 'x' }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['assignments', 0, 'name']);
    expect(result.error?.issues[0]?.message).toMatch(/starts with a letter or _/);
  });

  it('rejects an assignment without a value', () => {
    const result = logicSet.config.safeParse({ assignments: [{ name: 'x' }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['assignments', 0, 'value']);
  });
});

describe('logic.set compile', () => {
  const assignments = [
    { name: 'a', value: '{{ input.a }}' },
    { name: 'b', value: { nested: [1, 2] } },
  ];

  it('sets the variables and leaves through "next" to the wired node', () => {
    const fragment = compileNode(logicSet, { assignments }, { next: 'after' }, 'set1');
    expect(fragment).toEqual({
      always: {
        target: 'after',
        actions: [
          { type: 'setVars', params: { nodeId: 'set1', assignments } },
          { type: 'leaveNode', params: { nodeId: 'set1', port: 'next' } },
        ],
      },
    });
  });

  it('completes the run when "next" is not wired', () => {
    expect(compileNode(logicSet, { assignments }).always).toMatchObject({ target: '__completed' });
  });
});
