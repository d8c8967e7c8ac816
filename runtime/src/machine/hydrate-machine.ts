import { createMachine, fromPromise, type AnyStateMachine } from 'xstate';
import type { MachineJson } from '../compiler/machine-json.ts';
import { dueTime, instructionActions, instructionGuards } from './instructions.ts';
import type { MachineInput, RunContext } from './run-context.ts';

// A machine is immutable, and building one is most of the cost of starting a run (more so for
// large flows). Runs of one flow version hydrate the same JSON, and the worker shares this
// module between its workflows (see sharedWorkflowModules), so the last 100 machines are kept.
// Each is built from its own parse of the JSON: nothing a caller does to its object reaches it.
const keptMachines = 100;
const machines = new Map<string, AnyStateMachine>();

/** Rebuilds an executable machine from stored JSON and the fixed instruction set. Pure. */
export function hydrateMachine(json: MachineJson): AnyStateMachine {
  const key = JSON.stringify(json);
  let machine = machines.get(key);
  if (!machine) {
    const copy: MachineJson = JSON.parse(key);
    machine = buildMachine(copy);
    if (machines.size >= keptMachines) machines.delete(machines.keys().next().value!);
    machines.set(key, machine);
  }
  return machine;
}

function buildMachine(json: MachineJson): AnyStateMachine {
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
