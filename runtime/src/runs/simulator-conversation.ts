import { randomBytes, randomUUID } from 'node:crypto';
import type { InboundMessage, MessagingChannel } from '@omniflow/nodes/drivers/messaging';
import { conversationWorkflowId, messageEventData } from '../messaging/route-inbound.ts';

/** What the builder's simulator types as the person's first message to a chat flow. */
export interface SimulatorMessage {
  channel: MessagingChannel;
  text?: string | undefined;
  choiceId?: string | undefined;
}

/** The simulator's side of a chat: its own sandbox address, so no real person is ever written to. */
export const simulatorAddressPrefix = 'sim-';

/**
 * A test run of a chat flow as a sandbox conversation: a fresh address per run, the message as the
 * trigger's input (as `message.inbound` gives it), and the conversation's workflow id, so the
 * simulator's replies go through `POST /sandbox/messages` to this run like a phone's would.
 */
export function simulatorConversation(workspaceId: string, message: SimulatorMessage) {
  const local = `${simulatorAddressPrefix}${randomBytes(6).toString('hex')}`;
  // A mail needs an address; `.invalid` (RFC 2606) can never reach anyone.
  const address = message.channel === 'email' ? `${local}@simulator.invalid` : local;
  const inbound: InboundMessage = {
    channel: message.channel,
    from: address,
    to: 'simulator',
    providerMessageId: `sandbox.in.${randomUUID()}`,
    ...(message.text !== undefined ? { text: message.text } : {}),
    ...(message.choiceId !== undefined ? { choiceId: message.choiceId } : {}),
    receivedAt: new Date(),
  };
  return {
    address,
    inbound,
    input: messageEventData(inbound),
    workflowId: conversationWorkflowId(workspaceId, message.channel, address),
  };
}
