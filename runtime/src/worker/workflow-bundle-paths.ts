import { fileURLToPath } from 'node:url';

/** The workflow code every worker runs (flowRun and the operations workflows). */
export const workflowsPath = fileURLToPath(new URL('../temporal/workflows.ts', import.meta.url));

/**
 * Modules all workflows of a worker share instead of each evaluating its own copy (the SDK's
 * `preloadModules`, for its default reusable V8 context): the instruction set, and with it
 * XState, the template helpers and the Liquid engine. Evaluated per workflow, their classes
 * were new for every run, so V8 never kept its optimised code for them and recompiled it all
 * the time; with one copy they stay compiled, and the engine is built once.
 *
 * They must hold no per-run state: the instruction set and the template helpers are pure
 * functions, the Liquid engine keeps only its options, and XState's only module state is the
 * counter behind actor session ids, which nothing a workflow records depends on. The SDK
 * freezes what they export.
 */
export const sharedWorkflowModules = [fileURLToPath(new URL('../machine/index.ts', import.meta.url))];

/** The bundler's own chatter is dropped; its warnings and errors are kept. */
export const quietBundlerLogger = {
  log: () => {},
  trace: () => {},
  debug: () => {},
  info: () => {},
  warn: (message: string) => console.warn(message),
  error: (message: string) => console.error(message),
};
