import { describe, expect, it } from 'vitest';
import { generateLargeFlow } from './generate-large-flow.ts';
import { nodePorts } from './node-ports.ts';
import { entryOf } from './test-catalog.ts';

describe('generateLargeFlow', () => {
  const flow = generateLargeFlow(500);

  it('makes exactly n nodes with distinct ids and grid positions', () => {
    expect(flow.nodes).toHaveLength(500);
    expect(new Set(flow.nodes.map((n) => n.id)).size).toBe(500);
    expect(new Set(flow.nodes.map((n) => `${n.position.x},${n.position.y}`)).size).toBe(500);
    expect(flow.nodes.filter((n) => n.type === 'logic.split').length).toBeGreaterThan(100);
  });

  it('wires declared ports only, one edge each, reaching every node from the start', () => {
    const byId = new Map(flow.nodes.map((n) => [n.id, n]));
    const used = new Set<string>();
    const next = new Map<string, string[]>();
    for (const edge of flow.edges) {
      const from = byId.get(edge.from.node)!;
      expect(nodePorts(entryOf(from.type), from.config)).toContain(edge.from.port);
      expect(byId.has(edge.to.node)).toBe(true);
      const key = `${edge.from.node}:${edge.from.port}`;
      expect(used.has(key)).toBe(false);
      used.add(key);
      next.set(edge.from.node, [...(next.get(edge.from.node) ?? []), edge.to.node]);
    }
    const seen = new Set(['start']);
    const queue = ['start'];
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      for (const to of next.get(id) ?? []) {
        if (seen.has(to)) continue;
        seen.add(to);
        queue.push(to);
      }
    }
    expect(seen.size).toBe(500);
    expect(flow.trigger).toEqual({ node: 'start' });
  });
});
