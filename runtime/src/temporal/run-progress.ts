import type { RunFault } from '../machine/run-context.ts';

export type RunStatus = 'running' | 'waiting' | 'completed' | 'failed' | 'cancelled';

/** One visit of a node, as the workflow records it; `seq` orders visits within a run. */
export interface StepRecord {
  seq: number;
  nodeId: string;
  nodeType: string;
  enteredAt: string;
  leftAt?: string;
  port?: string;
  input?: unknown;
  output?: unknown;
  error?: RunFault;
}

/** What the workflow tells the database at each resting point. Idempotent to apply twice. */
export interface RunProgress {
  runId: string;
  workspaceId: string;
  status: RunStatus;
  currentNodes: string[];
  steps: StepRecord[];
  output?: unknown;
  error?: RunFault;
  ended: boolean;
}

export interface ExecuteNodeInput {
  runId: string;
  nodeId: string;
  nodeType: string;
  version: number;
  config: unknown;
  scope: unknown;
  idempotencyKey: string;
}

export interface ExecuteNodeResult {
  port: string;
  output: unknown;
  input?: unknown;
}
