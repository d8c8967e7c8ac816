export * from './instruction-params.ts';
export * from './instruction-set.ts';
export type * from './run-context.ts';
export { coreInstructions, dueTime, scopeOf, withNodeOutput } from './core-instructions.ts';
export { createRunMachine, type RunMachineConfig } from './create-run-machine.ts';
export { missingInstructions } from './missing-instructions.ts';
