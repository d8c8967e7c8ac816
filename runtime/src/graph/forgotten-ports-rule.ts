import type { AnyNodeDefinition } from '@omniflow/nodes/sdk';
import { portsOf } from '@omniflow/nodes/sdk';
import type { FlowDocument, FlowNode } from './flow-schema.ts';
import type { ValidationIssue } from './validation-issue.ts';

/**
 * Ports a node leaves by when something did not go as planned, named as the canvas names them
 * (builder canvas.port.*). Left unwired, the run just ends there (or fails, for `failed`) —
 * rarely what a designer who wired the happy path meant.
 */
const outcomePorts: Record<string, { en: string; es: string }> = {
  timeout: { en: 'timeout', es: 'tiempo agotado' },
  invalid: { en: 'invalid', es: 'no válida' },
  failed: { en: 'failed', es: 'fallo' },
  busy: { en: 'busy', es: 'ocupado' },
  'no-answer': { en: 'no answer', es: 'sin respuesta' },
};

/**
 * How a problem names a node for a person: its label when it has one, else its type's title, in
 * each language (the builder's Spanish sentence reads `nodeEs`).
 */
export function nodeNames(node: FlowNode, definition: AnyNodeDefinition | undefined) {
  const label = node.label?.trim();
  return {
    node: label || definition?.title.en || node.type,
    nodeEs: label || definition?.title.es || node.type,
  };
}

function configPorts(node: FlowNode, definition: AnyNodeDefinition): string[] {
  const parsed = definition.config.safeParse(node.config);
  return parsed.success ? portsOf(definition, parsed.data) : [];
}

/** The flow talks to a caller: an unwired outcome is best fixed by hanging up, not just ending. */
const isVoice = (definition: AnyNodeDefinition | undefined) => definition?.category === 'voice';

/**
 * Warnings for what a designer forgets (issue #15): an outcome port (timeout, invalid, failed…)
 * left unwired on a node whose other ports are wired; a trigger that leads nowhere; a hang-up that
 * leads on to a node that needs the call it just ended. Each carries `params.fix` when the
 * problems panel can mend it in one click (`hangup` or `end` wired to `params.portId`).
 */
export function forgottenPortWarnings(
  doc: FlowDocument,
  trigger: FlowNode | undefined,
  definitions: ReadonlyMap<string, AnyNodeDefinition>,
): ValidationIssue[] {
  const wired = new Map<string, FlowDocument['edges']>();
  for (const edge of doc.edges) wired.set(edge.from.node, [...(wired.get(edge.from.node) ?? []), edge]);
  const triggerDefinition = trigger ? definitions.get(trigger.id) : undefined;
  const voiceFlow = trigger?.type === 'voice.inbound-call';
  const warnings: ValidationIssue[] = [];

  for (const node of doc.nodes) {
    const definition = definitions.get(node.id);
    if (!definition || definition.trigger) continue;
    const edges = wired.get(node.id) ?? [];
    if (edges.length === 0) continue;
    const names = nodeNames(node, definition);
    // A required port left open is already an error (REQUIRED_PORT_UNWIRED).
    const required = new Set(definition.requiredPorts ?? []);
    for (const port of configPorts(node, definition)) {
      const words = outcomePorts[port];
      if (!words || required.has(port) || edges.some((e) => e.from.port === port)) continue;
      const voice = voiceFlow || isVoice(definition);
      warnings.push({
        code: 'OUTCOME_PORT_UNWIRED',
        severity: 'warning',
        nodeId: node.id,
        message: `"${node.id}" (${names.node}) has nothing connected to its "${port}" port: when that happens the ${voice ? 'call' : 'run'} just stops. Connect it, or end the ${voice ? 'call' : 'conversation'} there`,
        params: { ...names, port: words.en, portEs: words.es, portId: port, fix: voice ? 'hangup' : 'end' },
      });
    }
  }

  if (trigger && triggerDefinition && (wired.get(trigger.id) ?? []).length === 0 && doc.nodes.length > 0) {
    warnings.push({
      code: 'TRIGGER_LEADS_NOWHERE',
      severity: 'warning',
      nodeId: trigger.id,
      message: `Nothing comes after the start node "${trigger.id}": the flow starts and does nothing. Connect it to the first step`,
      params: nodeNames(trigger, triggerDefinition),
    });
  }

  const nodes = new Map(doc.nodes.map((n) => [n.id, n]));
  for (const node of doc.nodes) {
    if (node.type !== 'voice.hangup') continue;
    for (const edge of wired.get(node.id) ?? []) {
      const target = nodes.get(edge.to.node);
      const targetDefinition = target ? definitions.get(target.id) : undefined;
      if (!target || !isVoice(targetDefinition)) continue;
      warnings.push({
        code: 'HANGUP_LEADS_TO_CALL',
        severity: 'warning',
        nodeId: node.id,
        edgeId: edge.id,
        message: `"${node.id}" hangs up, then leads to "${target.id}", which needs the call: the caller is gone by then. Remove that connection or move the hang-up after it`,
        params: {
          ...nodeNames(node, definitions.get(node.id)),
          target: nodeNames(target, targetDefinition).node,
          targetEs: nodeNames(target, targetDefinition).nodeEs,
        },
      });
    }
  }
  return warnings;
}
