import type { RunFault } from '../machine/run-context.ts';

/** `abandoned`: the caller hung up before the flow ended (voice runs). */
export type RunStatus = 'running' | 'waiting' | 'completed' | 'failed' | 'cancelled' | 'abandoned';

/** One visit of a node, as the workflow records it; `seq` orders visits within a run. */
export interface StepRecord {
  seq: number;
  nodeId: string;
  nodeType: string;
  enteredAt: string;
  leftAt?: string;
  port?: string;
  /** The Temporal execution and workflow task (its WorkflowTaskStarted event id) it began in. */
  temporalRunId?: string;
  wft?: number;
  attempts?: number;
  /** Side effects started within this step so far (workflow bookkeeping, not stored). */
  spawns?: number;
  input?: unknown;
  output?: unknown;
  error?: RunFault;
}

/** An event sent into the run from outside, recorded so what-if replays can send it again. */
export interface EventRecord {
  seq: number;
  type: string;
  data?: unknown;
  receivedAt: string;
}

/** What the workflow tells the database at each resting point. Idempotent to apply twice. */
export interface RunProgress {
  runId: string;
  workspaceId: string;
  status: RunStatus;
  currentNodes: string[];
  steps: StepRecord[];
  events?: EventRecord[];
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
  /** The nodes the node's ports lead to, when its compile asked for them (CompileContext.runActivity). */
  next?: unknown;
  scope: unknown;
  idempotencyKey: string;
}

export interface ExecuteNodeResult {
  port: string;
  output: unknown;
  input?: unknown;
  fault?: { code: string; message: string };
  /** Which attempt produced this result (1 unless Temporal retried the activity). */
  attempts: number;
}
