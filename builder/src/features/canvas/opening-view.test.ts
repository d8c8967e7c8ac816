import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../api/types.ts';
import { openingView, openingViewport, openWholeUpTo } from './opening-view.ts';

/** A chain n0 → n1 → … with a side branch from n0 to s0 → s1 → …, trigger at n0. */
function chain(length: number, side = 0): Pick<FlowDocument, 'nodes' | 'edges' | 'trigger'> {
  const ids = [
    ...Array.from({ length }, (_, i) => `n${i}`),
    ...Array.from({ length: side }, (_, i) => `s${i}`),
  ];
  const edge = (from: string, to: string) => ({
    id: `${from}-${to}`,
    from: { node: from, port: 'next' },
    to: { node: to },
  });
  return {
    trigger: { node: 'n0' },
    nodes: ids.map((id) => ({ id, type: 'core.wait', version: 1, config: {}, position: { x: 0, y: 0 } })),
    edges: [
      ...Array.from({ length: length - 1 }, (_, i) => edge(`n${i}`, `n${i + 1}`)),
      ...(side > 0 ? [edge('n0', 's0')] : []),
      ...Array.from({ length: Math.max(side - 1, 0) }, (_, i) => edge(`s${i}`, `s${i + 1}`)),
    ],
  };
}

describe('openingView', () => {
  it('shows a flow that can be read whole, whole', () => {
    expect(openingView(chain(openWholeUpTo))).toBeNull();
  });
  it('opens a big flow on its trigger and the nodes nearest after it, breadth first', () => {
    const view = openingView(chain(300, 200))!;
    expect(view[0]).toBe('n0');
    expect(view).toHaveLength(24);
    // Both branches of the first split are in view, not 23 nodes down one of them.
    expect(view).toContain('s10');
    expect(view).toContain('n10');
    expect(view).not.toContain('n13');
  });
  it('starts from the first node when the flow has no trigger yet', () => {
    const doc = { ...chain(150), trigger: undefined };
    expect(openingView(doc)?.[0]).toBe('n0');
  });
});

describe('openingViewport', () => {
  const pane = { width: 1000, height: 600 };
  it('centres opening nodes that fit, never zooming in past 100 %', () => {
    const view = openingViewport({ x: 0, y: 0, width: 400, height: 200 }, { x: 0, y: 0 }, pane);
    expect(view).toEqual({ x: 300, y: 200, zoom: 1 });
  });
  it('keeps a readable zoom and puts the start near the top-left when they do not fit', () => {
    const view = openingViewport({ x: 0, y: 0, width: 5600, height: 300 }, { x: 0, y: 0 }, pane);
    expect(view.zoom).toBe(0.6);
    expect(view.x).toBe(40);
    // The height fits at that zoom, so it is centred.
    expect(view.y).toBeCloseTo((600 - 300 * 0.6) / 2);
  });
});
