import { askInstructions } from './messaging/ask.instructions.ts';
import { abSplitInstructions } from './logic/ab-split.instructions.ts';
import { respondInstructions } from './http/respond.instructions.ts';
import { coreInstructions, type InstructionSet } from './sdk/instructions/index.ts';

// The instruction set compiled machines run with (DESIGN.md §5): the SDK's core set plus the
// instructions of the nodes that bring their own. The workflow bundle loads this module, so it
// and everything it imports stay pure (lint rule in eslint.config.js). Typed as the whole set:
// an instruction named in ActionParams/GuardParams but missing here fails typecheck.
export const instructionSet: InstructionSet = {
  actions: { ...coreInstructions.actions, ...askInstructions.actions, ...respondInstructions.actions },
  guards: { ...coreInstructions.guards, ...askInstructions.guards, ...abSplitInstructions.guards },
};

export { createRunMachine, type RunMachineConfig } from './sdk/instructions/index.ts';
