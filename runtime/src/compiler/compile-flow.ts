import type { NodeInstance, NodeRegistry, StateFragment } from '@omniflow/nodes/sdk';
import { completedState, createCompileContext, failedState, withLanguageDefaults } from '@omniflow/nodes/sdk';
import type { FlowDocument } from '../graph/flow-schema.ts';
import { findTrigger } from '../graph/validate-flow.ts';
import type { MachineJson } from './machine-json.ts';

export class CompileError extends Error {
  readonly code = 'FLOW_NOT_COMPILABLE';
}

/**
 * Turns a validated flow into machine JSON: one state per node (`meta.nodeId`), each entered
 * through an `enterNode` step marker, plus the completion and failure states. Pure.
 */
export function compileFlow(doc: FlowDocument, registry: NodeRegistry): MachineJson {
  const trigger = findTrigger(doc, registry)[0];
  if (!trigger) throw new CompileError('The flow has no trigger node');
  const wiring = new Map<string, Map<string, string>>();
  for (const edge of doc.edges) {
    const ports = wiring.get(edge.from.node) ?? new Map<string, string>();
    ports.set(edge.from.port, edge.to.node);
    wiring.set(edge.from.node, ports);
  }
  const instances = new Map<string, NodeInstance<unknown>>();
  for (const node of doc.nodes) {
    const definition = registry.get(node.type, node.version);
    if (!definition) throw new CompileError(`Unknown node type ${node.type}@${node.version}`);
    const config = definition.config.parse(withLanguageDefaults(definition, node.config, doc.language));
    instances.set(node.id, { id: node.id, type: node.type, version: node.version, config });
  }
  const states: MachineJson['states'] = {};
  for (const node of doc.nodes) {
    const definition = registry.get(node.type, node.version)!;
    const instance = instances.get(node.id)!;
    const ports = wiring.get(node.id) ?? new Map<string, string>();
    const followers = new Map<string, NodeInstance<unknown>>();
    for (const [port, to] of ports) {
      const follower = instances.get(to);
      if (follower) followers.set(port, follower);
    }
    const ctx = createCompileContext(instance, ports, definition.activity?.options, followers);
    const fragment: StateFragment = definition.compile(instance, ctx);
    states[node.id] = {
      ...fragment,
      entry: [
        { type: 'enterNode', params: { nodeId: node.id, nodeType: node.type } },
        ...(fragment.entry ?? []),
      ],
      meta: { ...fragment.meta, nodeId: node.id, nodeType: node.type },
    };
  }
  states[completedState] = { type: 'final', meta: { nodeId: completedState, nodeType: 'flow.completed' } };
  states[failedState] = { type: 'final', meta: { nodeId: failedState, nodeType: 'flow.failed' } };
  const variables = Object.fromEntries(doc.variables.map((v) => [v.name, v.default ?? null]));
  return { id: 'flow', initial: trigger.id, states, variables };
}
