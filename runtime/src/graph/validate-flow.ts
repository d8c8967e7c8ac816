import type { AnyNodeDefinition, NodeRegistry } from '@omniflow/nodes/sdk';
import { portsOf, templateSyntaxError } from '@omniflow/nodes/sdk';
import type { FlowDocument, FlowNode } from './flow-schema.ts';
import type { ValidationIssue } from './validation-issue.ts';
import { conversationChannelErrors } from './conversation-channel-rule.ts';
import { emailReplyErrors } from './email-reply-rule.ts';
import { webhookErrors } from './webhook-rules.ts';
import { objectRenderWarnings } from './object-render-rule.ts';
import { whatsAppWindowWarnings } from './whatsapp-window-rule.ts';
import { nodeNames } from './issue-names.ts';
import { configIssueParams, fieldNames } from './config-issue-params.ts';
import { forgottenPortWarnings } from './forgotten-ports-rule.ts';
import { codeAndAiErrors } from './code-and-ai-rules.ts';

export interface ValidationResult {
  ok: boolean;
  errors: ValidationIssue[];
  warnings: ValidationIssue[];
}

function* templateStrings(
  value: unknown,
  path: (string | number)[] = [],
): Generator<[string, (string | number)[]]> {
  if (typeof value === 'string') {
    if (value.includes('{{') || value.includes('{%')) yield [value, path];
  } else if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) yield* templateStrings(item, [...path, index]);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) yield* templateStrings(item, [...path, key]);
  }
}

/** The trigger node: the one the document names, or the only node whose type is a trigger. */
export function findTrigger(doc: FlowDocument, registry: NodeRegistry): FlowNode[] {
  if (doc.trigger) return doc.nodes.filter((n) => n.id === doc.trigger?.node);
  return doc.nodes.filter((n) => registry.get(n.type, n.version)?.trigger);
}

/** Nodes on a cycle that passes through no waiting node (Tarjan's strongly connected components). */
function busyLoops(
  nodeIds: string[],
  next: Map<string, string[]>,
  waits: (id: string) => boolean,
): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const loops: string[][] = [];
  let counter = 0;
  const visit = (start: string) => {
    // Iterative to survive 5000-node chains without blowing the call stack.
    const work: [string, number][] = [[start, 0]];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const [node, i] = frame;
      const targets = (next.get(node) ?? []).filter((t) => !waits(t));
      if (i < targets.length) {
        frame[1]++;
        const target = targets[i]!;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push([target, 0]);
        } else if (onStack.has(target)) {
          low.set(node, Math.min(low.get(node)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent[0], Math.min(low.get(parent[0])!, low.get(node)!));
      if (low.get(node) === index.get(node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== node);
        const selfLoop = component.length === 1 && (next.get(node) ?? []).includes(node);
        if (component.length > 1 || selfLoop) loops.push(component);
      }
    }
  };
  for (const id of nodeIds) if (!waits(id) && !index.has(id)) visit(id);
  return loops;
}

