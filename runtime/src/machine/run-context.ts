import type { TemplateScope } from '@omniflow/nodes/sdk';

export type { TemplateScope };

export interface RunFault {
  code: string;
  message: string;
  nodeId?: string | undefined;
}

/** The machine's context: what templates see, plus the run's output and failure. */
export interface RunContext extends TemplateScope {
  output?: Record<string, unknown>;
  error?: RunFault;
  /** A reply that came while a question was still being sent, by node: it answers once sent. */
  held?: Record<string, unknown>;
}

export interface RunMeta {
  id: string;
  flowId: string;
  version: number;
  startedAt: string;
}

export interface MachineInput {
  input: unknown;
  run: RunMeta;
}

/** An outside event sent to a run (API `POST /runs/:id/events`). */
export interface FlowEvent {
  type: string;
  data?: unknown;
}
