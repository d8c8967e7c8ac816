import { describe, expect, it } from 'vitest';
import { stepForNode } from './step-for-node.ts';
import { testStep } from './test-runs.ts';

const loop = [
  testStep({ seq: 1, nodeId: 'start' }),
  testStep({ seq: 2, nodeId: 'ask' }),
  testStep({ seq: 3, nodeId: 'call' }),
  testStep({ seq: 4, nodeId: 'ask' }),
];

describe('stepForNode', () => {
  it('picks the latest visit of the node', () => {
    expect(stepForNode(loop, 'ask', 1)).toBe(4);
    expect(stepForNode(loop, 'ask', null)).toBe(4);
  });

  it('keeps the chosen visit when it is already on that node', () => {
    expect(stepForNode(loop, 'ask', 2)).toBe(2);
  });

  it('finds nothing for a node the run never reached', () => {
    expect(stepForNode(loop, 'done', 3)).toBeNull();
  });
});
