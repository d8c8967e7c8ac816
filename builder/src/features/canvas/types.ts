import type { Edge, Node } from '@xyflow/react';
import type { CatalogEntry, ValidationIssue } from '../../api/types.ts';

export interface Point {
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

/** A connection as React Flow proposes it: a handle id is an output port name. */
export interface PortConnection {
  source: string;
  sourceHandle?: string | null;
  target: string;
}

/** An output port as the node draws it. */
export interface PortView {
  id: string;
  required: boolean;
  wired: boolean;
}

// A `type` alias, not an interface: React Flow wants node data assignable to Record<string, unknown>.
export type FlowNodeData = {
  /** Undefined when the catalog has no such type@version (a removed custom node). */
  entry: CatalogEntry | undefined;
  nodeType: string;
  label: string | undefined;
  /** The node's config, for the content its card shows (node-summary.ts). */
  config: Record<string, unknown>;
  /** How many summary lines the card shows (its height depends on it: node-geometry.ts). */
  summaryLines: number;
  trigger: boolean;
  ports: readonly PortView[];
  /** The validation issues about this node, errors first (said with problemText). */
  issues: readonly ValidationIssue[];
  errorCount: number;
  highlighted: boolean;
  /** Where a run stands at this node: it failed here, or it is here now (running or waiting). */
  runMark: RunMark | null;
  /** Runs waiting or running at this node right now (0: no badge). */
  inflight: number;
};

export type RunMark = 'failed' | 'current';

export type CanvasNode = Node<FlowNodeData, 'flow'>;
export type CanvasEdge = Edge;

/** The path a run took, drawn over the canvas. */
export interface RunHighlight {
  nodes: readonly string[];
  edges: readonly string[];
  /** Nodes the run failed at (drawn red). */
  failed?: readonly string[];
  /** Nodes the run is at now (drawn as "here now"). */
  current?: readonly string[];
}

/** Counts of runs at each node right now, by node id; drawn as a badge on the node. */
export type NodeBadges = Readonly<Record<string, number>>;
