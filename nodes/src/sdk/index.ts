export * from './types.ts';
export { defineNode, portsOf, rowPorts } from './define-node.ts';
export { parseDuration, durationSchema } from './duration.ts';
export { NodeError } from './node-error.ts';
export { withLanguageDefaults, type FlowLanguage } from './language-defaults.ts';
export { createNodeRegistry, type NodeRegistry } from './registry.ts';
export { buildCatalog, type CatalogEntry } from './catalog.ts';
export { outputField, outputSchemaOf, sentMessageOutput } from './output-schema.ts';
export { saveAnswerAsField } from './save-answer-as.ts';
export { voicePromptIdOf, voicePromptIdsIn, voicePromptRef } from './voice-prompt-ref.ts';
export { createCompileContext, completedState, failedState } from './compile-context.ts';
export * from './expressions/index.ts';
export type * from './call.ts';
export type * from './channels.ts';
export {
  action,
  guard,
  defineInstructions,
  type ActionParams,
  type GuardParams,
} from './instructions/index.ts';
export type {
  ActionRef,
  GuardRef,
  ContextUpdate,
  GuardCheck,
  InstructionArgs,
  NodeInstructions,
} from './instructions/index.ts';
