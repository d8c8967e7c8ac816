import type { FlowDocument } from '../../api/types.ts';
import type { PortConnection } from './types.ts';

export type ConnectionProblem =
  'no-port' | 'unknown-node' | 'self-loop' | 'into-trigger' | 'port-taken' | 'unknown-port';

/**
 * Why a connection may not be drawn, or null when it may. The same rules as the server's
 * validator (EDGE_TO_TRIGGER, PORT_MULTIPLE_EDGES, EDGE_UNKNOWN_PORT), refused up front so the
 * designer never draws an edge that publishing would reject. Self-loops are refused too: a node
 * that leads to itself spins unless it waits, and a loop through a wait is drawn via other nodes.
 * `sourcePorts` is the source node's port list when the caller knows it (the canvas does).
 */
export function connectionProblem(
  doc: FlowDocument,
  connection: PortConnection,
  sourcePorts?: readonly string[],
): ConnectionProblem | null {
  const { source, sourceHandle: port, target } = connection;
  if (!port) return 'no-port';
  let sourceFound = false;
  let targetFound = false;
  for (const node of doc.nodes) {
    if (node.id === source) sourceFound = true;
    if (node.id === target) targetFound = true;
  }
  if (!sourceFound || !targetFound) return 'unknown-node';
  if (source === target) return 'self-loop';
  if (doc.trigger?.node === target) return 'into-trigger';
  if (sourcePorts && !sourcePorts.includes(port)) return 'unknown-port';
  if (doc.edges.some((e) => e.from.node === source && e.from.port === port)) return 'port-taken';
  return null;
}
