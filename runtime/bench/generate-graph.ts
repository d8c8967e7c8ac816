/**
 * A flow of `size` nodes: start, a chain of set → split → join groups whose split branches
 * rejoin, and one end node. Shaped like a big real flow: all reachable, no busy loops.
 */
export function generateGraph(size: number) {
  const nodes: object[] = [{ id: 'start', type: 'flow.start', config: {} }];
  const edges: object[] = [];
  const edge = (from: string, port: string, to: string) =>
    edges.push({ id: `e${edges.length}`, from: { node: from, port }, to: { node: to } });
  let previous = 'start';
  for (let i = 0; nodes.length < size - 1; i++) {
    const set = `set${i}`;
    nodes.push({
      id: set,
      type: 'logic.set',
      config: { assignments: [{ name: `v${i}`, value: `{{ input.n | plus: ${i} }}` }] },
    });
    edge(previous, 'next', set);
    previous = set;
    if (nodes.length + 2 > size - 1) continue;
    const split = `split${i}`;
    const join = `join${i}`;
    nodes.push({
      id: split,
      type: 'logic.split',
      config: {
        branches: [
          {
            id: 'big',
            match: 'all',
            conditions: [{ left: `{{ vars.v${i} }}`, operator: 'gt', right: '10' }],
          },
        ],
      },
    });
    nodes.push({ id: join, type: 'logic.set', config: { assignments: [{ name: 'joined', value: 'yes' }] } });
    edge(set, 'next', split);
    edge(split, 'big', join);
    edge(split, 'else', join);
    previous = join;
  }
  nodes.push({ id: 'end', type: 'flow.end', config: { output: { n: '{{ input.n }}' } } });
  edge(previous, 'next', 'end');
  // A grid of 20 columns, so the canvas has something to draw where a designer would put it.
  const placed = nodes.map((node, i) => ({
    ...node,
    position: { x: (i % 20) * 280, y: Math.floor(i / 20) * 160 },
  }));
  return { name: `Generated ${size}`, nodes: placed, edges };
}
