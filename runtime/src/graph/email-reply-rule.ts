import type { AnyNodeDefinition } from '@omniflow/nodes/sdk';
import type { FlowDocument, FlowNode } from './flow-schema.ts';
import type { ValidationIssue } from './validation-issue.ts';
import { nodeNames } from './issue-names.ts';

/**
 * Errors for `email.reply` nodes in a flow that never receives a mail: its trigger is not a mail,
 * and no question goes out by email whose answer could come back. Such a reply has nothing to
 * answer and would fail every run.
 */
export function emailReplyErrors(
  doc: FlowDocument,
  trigger: FlowNode,
  triggerDefinition: AnyNodeDefinition | undefined,
  definitions: ReadonlyMap<string, AnyNodeDefinition> = new Map(),
): ValidationIssue[] {
  const parsed = triggerDefinition?.config.safeParse(trigger.config);
  const startsByMail =
    parsed?.success === true &&
    (triggerDefinition?.startsConversation?.(parsed.data) ?? []).includes('email');
  const asksByMail = doc.nodes.some((n) => n.type === 'message.ask' && n.config['channel'] === 'email');
  if (startsByMail || asksByMail) return [];
  return doc.nodes
    .filter((n) => n.type === 'email.reply')
    .map((n) => ({
      code: 'EMAIL_REPLY_WITHOUT_MAIL' as const,
      severity: 'error' as const,
      nodeId: n.id,
      params: { ...nodeNames(n, definitions.get(n.id)), ...nodeNames(trigger, triggerDefinition, 'trigger') },
      message: `"${n.id}" answers a mail, but this flow receives none (its trigger is ${trigger.type} and it asks nothing by email); start it with "Email received", or use "Send email"`,
    }));
}
