import type { NodeRegistry } from '@omniflow/nodes/sdk';
import type { FlowDocument } from './flow-schema.ts';

export interface NodeUpgrade {
  nodeId: string;
  type: string;
  from: number;
  to: number;
}

/**
 * Brings nodes saved by an older version of their type up to the newest one this server has,
 * through that version's `migrate` (a node package that changed its config between versions).
 * Applied when a flow is opened, validated or published, so a designer sees and publishes the new
 * form. A node whose type has no `migrate`, or whose old config `migrate` refuses, is left as it
 * was: it keeps running on its own version when the server still has it, and validation names it
 * otherwise. Pure.
 */
export function upgradeNodeVersions(
  doc: FlowDocument,
  registry: NodeRegistry,
): { doc: FlowDocument; upgrades: NodeUpgrade[] } {
  const upgrades: NodeUpgrade[] = [];
  const nodes = doc.nodes.map((node) => {
    const latest = registry.latest(node.type);
    if (!latest?.migrate || latest.version <= node.version) return node;
    let config: unknown;
    try {
      config = latest.migrate(node.config, node.version);
    } catch {
      return node;
    }
    if (typeof config !== 'object' || config === null || Array.isArray(config)) return node;
    upgrades.push({ nodeId: node.id, type: node.type, from: node.version, to: latest.version });
    return { ...node, version: latest.version, config: Object.fromEntries(Object.entries(config)) };
  });
  return { doc: upgrades.length === 0 ? doc : { ...doc, nodes }, upgrades };
}
