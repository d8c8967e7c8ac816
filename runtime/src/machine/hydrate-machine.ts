import { createMachine, fromPromise, type AnyStateMachine } from 'xstate';
import type { MachineJson } from '../compiler/machine-json.ts';
import { dueTime, instructionActions, instructionGuards } from './instructions.ts';
import type { MachineInput, RunContext } from './run-context.ts';

// A machine is immutable, and building one is most of the cost of starting a run (more so for
// large flows). Runs of one flow version hydrate the same JSON, and the worker shares this
// module between its workflows (see sharedWorkflowModules), so recent machines are kept: up to
// 100, and up to 4 million characters of their JSON together, which bounds their memory (a
// machine takes some times its JSON's size). Each is built from its own parse of the JSON, so
// nothing a caller does to its object reaches it.
const keptMachines = 100;
const keptJsonChars = 4_000_000;
const machines = new Map<string, AnyStateMachine>();
let keptChars = 0;

/** Rebuilds an executable machine from stored JSON and the fixed instruction set. Pure. */
export function hydrateMachine(json: MachineJson): AnyStateMachine {
  const key = JSON.stringify(json);
  const kept = machines.get(key);
  if (kept) return kept;
  const copy: MachineJson = JSON.parse(key);
  const machine = buildMachine(copy);
  if (key.length <= keptJsonChars) {
    while (machines.size >= keptMachines || keptChars + key.length > keptJsonChars) {
      const oldest = machines.keys().next().value!;
      machines.delete(oldest);
      keptChars -= oldest.length;
    }
    machines.set(key, machine);
    keptChars += key.length;
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
