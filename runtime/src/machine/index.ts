export { hydrateMachine } from './hydrate-machine.ts';
export { createMachineStepper, type MachineStepper } from './machine-stepper.ts';
export type { MachineJson } from '../compiler/machine-json.ts';
export type * from './run-context.ts';
