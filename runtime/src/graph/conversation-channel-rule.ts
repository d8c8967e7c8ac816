import type { AnyNodeDefinition } from '@omniflow/nodes/sdk';
import type { FlowDocument, FlowNode } from './flow-schema.ts';
import type { ValidationIssue } from './validation-issue.ts';
import { nodeNames } from './issue-names.ts';

/**
 * Errors for nodes set to answer on "the conversation's channel" in a flow whose trigger does not
 * start a conversation (`startsConversation` on its definition): such a run has none, and the
 * node would fail every time.
 */
export function conversationChannelErrors(
  doc: FlowDocument,
  trigger: FlowNode,
  triggerDefinition: AnyNodeDefinition | undefined,
  definitions: ReadonlyMap<string, AnyNodeDefinition> = new Map(),
): ValidationIssue[] {
  if (triggerDefinition?.startsConversation) return [];
  return doc.nodes
    .filter((n) => (n.config as { channel?: unknown }).channel === 'conversation')
    .map((n) => ({
      code: 'CONVERSATION_CHANNEL_WITHOUT_MESSAGE' as const,
      severity: 'error' as const,
      nodeId: n.id,
      path: ['channel'],
      params: { ...nodeNames(n, definitions.get(n.id)), ...nodeNames(trigger, triggerDefinition, 'trigger') },
      message: `"${n.id}" answers on the conversation's channel, but this flow does not start on a message (its trigger is ${trigger.type}); pick WhatsApp, SMS, web chat or email`,
    }));
}
