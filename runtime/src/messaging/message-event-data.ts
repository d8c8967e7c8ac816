import { replyText } from '@omniflow/nodes';
import type { InboundEmail, InboundMessage } from '@omniflow/nodes/drivers/messaging';

/**
 * A mail's own part, or for an email message written without one (the sandbox's person side, the
 * builder's simulator) a bare one: no subject, no thread, its id as its Message-ID. Answers in the
 * thread then still have a mail to answer.
 */
export function mailPartOf(inbound: InboundMessage): InboundEmail | undefined {
  if (inbound.channel !== 'email') return inbound.email;
  return (
    inbound.email ?? {
      subject: '',
      cc: [],
      messageId: inbound.providerMessageId,
      references: [],
      attachments: [],
    }
  );
}

/** What a run is given of a message: its trigger input, or the data of its `message` event. */
export function messageEventData(inbound: InboundMessage) {
  const email = mailPartOf(inbound);
  // In a reply, what the person wrote is above the mail they quote: that is their answer.
  const inThread = email !== undefined && (email.inReplyTo !== undefined || email.references.length > 0);
  const text = inbound.text !== undefined && inThread ? replyText(inbound.text) : inbound.text;
  return {
    channel: inbound.channel,
    from: inbound.from,
    to: inbound.to,
    ...(text !== undefined ? { text } : {}),
    ...(inbound.choiceId !== undefined ? { choiceId: inbound.choiceId } : {}),
    ...(inbound.media ? { media: inbound.media } : {}),
    // The HTML stays in the message row: a run's input travels in every history event.
    ...(email
      ? {
          email: {
            subject: email.subject,
            cc: email.cc,
            messageId: email.messageId,
            ...(email.inReplyTo !== undefined ? { inReplyTo: email.inReplyTo } : {}),
            references: email.references,
            attachments: email.attachments,
          },
        }
      : {}),
  };
}
