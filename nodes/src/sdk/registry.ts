import type { AnyNodeDefinition } from './types.ts';

export interface NodeRegistry {
  get(type: string, version?: number): AnyNodeDefinition | undefined;
  latest(type: string): AnyNodeDefinition | undefined;
  all(): AnyNodeDefinition[];
}

/** Looks node definitions up by type and version; later packages may not shadow a type. */
export function createNodeRegistry(definitions: readonly AnyNodeDefinition[]): NodeRegistry {
  const byKey = new Map<string, AnyNodeDefinition>();
  const latest = new Map<string, AnyNodeDefinition>();
  for (const definition of definitions) {
    const key = `${definition.type}@${definition.version}`;
    if (byKey.has(key)) throw new Error(`Node ${key} is defined twice`);
    byKey.set(key, definition);
    const current = latest.get(definition.type);
    if (!current || current.version < definition.version) latest.set(definition.type, definition);
  }
  return {
    get: (type, version) => (version === undefined ? latest.get(type) : byKey.get(`${type}@${version}`)),
    latest: (type) => latest.get(type),
    all: () => [...byKey.values()],
  };
}
