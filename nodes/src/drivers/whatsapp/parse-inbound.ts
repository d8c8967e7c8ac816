import type { InboundMessage, WebhookRequest } from '../messaging/messaging-driver.ts';
import { messagesChanges, type MessagesValue } from './webhook-payload.ts';

type WebhookMessage = NonNullable<MessagesValue['messages']>[number];

const mediaKinds = ['image', 'audio', 'video', 'document', 'sticker'] as const;

// Not something a person said to the bot: a reaction to an earlier message, or WhatsApp's own
// notice that the user changed number.
const ignoredTypes = new Set(['reaction', 'system']);

function e164(waId: string): string {
  return waId.startsWith('+') ? waId : `+${waId}`;
}

function content(message: WebhookMessage): Pick<InboundMessage, 'text' | 'choiceId' | 'media'> {
  const reply = message.interactive?.button_reply ?? message.interactive?.list_reply;
  if (reply) return { choiceId: reply.id, text: reply.title };
  if (message.button) {
    return {
      text: message.button.text,
      ...(message.button.payload ? { choiceId: message.button.payload } : {}),
    };
  }
  if (message.text) return { text: message.text.body };
  for (const kind of mediaKinds) {
    const asset = message[kind];
    if (message.type === kind && asset) {
      const { id, caption, url } = asset;
      return { media: { kind, id, ...(caption !== undefined ? { caption } : {}), ...(url ? { url } : {}) } };
    }
  }
  // Location, contacts and types newer than this driver arrive without text: the flow still hears
  // the person wrote (which also reopens the 24 h window) and can ask for words.
  return {};
}

/**
 * The messages people sent, from a verified webhook body. `from` is the sender's WhatsApp id in
 * E.164; `to` is the business phone-number id they wrote to — the same id a reply is sent from
 * (OutboundMessage.from), so a conversation answers from where it was reached.
 */
export function parseInbound(request: WebhookRequest): InboundMessage[] {
  const inbound: InboundMessage[] = [];
  for (const value of messagesChanges(request)) {
    for (const message of value.messages ?? []) {
      if (ignoredTypes.has(message.type)) continue;
      const sender = message.from ?? value.contacts?.[0]?.wa_id;
      if (!sender) continue;
      inbound.push({
        channel: 'whatsapp',
        from: e164(sender),
        to: value.metadata.phone_number_id,
        providerMessageId: message.id,
        receivedAt: message.timestamp,
        ...content(message),
      });
    }
  }
  return inbound;
}
