import { describe, expect, it } from 'vitest';
import { callPath } from './call-path.ts';

const at = (ms: number) => new Date(Date.UTC(2026, 0, 1, 10, 0, 0, ms));
const steps = [
  { seq: 2, nodeId: 'menu', enteredAt: at(500) },
  { seq: 1, nodeId: 'call', enteredAt: at(0) },
  { seq: 3, nodeId: 'pin', enteredAt: at(4000) },
];

describe('callPath', () => {
  it('lists the nodes in step order and credits keys to the step running when they came', () => {
    const keys = [
      { key: '9', at: at(1000) },
      { key: '2', at: at(2000) },
      { key: '1', at: at(4100) },
      { key: '2', at: at(4200) },
      { key: '#', at: at(4300) },
    ];
    expect(callPath(steps, keys)).toEqual({
      path: ['call', 'menu', 'pin'],
      digits: [
        { nodeId: 'menu', digits: '92', at: at(1000).toISOString() },
        { nodeId: 'pin', digits: '12#', at: at(4100).toISOString() },
      ],
    });
  });

  it('keeps a node visited twice as two entries in path and digits', () => {
    const again = [...steps, { seq: 4, nodeId: 'menu', enteredAt: at(6000) }];
    const keys = [
      { key: '1', at: at(1000) },
      { key: '3', at: at(7000) },
    ];
    const result = callPath(again, keys);
    expect(result.path).toEqual(['call', 'menu', 'pin', 'menu']);
    expect(result.digits.map((d) => [d.nodeId, d.digits])).toEqual([
      ['menu', '1'],
      ['menu', '3'],
    ]);
  });

  it('answers an empty path and no digits for a run with no steps', () => {
    expect(callPath([], [{ key: '1', at: at(0) }])).toEqual({ path: [], digits: [] });
  });
});
