import type { z } from 'zod';
import type { AnyNodeDefinition, NodeDefinition } from './types.ts';

const typePattern = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/;

/** Declares a node type: schema, UI hints, compile fragment and activity in one place (DESIGN.md §5). */
export function defineNode<TSchema extends z.ZodType, const TPort extends string>(
  definition: NodeDefinition<TSchema, TPort>,
): NodeDefinition<TSchema, TPort> {
  if (!typePattern.test(definition.type)) {
    throw new Error(
      `Node type "${definition.type}" must look like "category.name" (lowercase, dot-separated)`,
    );
  }
  if (!Number.isInteger(definition.version) || definition.version < 1) {
    throw new Error(`Node ${definition.type}: version must be a positive integer`);
  }
  return definition;
}

/** Output ports of a node for a given (valid) config. */
export function portsOf(definition: AnyNodeDefinition, config: unknown): string[] {
  return typeof definition.ports === 'function' ? definition.ports(config) : [...definition.ports];
}
