import { describe, expect, it } from 'vitest';
import { edgesAlong, pathHighlight, runHighlight } from './path-highlight.ts';
import { orderGraph, testRun, testStep } from './test-runs.ts';

describe('edgesAlong', () => {
  it('finds the edge between each pair of consecutive nodes, none where the graph has none', () => {
    expect(edgesAlong(orderGraph, ['start', 'call', 'done'])).toEqual(['e1', 'e4']);
    expect(edgesAlong(orderGraph, ['start', 'ask', 'done'])).toEqual(['e3']);
    expect(pathHighlight(orderGraph, ['start', 'call', 'start', 'call'])).toEqual({
      nodes: ['start', 'call'],
      edges: ['e1'],
    });
  });
});

describe('runHighlight', () => {
  it('lights the steps taken and marks the node a live run is at', () => {
    expect(runHighlight(testRun())).toEqual({
      nodes: ['start', 'call', 'ask'],
      edges: ['e1', 'e2'],
      failed: [],
      current: ['ask'],
    });
  });

  it('marks the failed node of a failed run, and no current node', () => {
    const run = testRun({
      status: 'failed',
      failedNodeId: 'call',
      currentNodes: ['call'],
      steps: [testStep({ seq: 1, nodeId: 'start' }), testStep({ seq: 2, nodeId: 'call', port: null })],
    });
    expect(runHighlight(run)).toMatchObject({ failed: ['call'], current: [], edges: ['e1'] });
  });

  it('falls back to the error’s node when the run names no failed node', () => {
    const run = testRun({ status: 'failed', error: { message: 'boom', nodeId: 'ask' } });
    expect(runHighlight(run).failed).toEqual(['ask']);
  });

  it('draws an expired run from its summary path', () => {
    const run = testRun({
      status: 'completed',
      detailsExpired: true,
      steps: [],
      events: [],
      summary: { stepCount: 4, path: ['start', 'call', 'ask', 'done'], lastNodeId: 'done' },
    });
    expect(runHighlight(run)).toEqual({
      nodes: ['start', 'call', 'ask', 'done'],
      edges: ['e1', 'e2', 'e3'],
      failed: [],
      current: [],
    });
  });
});
