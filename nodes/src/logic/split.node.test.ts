import { describe, expect, it } from 'vitest';
import { portsOf } from '../sdk/define-node.ts';
import { compileNode } from '../sdk/testing.ts';
import type { AnyNodeDefinition, TransitionJson } from '../sdk/types.ts';
import { logicSplit } from './split.node.ts';

const cond = (left: string, operator: string, right?: string) => ({
  left,
  operator,
  ...(right === undefined ? {} : { right }),
});

const twoBranches = {
  branches: [
    { id: 'sales', label: 'Sales', conditions: [cond('{{ input.digit }}', 'equals', '1')] },
    {
      id: 'support',
      match: 'any',
      conditions: [cond('{{ input.digit }}', 'equals', '2'), cond('{{ input.text }}', 'contains', 'help')],
    },
  ],
};

function issuesOf(config: unknown) {
  const result = logicSplit.config.safeParse(config);
  expect(result.success).toBe(false);
  return result.error!.issues;
}

describe('logic.split config', () => {
  it('fills label and match defaults', () => {
    const parsed = logicSplit.config.parse({ branches: [{ id: 'a', conditions: [cond('x', 'is_empty')] }] });
    expect(parsed.branches[0]).toEqual({
      id: 'a',
      label: '',
      match: 'all',
      conditions: [{ left: 'x', operator: 'is_empty' }],
    });
  });

  it('rejects duplicate branch ids', () => {
    const issues = issuesOf({
      branches: [
        { id: 'a', conditions: [cond('x', 'is_empty')] },
        { id: 'a', conditions: [cond('y', 'is_empty')] },
      ],
    });
    expect(issues.map((i) => i.message)).toContain('Branch ids must be unique');
    expect(issues[0]?.path).toEqual(['branches']);
  });

  it('rejects the branch id "else", which is the fallback port', () => {
    const issues = issuesOf({ branches: [{ id: 'else', conditions: [cond('x', 'is_empty')] }] });
    expect(issues[0]?.path).toEqual(['branches', 0, 'id']);
    expect(issues[0]?.message).toMatch(/"else" is reserved/);
  });

  it.each(['has space', 'a.b', ''])('rejects the branch id %j', (id) => {
    const issues = issuesOf({ branches: [{ id, conditions: [cond('x', 'is_empty')] }] });
    expect(issues[0]?.path).toEqual(['branches', 0, 'id']);
    expect(issues[0]?.message).toMatch(/letters, digits, - and _/);
  });

  it('needs at least one branch', () => {
    expect(issuesOf({ branches: [] })[0]?.message).toBe('Add at least one branch');
  });

  it('needs at least one condition per branch', () => {
    const issues = issuesOf({ branches: [{ id: 'a', conditions: [] }] });
    expect(issues[0]?.path).toEqual(['branches', 0, 'conditions']);
    expect(issues[0]?.message).toBe('A branch needs at least one condition');
  });

  it('rejects an unknown operator and an unknown match mode', () => {
    expect(issuesOf({ branches: [{ id: 'a', conditions: [cond('x', 'like', 'y')] }] })[0]?.path).toEqual([
      'branches',
      0,
      'conditions',
      0,
      'operator',
    ]);
    expect(
      issuesOf({ branches: [{ id: 'a', match: 'most', conditions: [cond('x', 'is_empty')] }] })[0]?.path,
    ).toEqual(['branches', 0, 'match']);
  });
});

describe('logic.split ports', () => {
  it('has one port per branch id, in order, then else', () => {
    const config = logicSplit.config.parse(twoBranches);
    expect(portsOf(logicSplit as AnyNodeDefinition, config)).toEqual(['sales', 'support', 'else']);
  });
});

describe('logic.split compile', () => {
  const fragment = compileNode(logicSplit, twoBranches, { sales: 'salesQueue', else: 'menu' }, 'router');
  const transitions = fragment.always as TransitionJson[];

  it('tries each branch in order with a matches guard, then falls back to else', () => {
    expect(transitions).toHaveLength(3);
    expect(transitions[0]?.guard).toEqual({
      type: 'matches',
      params: { match: 'all', conditions: [{ left: '{{ input.digit }}', operator: 'equals', right: '1' }] },
    });
    expect(transitions[1]?.guard).toEqual({
      type: 'matches',
      params: { match: 'any', conditions: twoBranches.branches[1]!.conditions },
    });
    expect(transitions[2]?.guard).toBeUndefined();
  });

  it('follows the wiring; an unwired branch completes the run', () => {
    expect(transitions.map((t) => t.target)).toEqual(['salesQueue', '__completed', 'menu']);
  });

  it('records the chosen branch and leaves through its port', () => {
    expect(transitions.map((t) => t.actions)).toEqual(
      ['sales', 'support', 'else'].map((port) => [
        { type: 'setNodeOutput', params: { nodeId: 'router', output: { branch: port } } },
        { type: 'leaveNode', params: { nodeId: 'router', port } },
      ]),
    );
  });
});
