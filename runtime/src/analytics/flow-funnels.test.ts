import { describe, expect, it } from 'vitest';
import { endNodesOf, flowFunnels } from './flow-funnels.ts';

const graph = {
  trigger: { node: 'start' },
  nodes: ['start', 'ask', 'retry', 'yes', 'no', 'orphan'].map((id) => ({ id, type: 't' })),
  edges: [
    { from: { node: 'start', port: 'next' }, to: { node: 'ask' } },
    { from: { node: 'ask', port: 'yes' }, to: { node: 'yes' } },
    { from: { node: 'ask', port: 'no' }, to: { node: 'no' } },
    { from: { node: 'ask', port: 'invalid' }, to: { node: 'retry' } },
    { from: { node: 'retry', port: 'next' }, to: { node: 'ask' } },
  ],
};

describe('funnels from the trigger to each end node', () => {
  it('counts each stage as the runs that reached it and every stage before, loops counted once', () => {
    const funnels = flowFunnels(graph, [
      { nodes: ['ask', 'start', 'yes'], runs: 6 },
      { nodes: ['ask', 'retry', 'start', 'yes'], runs: 2 },
      { nodes: ['ask', 'no', 'start'], runs: 3 },
      { nodes: ['ask', 'start'], runs: 4 },
      // A run that reached "no" without passing "ask" (another version's graph) is not in its funnel.
      { nodes: ['no', 'start'], runs: 1 },
    ]);
    expect(funnels).toEqual([
      {
        endNodeId: 'yes',
        stages: [
          { nodeId: 'start', runs: 16 },
          { nodeId: 'ask', runs: 15 },
          { nodeId: 'yes', runs: 8 },
        ],
      },
      {
        endNodeId: 'no',
        stages: [
          { nodeId: 'start', runs: 16 },
          { nodeId: 'ask', runs: 15 },
          { nodeId: 'no', runs: 3 },
        ],
      },
    ]);
  });

  it('leaves out end nodes the trigger cannot reach, and a graph without nodes', () => {
    expect(endNodesOf(graph)).toEqual(['yes', 'no', 'orphan']);
    expect(flowFunnels(graph, []).map((f) => f.endNodeId)).toEqual(['yes', 'no']);
    expect(flowFunnels({ nodes: [], edges: [] }, [])).toEqual([]);
  });
});
