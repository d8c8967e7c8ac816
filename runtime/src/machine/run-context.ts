// The run's context belongs to the SDK's instruction set (nodes/src/sdk/instructions), which
// reads and writes it; the runtime names it from here.
export type { MachineInput, RunContext, RunFault, RunMeta } from '@omniflow/nodes/sdk/instructions';
export type { TemplateScope } from '@omniflow/nodes/sdk';

/** An outside event sent to a run (API `POST /runs/:id/events`). */
export interface FlowEvent {
  type: string;
  data?: unknown;
}
