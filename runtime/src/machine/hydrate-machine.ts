import type { AnyStateMachine } from 'xstate';
import { createRunMachine, instructionSet } from '@omniflow/nodes/instructions';
import type { MachineJson } from '../compiler/machine-json.ts';

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

/** Rebuilds an executable machine from stored JSON and the instruction set (nodes/src/instructions.ts). Pure. */
export function hydrateMachine(json: MachineJson): AnyStateMachine {
  const key = JSON.stringify(json);
  const kept = machines.get(key);
  if (kept) return kept;
  const copy: MachineJson = JSON.parse(key);
  const machine = createRunMachine(copy, instructionSet);
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
