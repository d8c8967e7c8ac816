import type { FlowDocument, FlowEdgeDoc, FlowNodeDoc } from '../../api/types.ts';
import { nextEdgeId, nextNodeId } from './node-id.ts';

/** Copied nodes with the edges among them; kept in the store, not the system clipboard. */
export interface Clipboard {
  nodes: FlowNodeDoc[];
  edges: FlowEdgeDoc[];
  /** Id (in `nodes`) of the copied trigger node, if the flow's trigger was copied. */
  triggerNode: string | undefined;
}

/** Copies the given nodes and every edge whose two ends are among them; null when none exist. */
export function copyElements(doc: FlowDocument, nodeIds: Iterable<string>): Clipboard | null {
  const ids = new Set(nodeIds);
  const nodes = doc.nodes.filter((n) => ids.has(n.id));
  if (nodes.length === 0) return null;
  const edges = doc.edges.filter((e) => ids.has(e.from.node) && ids.has(e.to.node));
  const trigger = doc.trigger?.node;
  return {
    nodes: structuredClone(nodes),
    edges: structuredClone(edges),
    triggerNode: trigger !== undefined && ids.has(trigger) ? trigger : undefined,
  };
}

export interface PasteResult {
  doc: FlowDocument;
  /** Ids of the new nodes. */
  pasted: string[];
  /** The clipboard moved by the offset, so pasting again cascades instead of stacking. */
  clipboard: Clipboard;
}

/**
 * Pastes copies with fresh ids, moved by `offset`, edges remapped to the copies. A copied trigger
 * is left out when the flow already has one (a flow has exactly one trigger).
 */
export function pasteElements(doc: FlowDocument, clipboard: Clipboard, offset = 40): PasteResult {
  const takenNodes = new Set(doc.nodes.map((n) => n.id));
  const takenEdges = new Set(doc.edges.map((e) => e.id));
  const copiedTrigger = clipboard.nodes.find((n) => n.id === clipboard.triggerNode);
  const hasTrigger =
    (doc.trigger !== undefined && takenNodes.has(doc.trigger.node)) ||
    (copiedTrigger !== undefined && doc.nodes.some((n) => n.type === copiedTrigger.type));
  const idMap = new Map<string, string>();
  const nodes: FlowNodeDoc[] = [];
  for (const node of clipboard.nodes) {
    if (node.id === clipboard.triggerNode && hasTrigger) continue;
    const id = nextNodeId(node.type, takenNodes);
    takenNodes.add(id);
    idMap.set(node.id, id);
    nodes.push({
      ...structuredClone(node),
      id,
      position: { x: node.position.x + offset, y: node.position.y + offset },
    });
  }
  const edges: FlowEdgeDoc[] = [];
  for (const edge of clipboard.edges) {
    const from = idMap.get(edge.from.node);
    const to = idMap.get(edge.to.node);
    if (from === undefined || to === undefined) continue;
    const id = nextEdgeId(takenEdges);
    takenEdges.add(id);
    edges.push({ id, from: { node: from, port: edge.from.port }, to: { node: to } });
  }
  const pastedTrigger = clipboard.triggerNode === undefined ? undefined : idMap.get(clipboard.triggerNode);
  return {
    doc: {
      ...doc,
      nodes: [...doc.nodes, ...nodes],
      edges: [...doc.edges, ...edges],
      ...(pastedTrigger === undefined ? {} : { trigger: { node: pastedTrigger } }),
    },
    pasted: nodes.map((n) => n.id),
    clipboard: {
      ...clipboard,
      nodes: clipboard.nodes.map((n) => ({
        ...n,
        position: { x: n.position.x + offset, y: n.position.y + offset },
      })),
    },
  };
}
