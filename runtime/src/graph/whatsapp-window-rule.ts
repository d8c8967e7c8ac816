import type { AnyNodeDefinition } from '@omniflow/nodes/sdk';
import { parseDuration } from '@omniflow/nodes/sdk';
import type { FlowDocument, FlowNode } from './flow-schema.ts';
import type { ValidationIssue } from './validation-issue.ts';
import { nodeNames } from './issue-names.ts';

/** WhatsApp takes free-form messages only within 24 h of the person's last message to us. */
export const serviceWindowMs = 24 * 3_600_000;

/** The config as the node reads it (with its defaults), or the raw one when it does not parse. */
function configOf(node: FlowNode, definition: AnyNodeDefinition | undefined): Record<string, unknown> {
  const parsed = definition?.config.safeParse(node.config);
  return (parsed?.success ? parsed.data : node.config) as Record<string, unknown>;
}

/** How long a run may stay at a node before leaving it: its wait or timeout (Infinity for a date). */
function longestStay(config: Record<string, unknown>, definition: AnyNodeDefinition | undefined): number {
  if (!definition?.waits) return 0;
  const text = config.timeout ?? config.duration;
  return typeof text === 'string' ? (parseDuration(text) ?? Infinity) : Infinity;
}

/**
 * Warnings for WhatsApp sends that may fall outside the customer-service window: free text (not a
 * template) reached when the person may not have written in the last 24 hours — the flow does
 * not start on their WhatsApp message, or waits add up to a day or more since they last wrote.
 * The runtime refuses such a send with WHATSAPP_WINDOW_CLOSED; this says so at design time.
 */
export function whatsAppWindowWarnings(
  doc: FlowDocument,
  trigger: FlowNode,
  definitions: ReadonlyMap<string, AnyNodeDefinition>,
): ValidationIssue[] {
  const nodes = new Map(doc.nodes.map((n) => [n.id, n]));
  const configs = new Map(doc.nodes.map((n) => [n.id, configOf(n, definitions.get(n.id))]));
  const out = new Map<string, { port: string; to: string }[]>();
  for (const edge of doc.edges)
    out.set(edge.from.node, [...(out.get(edge.from.node) ?? []), { port: edge.from.port, to: edge.to.node }]);

  // The longest time since the person's last message when the run reaches each node, capped at
  // the window (anything at or past it is "maybe outside"), so loops settle.
  const elapsed = new Map<string, number>();
  const triggerDefinition = definitions.get(trigger.id);
  const startsOnWhatsApp =
    triggerDefinition?.startsConversation?.(configs.get(trigger.id)!).includes('whatsapp') === true;
  const queue: [string, number][] = [[trigger.id, startsOnWhatsApp ? 0 : serviceWindowMs]];
  while (queue.length > 0) {
    const [id, since] = queue.shift()!;
    if ((elapsed.get(id) ?? -1) >= since) continue;
    elapsed.set(id, since);
    if (!nodes.has(id)) continue;
    const definition = definitions.get(id);
    const stay = longestStay(configs.get(id)!, definition);
    for (const { port, to } of out.get(id) ?? []) {
      // The node was left because the person just wrote: the window opens again there.
      const replied = definition?.repliedPorts?.includes(port) === true;
      queue.push([to, replied ? 0 : Math.min(since + stay, serviceWindowMs)]);
    }
  }

  const warnings: ValidationIssue[] = [];
  for (const [id, since] of elapsed) {
    const channel = configs.get(id)!.channel;
    // "The conversation's channel" is WhatsApp when the flow starts on a WhatsApp message.
    const onWhatsApp = channel === 'whatsapp' || (channel === 'conversation' && startsOnWhatsApp);
    if (definitions.get(id)?.sendsFreeText !== true || !onWhatsApp) continue;
    if (since < serviceWindowMs) continue;
    warnings.push({
      code: 'WHATSAPP_WINDOW_MAY_CLOSE',
      severity: 'warning',
      nodeId: id,
      params: {
        ...nodeNames(nodes.get(id), definitions.get(id)),
        reason: startsOnWhatsApp ? 'waits' : 'not_started',
      },
      message: startsOnWhatsApp
        ? `"${id}" sends free text on WhatsApp after waits that can add up to 24 hours or more since the person last wrote; WhatsApp refuses it then. Use a WhatsApp template node there, or a shorter wait`
        : `"${id}" sends free text on WhatsApp, but this flow does not start on the person's WhatsApp message, so the 24-hour window may be closed; WhatsApp refuses it then. Use a WhatsApp template node to open the conversation`,
    });
  }
  return warnings;
}