/** Every problem of a flow at once, each tied to its node or edge (DESIGN.md §6). Pure. */
export function validateFlow(doc: FlowDocument, registry: NodeRegistry): ValidationResult {
  const errors: ValidationIssue[] = [];
  const warnings: ValidationIssue[] = [];
  const error = (issue: Omit<ValidationIssue, 'severity'>) => errors.push({ ...issue, severity: 'error' });

  const nodes = new Map<string, FlowNode>();
  const definitions = new Map<string, AnyNodeDefinition>();
  const ports = new Map<string, Set<string>>();
  for (const node of doc.nodes) {
    if (nodes.has(node.id)) {
      error({
        code: 'DUPLICATE_NODE_ID',
        nodeId: node.id,
        params: { ...nodeNames(node, registry.get(node.type, node.version)), id: node.id },
        message: `Two nodes share the id "${node.id}"`,
      });
      continue;
    }
    nodes.set(node.id, node);
    const definition = registry.get(node.type, node.version);
    if (!definition) {
      const latest = registry.latest(node.type);
      error(
        latest
          ? {
              code: 'UNKNOWN_NODE_VERSION',
              nodeId: node.id,
              params: { ...nodeNames(node, latest), version: node.version, latest: latest.version },
              message: `Node "${node.id}" uses ${node.type} version ${node.version}, which this server does not have (latest is ${latest.version})`,
            }
          : {
              code: 'UNKNOWN_NODE_TYPE',
              nodeId: node.id,
              params: { ...nodeNames(node, undefined), type: node.type },
              message: `Node "${node.id}" has type "${node.type}", which is not installed on this server`,
            },
      );
      continue;
    }
    definitions.set(node.id, definition);
    const parsed = definition.config.safeParse(node.config);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        error({
          code: 'NODE_CONFIG_INVALID',
          nodeId: node.id,
          path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
          params: { ...nodeNames(node, definition), ...configIssueParams(issue, definition, node.config) },
          message: `${definition.title.en} "${node.id}": ${issue.path.length ? issue.path.join('.') + ': ' : ''}${issue.message}`,
        });
      }
    } else {
      ports.set(node.id, new Set(portsOf(definition, parsed.data)));
    }
    for (const [template, path] of templateStrings(node.config)) {
      const problem = templateSyntaxError(template);
      if (problem) {
        error({
          code: 'TEMPLATE_INVALID',
          nodeId: node.id,
          path,
          params: { ...nodeNames(node, definition), ...fieldNames(definition, path) },
          message: `${definition.title.en} "${node.id}": template at ${path.join('.')}: ${problem}`,
        });
      }
    }
  }

  const triggers = findTrigger(doc, registry);
  const trigger = triggers[0];
  if (doc.trigger && !trigger) {
    error({
      code: 'TRIGGER_NOT_FOUND',
      params: { id: doc.trigger.node },
      message: `The trigger node "${doc.trigger.node}" does not exist`,
    });
  } else if (!trigger) {
    error({ code: 'NO_TRIGGER', message: 'Add a start node: a flow needs exactly one trigger' });
  } else if (definitions.has(trigger.id) && !definitions.get(trigger.id)?.trigger) {
    error({
      code: 'TRIGGER_NOT_A_TRIGGER',
      nodeId: trigger.id,
      params: nodeNames(trigger, definitions.get(trigger.id)),
      message: `The flow starts at "${trigger.id}", a ${trigger.type} node, which cannot start a flow; use a start node`,
    });
  } else {
    // Exactly one trigger per graph, also when the document names which one starts it.
    for (const extra of doc.nodes.filter((n) => n !== trigger && registry.get(n.type, n.version)?.trigger)) {
      error({
        code: 'MULTIPLE_TRIGGERS',
        nodeId: extra.id,
        params: nodeNames(extra, definitions.get(extra.id)),
        message: `Only one trigger per flow; "${extra.id}" is a second one`,
      });
    }
  }

  const next = new Map<string, string[]>();
  const usedPorts = new Set<string>();
  const edgeIds = new Set<string>();
  for (const edge of doc.edges) {
    if (edgeIds.has(edge.id))
      error({
        code: 'DUPLICATE_EDGE_ID',
        edgeId: edge.id,
        params: { id: edge.id },
        message: `Two edges share the id "${edge.id}"`,
      });
    edgeIds.add(edge.id);
    const from = nodes.get(edge.from.node);
    const to = nodes.get(edge.to.node);
    if (!from || !to) {
      error({
        code: 'EDGE_NODE_NOT_FOUND',
        edgeId: edge.id,
        params: {
          ...nodeNames(from ?? to, definitions.get((from ?? to)?.id ?? '')),
          missing: !from ? edge.from.node : edge.to.node,
        },
        message: `Edge "${edge.id}" connects to a node that does not exist ("${!from ? edge.from.node : edge.to.node}")`,
      });
      continue;
    }
    const declared = ports.get(from.id);
    if (declared && !declared.has(edge.from.port)) {
      error({
        code: 'EDGE_UNKNOWN_PORT',
        edgeId: edge.id,
        nodeId: from.id,
        params: { ...nodeNames(from, definitions.get(from.id)), port: edge.from.port },
        message: `Node "${from.id}" has no output port "${edge.from.port}" (ports: ${[...declared].join(', ') || 'none'})`,
      });
    }
    const portKey = `${from.id}\u0000${edge.from.port}`;
    if (usedPorts.has(portKey)) {
      error({
        code: 'PORT_MULTIPLE_EDGES',
        edgeId: edge.id,
        nodeId: from.id,
        params: { ...nodeNames(from, definitions.get(from.id)), port: edge.from.port },
        message: `Port "${edge.from.port}" of "${from.id}" is connected twice; a port leads to one node`,
      });
    }
    usedPorts.add(portKey);
    if (trigger && to.id === trigger.id) {
      error({
        code: 'EDGE_TO_TRIGGER',
        edgeId: edge.id,
        nodeId: to.id,
        params: {
          ...nodeNames(from, definitions.get(from.id), 'from'),
          ...nodeNames(to, definitions.get(to.id)),
        },
        message: `Edge "${edge.id}" leads back into the start node "${to.id}"; nothing can lead back into the start`,
      });
    }
    next.set(from.id, [...(next.get(from.id) ?? []), to.id]);
  }

  for (const [id, definition] of definitions) {
    for (const port of definition.requiredPorts ?? []) {
      if (!usedPorts.has(`${id}\u0000${port}`)) {
        error({
          code: 'REQUIRED_PORT_UNWIRED',
          nodeId: id,
          params: { ...nodeNames(nodes.get(id), definition), port },
          message: `Connect the "${port}" port of "${id}": the flow must say what happens then`,
        });
      }
    }
  }

  if (trigger) {
    const seen = new Set([trigger.id]);
    const queue = [trigger.id];
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      for (const target of next.get(id) ?? []) {
        if (!seen.has(target)) {
          seen.add(target);
          queue.push(target);
        }
      }
    }
    for (const id of nodes.keys()) {
      if (!seen.has(id)) {
        error({
          code: 'UNREACHABLE_NODE',
          nodeId: id,
          params: nodeNames(nodes.get(id), definitions.get(id)),
          message: `Node "${id}" can never be reached from the start; connect it or delete it`,
        });
      }
    }
  }

  const waits = (id: string) => definitions.get(id)?.waits === true;
  const namesOfLoop = (loop: string[]) => {
    const names = [...loop].reverse().map((id) => nodeNames(nodes.get(id), definitions.get(id)));
    return { nodes: names.map((n) => n.node).join(' → '), nodesEs: names.map((n) => n.nodeEs).join(' → ') };
  };
  for (const loop of busyLoops([...nodes.keys()], next, waits)) {
    error({
      code: 'LOOP_WITHOUT_WAIT',
      nodeId: loop[loop.length - 1],
      params: {
        ...nodeNames(nodes.get(loop[loop.length - 1]!), definitions.get(loop[loop.length - 1]!)),
        ...namesOfLoop(loop),
      },
      message: `Nodes ${loop.reverse().join(' → ')} form a loop with no wait in it; add a wait so the run cannot spin forever`,
    });
  }

  const variableNames = new Set<string>();
  for (const variable of doc.variables) {
    if (variableNames.has(variable.name)) {
      error({
        code: 'VARIABLE_DUPLICATE',
        params: { name: variable.name },
        message: `The variable "${variable.name}" is declared twice`,
      });
    }
    variableNames.add(variable.name);
  }

  if (trigger) {
    errors.push(...conversationChannelErrors(doc, trigger, definitions.get(trigger.id), definitions));
    errors.push(...emailReplyErrors(doc, trigger, definitions.get(trigger.id), definitions));
    warnings.push(...whatsAppWindowWarnings(doc, trigger, definitions));
  }
  errors.push(...webhookErrors(doc, trigger, definitions));
  errors.push(...codeAndAiErrors(doc, definitions));
  warnings.push(...objectRenderWarnings(doc, trigger, definitions));
  warnings.push(...forgottenPortWarnings(doc, trigger, definitions));

  return { ok: errors.length === 0, errors, warnings };
}
