import type { FlowDocument, FlowEdgeDoc, FlowNodeDoc } from '../../api/types.ts';

const columns = 25;
const spacing = { x: 280, y: 180 };

/**
 * A valid flow of `n` nodes (n ≥ 2) for performance tests: a start, a chain of logic.set nodes
 * with a logic.split every fourth step (both its ports lead on), and an end, on a grid.
 */
export function generateLargeFlow(n: number): FlowDocument {
  const count = Math.max(2, Math.floor(n));
  const nodes: FlowNodeDoc[] = [];
  const edges: FlowEdgeDoc[] = [];
  const at = (i: number) => ({ x: (i % columns) * spacing.x, y: Math.floor(i / columns) * spacing.y });
  const link = (from: string, port: string, to: string) =>
    edges.push({ id: `e${edges.length + 1}`, from: { node: from, port }, to: { node: to } });

  nodes.push({ id: 'start', type: 'flow.start', version: 1, config: { trigger: 'api' }, position: at(0) });
  let previous = { id: 'start', ports: ['next'] };
  for (let i = 1; i < count - 1; i++) {
    const node: FlowNodeDoc =
      i % 4 === 0
        ? {
            id: `split${i}`,
            type: 'logic.split',
            version: 1,
            config: {
              branches: [
                {
                  id: 'even',
                  label: 'Even step',
                  match: 'all',
                  conditions: [{ left: '{{ vars.step }}', operator: 'equals', right: String(i - 1) }],
                },
              ],
            },
            position: at(i),
          }
        : {
            id: `set${i}`,
            type: 'logic.set',
            version: 1,
            config: { assignments: [{ name: 'step', value: i }] },
            position: at(i),
          };
    for (const port of previous.ports) link(previous.id, port, node.id);
    previous = { id: node.id, ports: node.type === 'logic.split' ? ['even', 'else'] : ['next'] };
    nodes.push(node);
  }
  nodes.push({ id: 'end', type: 'flow.end', version: 1, config: { output: {} }, position: at(count - 1) });
  for (const port of previous.ports) link(previous.id, port, 'end');

  return {
    schemaVersion: 1,
    name: `Generated flow (${count} nodes)`,
    description: 'A long chain of nodes for performance tests.',
    trigger: { node: 'start' },
    nodes,
    edges,
    variables: [{ name: 'step', type: 'number', default: 0 }],
  };
}
