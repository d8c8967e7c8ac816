import type { StateFragment } from '@omniflow/nodes/sdk';

/** The compiled form of a flow version, stored in `flow_versions.machine`. JSON only. */
export interface MachineJson {
  id: 'flow';
  initial: string;
  states: Record<
    string,
    StateFragment & { meta: { nodeId: string; nodeType: string } & Record<string, unknown> }
  >;
  /** Initial variable values declared by the flow. */
  variables: Record<string, unknown>;
}
