import { MarkerType } from '@xyflow/react';
import type {
  CatalogEntry,
  FlowDocument,
  FlowEdgeDoc,
  FlowNodeDoc,
  ValidationIssue,
} from '../../api/types.ts';
import { nodeHandles, nodeSize } from './node-geometry.ts';
import { nodePorts } from './node-ports.ts';
import { nodeSummary } from './node-summary.ts';
import type { CanvasEdge, CanvasNode, NodeBadges, PortView, RunHighlight, RunMark, Size } from './types.ts';

export interface NodeInputs {
  doc: FlowDocument;
  catalog: readonly CatalogEntry[];
  issues: readonly ValidationIssue[];
  highlight: RunHighlight | undefined;
  selected: readonly string[];
  sizes: Readonly<Record<string, Size>>;
  badges?: NodeBadges | undefined;
}

export interface EdgeInputs {
  edges: readonly FlowEdgeDoc[];
  issues: readonly ValidationIssue[];
  highlight: RunHighlight | undefined;
  selected: readonly string[];
  /** Localized accessible name of an edge; a new function (language change) rebuilds every edge. */
  describeEdge: (edge: FlowEdgeDoc) => string;
}

interface Cached<T> {
  deps: readonly unknown[];
  value: T;
}

/**
 * Turns the flow document into React Flow nodes and edges, reusing the previous object of every
 * element whose inputs did not change. React Flow skips unchanged node objects and `FlowNode` is
 * memoised, so dragging one node of 500 re-renders one node, not 500.
 */
export function createElementConverter() {
  let nodeCache = new Map<string, Cached<CanvasNode>>();
  let edgeCache = new Map<string, Cached<CanvasEdge>>();

  function toNodes(input: NodeInputs): CanvasNode[] {
    const entries = new Map(input.catalog.map((c) => [`${c.type}@${c.version}`, c]));
    const wired = wiredPorts(input.doc);
    const issues = issuesByNode(input.issues);
    const selected = new Set(input.selected);
    const lit = new Set(input.highlight?.nodes ?? []);
    const failed = new Set(input.highlight?.failed ?? []);
    const current = new Set(input.highlight?.current ?? []);
    const markOf = (id: string): RunMark | null =>
      failed.has(id) ? 'failed' : current.has(id) ? 'current' : null;
    const trigger = input.doc.trigger?.node;
    const next = new Map<string, Cached<CanvasNode>>();
    const nodes = input.doc.nodes.map((doc) => {
      const entry = entries.get(`${doc.type}@${doc.version}`);
      const nodeWired = wired.get(doc.id);
      const nodeIssues = issues.get(doc.id);
      const deps = [
        doc,
        entry,
        nodeWired ? [...nodeWired].join('\u0000') : '',
        nodeIssues ? nodeIssues.map((i) => `${i.severity}:${i.message}`).join('\u0000') : '',
        selected.has(doc.id),
        lit.has(doc.id),
        doc.id === trigger,
        input.sizes[doc.id],
        markOf(doc.id),
        input.badges?.[doc.id] ?? 0,
      ];
      const cached = nodeCache.get(doc.id);
      const value =
        cached && sameDeps(cached.deps, deps)
          ? cached.value
          : toNode(doc, entry, {
              wired: nodeWired,
              issues: nodeIssues ?? [],
              selected: selected.has(doc.id),
              highlighted: lit.has(doc.id),
              trigger: doc.id === trigger || entry?.trigger === true,
              size: input.sizes[doc.id],
              runMark: markOf(doc.id),
              inflight: input.badges?.[doc.id] ?? 0,
            });
      next.set(doc.id, { deps, value });
      return value;
    });
    nodeCache = next;
    return nodes;
  }

  function toEdges(input: EdgeInputs): CanvasEdge[] {
    const withIssues = new Set(input.issues.filter((i) => i.edgeId !== undefined).map((i) => i.edgeId));
    const selected = new Set(input.selected);
    const lit = new Set(input.highlight?.edges ?? []);
    const next = new Map<string, Cached<CanvasEdge>>();
    const edges = input.edges.map((doc) => {
      const state: EdgeState = withIssues.has(doc.id) ? 'invalid' : lit.has(doc.id) ? 'highlighted' : 'plain';
      const deps = [doc, state, selected.has(doc.id), input.describeEdge];
      const cached = edgeCache.get(doc.id);
      const value =
        cached && sameDeps(cached.deps, deps)
          ? cached.value
          : toEdge(doc, state, selected.has(doc.id), input.describeEdge(doc));
      next.set(doc.id, { deps, value });
      return value;
    });
    edgeCache = next;
    return edges;
  }

  return { toNodes, toEdges };
}

