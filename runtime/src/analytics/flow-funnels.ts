/** The parts of a flow's graph the funnels need (a published version's graph has more). */
export interface FunnelGraph {
  trigger?: { node: string } | undefined;
  nodes: { id: string; type: string }[];
  edges: { from: { node: string; port: string }; to: { node: string } }[];
}

/** How many runs visited exactly this set of nodes (each run counted once, whatever its loops). */
export interface VisitedSet {
  nodes: string[];
  runs: number;
}

export interface FunnelStage {
  nodeId: string;
  /** Runs that entered this node and every stage before it. */
  runs: number;
}

export interface Funnel {
  endNodeId: string;
  stages: FunnelStage[];
}

/** The node runs start at: the declared trigger, else the first node (as the runtime does). */
export function triggerNodeOf(graph: FunnelGraph): string | undefined {
  return (graph.nodes.find((n) => n.id === graph.trigger?.node) ?? graph.nodes[0])?.id;
}

/** Nodes with no way out: where a run that gets there ends. */
export function endNodesOf(graph: FunnelGraph): string[] {
  const leaving = new Set(graph.edges.map((e) => e.from.node));
  return graph.nodes.filter((n) => !leaving.has(n.id)).map((n) => n.id);
}

/** The shortest way from `from` to every node it reaches (breadth first, edges in graph order). */
function shortestPaths(graph: FunnelGraph, from: string): Map<string, string[]> {
  const paths = new Map<string, string[]>([[from, [from]]]);
  const queue = [from];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const edge of graph.edges) {
      if (edge.from.node !== node || paths.has(edge.to.node)) continue;
      paths.set(edge.to.node, [...paths.get(node)!, edge.to.node]);
      queue.push(edge.to.node);
    }
  }
  return paths;
}

/**
 * One funnel per end node: its stages are the nodes on the shortest way from the trigger to it,
 * and a stage counts the runs that entered that node AND every stage before it, so each stage is
 * at most the one before. An end node the trigger cannot reach has no funnel.
 */
export function flowFunnels(graph: FunnelGraph, visited: VisitedSet[]): Funnel[] {
  const trigger = triggerNodeOf(graph);
  if (trigger === undefined) return [];
  const paths = shortestPaths(graph, trigger);
  const sets = visited.map((v) => ({ nodes: new Set(v.nodes), runs: v.runs }));
  return endNodesOf(graph).flatMap((endNodeId) => {
    const path = paths.get(endNodeId);
    if (!path) return [];
    return [
      {
        endNodeId,
        stages: path.map((nodeId, i) => ({
          nodeId,
          runs: sets
            .filter((set) => path.slice(0, i + 1).every((stage) => set.nodes.has(stage)))
            .reduce((sum, set) => sum + set.runs, 0),
        })),
      },
    ];
  });
}
