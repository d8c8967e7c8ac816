import type { TemplateScope } from '../types.ts';

export interface RunFault {
  code: string;
  message: string;
  nodeId?: string | undefined;
}

/** The machine's context: what templates see, plus the run's output and failure. */
export interface RunContext extends TemplateScope {
  output?: Record<string, unknown>;
  error?: RunFault;
  /**
   * What a node keeps between its own steps, by node id, out of templates' sight (message.ask
   * holds a reply that came while its question was still being sent). Each node's instructions
   * say what they keep there.
   */
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

/** What a node's activity answers (the workflow sends it as the output of `xstate.done.actor.*`). */
export interface NodeResult {
  port?: string;
  output?: unknown;
  fault?: { code: string; message: string };
}

/**
 * The events instructions read: outside events carry `data` (a reply, a webhook's body); an
 * activity's end carries its `output` or `error`.
 */
export interface RunEvent {
  type: string;
  data?: unknown;
  output?: NodeResult;
  error?: unknown;
}
