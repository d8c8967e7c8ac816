import type { FlowDocument, MessagingChannel } from '../../api/types.ts';

/**
 * The channel a chat flow is tested on: its `message.inbound` trigger's (`any` lets the designer
 * pick), or null for a flow that does not start on a message (tested with JSON input instead).
 */
export function chatChannelOf(doc: FlowDocument): MessagingChannel | 'any' | null {
  const trigger =
    doc.nodes.find((n) => n.id === doc.trigger?.node) ?? doc.nodes.find((n) => n.type === 'message.inbound');
  if (trigger?.type !== 'message.inbound') return null;
  const channel = trigger.config.channel;
  return channel === 'sms' || channel === 'webchat' || channel === 'email' || channel === 'any'
    ? channel
    : 'whatsapp';
}