interface NodeFacts {
  wired: ReadonlySet<string> | undefined;
  issues: readonly ValidationIssue[];
  selected: boolean;
  highlighted: boolean;
  trigger: boolean;
  size: Size | undefined;
  runMark: RunMark | null;
  inflight: number;
}

function toNode(doc: FlowNodeDoc, entry: CatalogEntry | undefined, facts: NodeFacts): CanvasNode {
  const declared = nodePorts(entry, doc.config);
  // Edges from ports the node no longer declares still need a handle to be drawn (and shown red).
  const ports = [...new Set([...declared, ...(facts.wired ?? [])])];
  const required = new Set(entry?.requiredPorts ?? []);
  const portViews: PortView[] = ports.map((id) => ({
    id,
    required: required.has(id),
    wired: facts.wired?.has(id) ?? false,
  }));
  // The line count is the same in every language, so the card is sized here, language-blind.
  const summaryLines = nodeSummary(entry, doc.config, 'en').length;
  const size = facts.size ?? nodeSize(ports.length, summaryLines);
  const errors = facts.issues.filter((i) => i.severity === 'error');
  const warnings = facts.issues.filter((i) => i.severity !== 'error');
  return {
    id: doc.id,
    type: 'flow',
    position: doc.position,
    selected: facts.selected,
    // Known before drawing (node-geometry.ts), so React Flow need not mount every node to measure it.
    measured: size,
    handles: nodeHandles(ports, facts.trigger, size, summaryLines),
    data: {
      entry,
      nodeType: doc.type,
      label: doc.label,
      config: doc.config,
      summaryLines,
      trigger: facts.trigger,
      ports: portViews,
      issues: [...errors, ...warnings],
      errorCount: errors.length,
      highlighted: facts.highlighted,
      runMark: facts.runMark,
      inflight: facts.inflight,
    },
  };
}

type EdgeState = 'plain' | 'invalid' | 'highlighted';

// Module-level so an unchanged edge hands React Flow the very same style objects.
const edgeLooks = {
  plain: {
    style: { stroke: '#94a3b8', strokeWidth: 1.5 },
    marker: { type: MarkerType.ArrowClosed, color: '#94a3b8' },
  },
  invalid: {
    style: { stroke: '#dc2626', strokeWidth: 2 },
    marker: { type: MarkerType.ArrowClosed, color: '#dc2626' },
  },
  highlighted: {
    style: { stroke: '#059669', strokeWidth: 3 },
    marker: { type: MarkerType.ArrowClosed, color: '#059669' },
  },
} as const;

function toEdge(doc: FlowEdgeDoc, state: EdgeState, selected: boolean, ariaLabel: string): CanvasEdge {
  const look = edgeLooks[state];
  return {
    id: doc.id,
    source: doc.from.node,
    sourceHandle: doc.from.port,
    target: doc.to.node,
    selected,
    animated: state === 'highlighted',
    style: look.style,
    markerEnd: look.marker,
    ariaLabel,
    // A stable hook for styles and end-to-end tests (`.flow-edge-highlighted`).
    className: `flow-edge-${state}`,
  };
}

function wiredPorts(doc: FlowDocument): Map<string, Set<string>> {
  const wired = new Map<string, Set<string>>();
  for (const edge of doc.edges) {
    const ports = wired.get(edge.from.node) ?? new Set<string>();
    ports.add(edge.from.port);
    wired.set(edge.from.node, ports);
  }
  return wired;
}

function issuesByNode(issues: readonly ValidationIssue[]): Map<string, ValidationIssue[]> {
  const byNode = new Map<string, ValidationIssue[]>();
  for (const issue of issues) {
    if (issue.nodeId === undefined) continue;
    const list = byNode.get(issue.nodeId) ?? [];
    list.push(issue);
    byNode.set(issue.nodeId, list);
  }
  return byNode;
}

function sameDeps(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, i) => Object.is(value, b[i]));
}
