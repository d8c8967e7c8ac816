import { builtinNodes } from '@omniflow/nodes';
import { nodePackageSpecifier } from './node-package-specifier.ts';
import { createNodeRegistry, type AnyNodeDefinition, type NodeRegistry } from '@omniflow/nodes/sdk';

function isNodeDefinition(value: unknown): value is AnyNodeDefinition {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as AnyNodeDefinition).type === 'string' &&
    typeof (value as AnyNodeDefinition).compile === 'function'
  );
}

/**
 * The built-in nodes plus every definition exported by the packages named in
 * OMNIFLOW_NODE_PACKAGES (comma-separated module names, or paths from the working directory).
 */
export async function loadRegistry(
  env: Record<string, string | undefined> = process.env,
): Promise<NodeRegistry> {
  const definitions: AnyNodeDefinition[] = [...builtinNodes];
  for (const name of (env.OMNIFLOW_NODE_PACKAGES ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const module: Record<string, unknown> = await import(nodePackageSpecifier(name));
    const exported = Object.values(module).flatMap((v) => (Array.isArray(v) ? v : [v]));
    const found = exported.filter(isNodeDefinition);
    if (found.length === 0)
      throw new Error(`The node package "${name}" exports no node definitions (defineNode results)`);
    definitions.push(...found);
  }
  return createNodeRegistry(definitions);
}
