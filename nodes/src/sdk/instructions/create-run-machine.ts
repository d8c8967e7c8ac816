import { assign, createMachine, fromPromise, type AnyStateMachine } from 'xstate';
import type { StateFragment } from '../types.ts';
import { dueTime } from './core-instructions.ts';
import { stepMarkers, type ContextUpdate, type NodeInstructions } from './instruction-set.ts';
import type { MachineInput, RunContext } from './run-context.ts';

/** A compiled flow's states, as the compiler stores them (machine JSON) or a test builds them. */
export interface RunMachineConfig {
  id: string;
  initial: string;
  states: Record<string, StateFragment>;
  /** Initial variable values declared by the flow. */
  variables: Record<string, unknown>;
}

// XState actions for each instruction set, built once: every machine of a worker shares them.
const builtActions = new WeakMap<NodeInstructions, Record<string, unknown>>();

function actionsOf(instructions: NodeInstructions): Record<string, unknown> {
  const built = builtActions.get(instructions);
  if (built) return built;
  const actions: Record<string, unknown> = {};
  // Step markers change nothing: the workflow reads them from the action list it executes.
  for (const marker of stepMarkers) actions[marker] = () => {};
  // Each update reads the params its name's entry in ActionParams gives; XState hands them over.
  const updates: Record<string, ContextUpdate<never> | undefined> = instructions.actions ?? {};
  for (const [name, update] of Object.entries(updates)) if (update) actions[name] = assign(update);
  builtActions.set(instructions, actions);
  return actions;
}

/**
 * Builds an executable machine from JSON states and an instruction set. Pure: the workflow
 * hydrates stored machines with the whole set (nodes/src/instructions.ts), and `sdk/testing`
 * runs one node's fragment with the core set and the node's own, so a fragment naming an
 * instruction its node does not declare fails there.
 */
export function createRunMachine(json: RunMachineConfig, instructions: NodeInstructions): AnyStateMachine {
  const delays: Record<string, (args: { context: RunContext }) => number> = {};
  for (const [id, state] of Object.entries(json.states)) {
    const until = state.meta?.until;
    if (typeof until === 'string') {
      delays[`until:${state.meta?.nodeId ?? id}`] = ({ context }) =>
        Math.max(0, dueTime(until, context) - Date.now());
    }
  }
  const actions = actionsOf(instructions);
  // Implementations go to createMachine itself: `.provide()` would build the machine twice.
  return createMachine(
    {
      id: json.id,
      initial: json.initial,
      // The JSON holds only our StateFragment subset; XState's config type is wider.
      states: json.states as Parameters<typeof createMachine>[0]['states'],
      context: ({ input }: { input: MachineInput }): RunContext => ({
        input: input.input,
        vars: { ...json.variables },
        nodes: {},
        run: input.run,
      }),
    },
    {
      actions: actions as never,
      guards: (instructions.guards ?? {}) as never,
      delays: delays as never,
      // Never started: the workflow turns each spawn of runNode into a Temporal activity.
      actors: { runNode: fromPromise(async () => undefined) } as never,
    },
  );
}
