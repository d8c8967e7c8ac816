// Shapes of the API's answers the builder reads (see /api/v1/openapi.json).
export type { CatalogEntry } from '@omniflow/nodes/sdk';

export interface FlowNodeDoc {
  id: string;
  type: string;
  version: number;
  config: Record<string, unknown>;
  position: { x: number; y: number };
  label?: string;
}

export interface FlowEdgeDoc {
  id: string;
  from: { node: string; port: string };
  to: { node: string };
}

export interface FlowDocument {
  schemaVersion: 1;
  name: string;
  description: string;
  trigger?: { node: string };
  nodes: FlowNodeDoc[];
  edges: FlowEdgeDoc[];
  variables: { name: string; type: string; default?: unknown }[];
}

export interface FlowSummary {
  id: string;
  name: string;
  description: string;
  latestVersion: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface Flow extends FlowSummary {
  draft: FlowDocument;
}

export interface ValidationIssue {
  code: string;
  message: string;
  severity: 'error' | 'warning';
  nodeId?: string;
  edgeId?: string;
  path?: (string | number)[];
}

export interface User {
  id: string;
  email: string;
  name: string;
  role: string;
  workspaceId: string;
}
