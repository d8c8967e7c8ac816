import { createMachine, fromPromise, type AnyStateMachine } from 'xstate';
import type { MachineJson } from '../compiler/machine-json.ts';
import { dueTime, instructionActions, instructionGuards } from './instructions.ts';
import type { MachineInput, RunContext } from './run-context.ts';

/** Rebuilds an executable machine from stored JSON and the fixed instruction set. Pure. */
export function hydrateMachine(json: MachineJson): AnyStateMachine {
  const delays: Record<string, (args: { context: RunContext }) => number> = {};
  for (const state of Object.values(json.states)) {
    const until = state.meta.until;
    if (typeof until === 'string') {
      delays[`until:${state.meta.nodeId}`] = ({ context }) =>
        Math.max(0, dueTime(until, context) - Date.now());
    }
  }
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
      actions: instructionActions as never,
      guards: instructionGuards as never,
      delays: delays as never,
      // Never started: the workflow turns each spawn of runNode into a Temporal activity.
      actors: { runNode: fromPromise(async () => undefined) } as never,
    },
  );
}
