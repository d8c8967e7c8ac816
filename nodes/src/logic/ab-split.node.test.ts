import { describe, expect, it } from 'vitest';
import { portsOf } from '../sdk/define-node.ts';
import { compileNode, runFragment, testScope } from '../sdk/testing.ts';
import type { AnyNodeDefinition, TransitionJson } from '../sdk/types.ts';
import { logicAbSplit } from './ab-split.node.ts';
import { splitBucket } from './ab-split.instructions.ts';

const thirtySeventy = {
  branches: [
    { id: 'short', label: 'Short text', share: 30 },
    { id: 'long', label: 'Long text', share: 70 },
  ],
};

function issuesOf(config: unknown) {
  const result = logicAbSplit.config.safeParse(config);
  expect(result.success).toBe(false);
  return result.error!.issues;
}

describe('logic.ab-split config', () => {
  it('fills the label and an empty "same branch for"', () => {
    const parsed = logicAbSplit.config.parse({
      branches: [
        { id: 'a', share: 50 },
        { id: 'b', share: 50 },
      ],
    });
    expect(parsed).toEqual({
      branches: [
        { id: 'a', label: '', share: 50 },
        { id: 'b', label: '', share: 50 },
      ],
      by: '',
    });
  });

  it('refuses shares that do not add up to 100, saying the sum', () => {
    const issues = issuesOf({
      branches: [
        { id: 'a', share: 50 },
        { id: 'b', share: 40 },
      ],
    });
    expect(issues[0]).toMatchObject({
      path: ['branches'],
      message: 'The shares add up to 90 %: make them add up to 100 %',
    });
  });

  it('needs at least two branches', () => {
    expect(issuesOf({ branches: [{ id: 'a', share: 100 }] }).map((i) => i.message)).toContain(
      'Add at least two branches',
    );
  });

  it('rejects duplicate ids, a bad id and a share of 0 or a fraction', () => {
    expect(
      issuesOf({
        branches: [
          { id: 'a', share: 50 },
          { id: 'a', share: 50 },
        ],
      })[0]?.message,
    ).toBe('Branch ids must be unique');
    expect(
      issuesOf({
        branches: [
          { id: 'a b', share: 50 },
          { id: 'c', share: 50 },
        ],
      })[0]?.path,
    ).toEqual(['branches', 0, 'id']);
    expect(
      issuesOf({
        branches: [
          { id: 'a', share: 0 },
          { id: 'b', share: 100 },
        ],
      }).map((i) => i.path.join('.')),
    ).toContain('branches.0.share');
    expect(
      issuesOf({
        branches: [
          { id: 'a', share: 50.5 },
          { id: 'b', share: 49.5 },
        ],
      })[0]?.message,
    ).toBe('A share is a whole percentage');
  });
});

describe('logic.ab-split ports and compile', () => {
  it('has one port per branch, in order', () => {
    const config = logicAbSplit.config.parse(thirtySeventy);
    expect(portsOf(logicAbSplit as AnyNodeDefinition, config)).toEqual(['short', 'long']);
  });

  it('guards each branch but the last by the cumulative share, and records the branch', () => {
    const fragment = compileNode(logicAbSplit, thirtySeventy, { short: 'smsShort', long: 'smsLong' }, 'ab');
    const transitions = fragment.always as TransitionJson[];
    expect(transitions.map((t) => t.guard)).toEqual([
      { type: 'abBucketBelow', params: { nodeId: 'ab', upTo: 30, by: '' } },
      undefined,
    ]);
    expect(transitions.map((t) => t.target)).toEqual(['smsShort', 'smsLong']);
    expect(transitions[1]?.actions).toEqual([
      { type: 'setNodeOutput', params: { nodeId: 'ab', output: { branch: 'long' } } },
      { type: 'leaveNode', params: { nodeId: 'ab', port: 'long' } },
    ]);
  });
});

describe('logic.ab-split behaviour', () => {
  const three = {
    branches: [
      { id: 'a', share: 20 },
      { id: 'b', share: 30 },
      { id: 'c', share: 50 },
    ],
  };

  it('splits runs without a known person by their run id, near the shares', () => {
    const counts: Record<string, number> = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 1000; i++) {
      const run = runFragment(logicAbSplit, three, { id: 'ab', run: { id: `run-${i}` } });
      counts[run.port!]!++;
      expect(run.output).toEqual({ branch: run.port });
    }
    expect(counts.a! / 1000).toBeGreaterThan(0.16);
    expect(counts.a! / 1000).toBeLessThan(0.24);
    expect(counts.b! / 1000).toBeGreaterThan(0.26);
    expect(counts.b! / 1000).toBeLessThan(0.34);
    expect(counts.c! / 1000).toBeGreaterThan(0.46);
    expect(counts.c! / 1000).toBeLessThan(0.54);
  });

  it('sends the same person down the same branch in every run', () => {
    const ports = new Set(
      Array.from(
        { length: 20 },
        (_, i) =>
          runFragment(logicAbSplit, three, {
            id: 'ab',
            input: { phone: '+51911222333' },
            run: { id: `run-${i}` },
          }).port,
      ),
    );
    expect(ports.size).toBe(1);
  });

  it('decides the same on replay: the same run lands in the same branch', () => {
    const first = runFragment(logicAbSplit, three, { id: 'ab', run: { id: 'run-42' } }).port;
    for (let i = 0; i < 5; i++)
      expect(runFragment(logicAbSplit, three, { id: 'ab', run: { id: 'run-42' } }).port).toBe(first);
  });

  it('splits by the "same branch for" template when given', () => {
    const scope = (customer: string, run: string) =>
      testScope({ input: { order: { customer } }, run: { ...testScope().run, id: run } });
    expect(splitBucket(scope('C-1', 'r1'), 'ab', '{{ input.order.customer }}')).toBe(
      splitBucket(scope('C-1', 'r2'), 'ab', '{{ input.order.customer }}'),
    );
    // An empty rendering falls back to the run.
    expect(splitBucket(scope('', 'r1'), 'ab', '{{ input.order.customer }}')).toBe(
      splitBucket(scope('', 'r1'), 'ab', ''),
    );
  });

  it('splits independently at two nodes of one flow', () => {
    const people = Array.from({ length: 400 }, (_, i) =>
      testScope({ input: { email: `p${i}@example.test` } }),
    );
    const together = people.filter(
      (p) => splitBucket(p, 'first', '') < 50 && splitBucket(p, 'second', '') < 50,
    ).length;
    // Independent halves meet about a quarter of the time, not half.
    expect(together / people.length).toBeGreaterThan(0.18);
    expect(together / people.length).toBeLessThan(0.32);
  });
});
