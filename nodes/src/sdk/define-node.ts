import type { z } from 'zod';
import type { AnyNodeDefinition, NodeDefinition, PortsOfConfig } from './types.ts';

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

/**
 * Ports named by the rows of a config list (`options[].id`), then fixed ones (`timeout`). Declared
 * this way rather than as a bare function, the catalog can tell the builder where they come from,
 * so a row added in the inspector shows its port on the card at once.
 */
export function rowPorts<TConfig extends Record<string, unknown>>(
  list: keyof TConfig & string,
  then: readonly string[],
): PortsOfConfig<TConfig> {
  const ports = (config: TConfig) => [
    ...(config[list] as readonly { id: string }[]).map((row) => row.id),
    ...then,
  ];
  return Object.assign(ports, { rows: { list, then } });
}

/** Output ports of a node for a given (valid) config. */
export function portsOf(definition: AnyNodeDefinition, config: unknown): string[] {
  return typeof definition.ports === 'function' ? definition.ports(config) : [...definition.ports];
}
