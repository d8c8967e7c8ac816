import type { ElkExtendedEdge, ElkNode, ElkPort } from 'elkjs/lib/elk-api.js';
import type { FlowDocument, FlowNodeDoc } from '../../api/types.ts';
import { summaryHeightPx } from './node-geometry.ts';
import type { Point, Size } from './types.ts';

export interface LayoutOptions {
  /** Sizes React Flow measured; unmeasured nodes get an estimate from their port count. */
  sizes?: Readonly<Record<string, Size>>;
  /** Output ports of a node in drawing order, so ELK keeps branches in the order they are drawn. */
  portsOf?: (node: FlowNodeDoc) => readonly string[];
  /** Lines of content an unmeasured node's card shows (node-summary.ts), for its estimated height. */
  summaryLinesOf?: (node: FlowNodeDoc) => number;
}

const estimatedWidth = 224;
const headerHeight = 56;
const portRowHeight = 22;

/**
 * Left-to-right layered layout (ELK). ELK is ~1.5 MB, so it is loaded on first use rather than
 * with the canvas.
 */
export async function layoutFlow(
  doc: FlowDocument,
  options: LayoutOptions = {},
): Promise<Map<string, Point>> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const graph = toElkGraph(doc, options);
  const laidOut = await new ELK().layout(graph);
  const positions = new Map<string, Point>();
  for (const child of laidOut.children ?? []) {
    positions.set(child.id, { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) });
  }
  return positions;
}

function toElkGraph(doc: FlowDocument, { sizes = {}, portsOf, summaryLinesOf }: LayoutOptions): ElkNode {
  const nodeIds = new Set(doc.nodes.map((n) => n.id));
  const wiredPorts = new Map<string, string[]>();
  for (const edge of doc.edges) {
    const list = wiredPorts.get(edge.from.node) ?? [];
    list.push(edge.from.port);
    wiredPorts.set(edge.from.node, list);
  }
  const children: ElkNode[] = doc.nodes.map((node) => {
    const declared = portsOf?.(node) ?? [];
    // Edges may leave from ports the catalog no longer declares; ELK needs every port it is given.
    const ports = [...new Set([...declared, ...(wiredPorts.get(node.id) ?? [])])];
    const size = sizes[node.id] ?? {
      width: estimatedWidth,
      height:
        headerHeight +
        Math.max(ports.length, 1) * portRowHeight +
        summaryHeightPx(summaryLinesOf?.(node) ?? 0),
    };
    const elkPorts: ElkPort[] = [
      { id: inPort(node.id), layoutOptions: { 'elk.port.side': 'WEST' } },
      ...ports.map((port, index) => ({
        id: outPort(node.id, port),
        layoutOptions: { 'elk.port.side': 'EAST', 'elk.port.index': String(index) },
      })),
    ];
    return {
      id: node.id,
      width: size.width,
      height: size.height,
      ports: elkPorts,
      layoutOptions: { 'elk.portConstraints': 'FIXED_ORDER' },
    };
  });
  const edges: ElkExtendedEdge[] = doc.edges
    .filter((e) => nodeIds.has(e.from.node) && nodeIds.has(e.to.node))
    .map((e) => ({ id: e.id, sources: [outPort(e.from.node, e.from.port)], targets: [inPort(e.to.node)] }));
  return {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.layered.spacing.nodeNodeBetweenLayers': '80',
      'elk.spacing.nodeNode': '40',
      'elk.spacing.componentComponent': '80',
    },
    children,
    edges,
  };
}

const inPort = (node: string) => `${node}\u0000in`;
const outPort = (node: string, port: string) => `${node}\u0000out\u0000${port}`;
