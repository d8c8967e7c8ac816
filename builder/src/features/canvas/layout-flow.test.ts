import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../api/types.ts';
import { layoutFlow } from './layout-flow.ts';

// Three say nodes after a menu land in one column: their estimated heights must count the lines
// of content their cards show, or "Arrange" stacks them over each other.
const say = (id: string) => ({ id, type: 'voice.say', version: 1, config: {}, position: { x: 0, y: 0 } });
const doc: FlowDocument = {
  schemaVersion: 1,
  name: 'Column',
  description: '',
  trigger: { node: 'menu' },
  nodes: [{ ...say('menu'), type: 'voice.menu' }, say('a'), say('b'), say('c')],
  edges: ['a', 'b', 'c'].map((id) => ({ id: `e-${id}`, from: { node: 'menu', port: id }, to: { node: id } })),
  variables: [],
};

describe('layoutFlow', () => {
  it('leaves room for the content lines of unmeasured cards', async () => {
    const lines = 4;
    const positions = await layoutFlow(doc, {
      portsOf: (node) => (node.id === 'menu' ? ['a', 'b', 'c'] : ['next']),
      summaryLinesOf: () => lines,
    });
    const ys = ['a', 'b', 'c'].map((id) => positions.get(id)!.y).sort((p, q) => p - q);
    const height = 56 + 22 + lines * 16 + 8;
    expect(ys[1]! - ys[0]!).toBeGreaterThanOrEqual(height);
    expect(ys[2]! - ys[1]!).toBeGreaterThanOrEqual(height);
  });

  it('without content lines, packs the cards as before', async () => {
    const positions = await layoutFlow(doc, {
      portsOf: (node) => (node.id === 'menu' ? ['a', 'b', 'c'] : ['next']),
    });
    const ys = ['a', 'b', 'c'].map((id) => positions.get(id)!.y).sort((p, q) => p - q);
    expect(ys[1]! - ys[0]!).toBeLessThan(56 + 22 + 4 * 16 + 8);
  });
});
