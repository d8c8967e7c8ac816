export * from './types.ts';
export { defineNode, portsOf, rowPorts } from './define-node.ts';
export { parseDuration, durationSchema } from './duration.ts';
export { NodeError } from './node-error.ts';
export { createNodeRegistry, type NodeRegistry } from './registry.ts';
export { buildCatalog, type CatalogEntry } from './catalog.ts';
export { createCompileContext, completedState, failedState } from './compile-context.ts';
export * from './expressions/index.ts';
