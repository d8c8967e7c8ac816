import { z } from 'zod';
import { NodeError } from '../sdk/node-error.ts';
import type { TemplateScope } from '../sdk/types.ts';

export type Channel = 'whatsapp' | 'sms' | 'webchat' | 'email';
const channels: readonly Channel[] = ['whatsapp', 'sms', 'webchat', 'email'];

/**
 * Which channel a messaging node talks on: a fixed one, or `conversation`, the channel the message
 * that started the run came in on, so one bot answers on WhatsApp, SMS and web chat alike.
 */
export const messagingChannelSchema = z.enum(['conversation', ...channels]).meta({
  ui: {
    widget: 'select',
    label: { en: 'Channel', es: 'Canal' },
    optionLabels: {
      conversation: { en: 'The conversation’s channel', es: 'El canal de la conversación' },
      whatsapp: { en: 'WhatsApp', es: 'WhatsApp' },
      sms: { en: 'SMS', es: 'SMS' },
      webchat: { en: 'Web chat', es: 'Chat web' },
      email: { en: 'Email', es: 'Correo electrónico' },
    },
  },
});

/** The channel a node set to `conversation` means in this run: the one its trigger message used. */
export function resolveChannel(
  configured: z.infer<typeof messagingChannelSchema>,
  scope: TemplateScope,
): Channel {
  if (configured !== 'conversation') return configured;
  const fromInput = (scope.input as { channel?: unknown } | null)?.channel;
  const channel = channels.find((c) => c === fromInput);
  if (!channel)
    throw new NodeError(
      'NO_CONVERSATION_CHANNEL',
      'This run did not start on a message, so it has no conversation channel to answer on; pick WhatsApp, SMS or web chat in the node',
      false,
    );
  return channel;
}
