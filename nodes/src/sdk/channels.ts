// What a node may hand a messaging channel to send (DESIGN.md §7). The SDK owns these: nodes
// send through `deps.messaging`, and every driver in drivers/ implements them.

export type MessagingChannel = 'whatsapp' | 'sms' | 'webchat';

export interface ReplyButton {
  id: string;
  title: string;
}

export interface ListSection {
  title: string;
  rows: { id: string; title: string; description?: string }[];
}

/** What a flow wants to say; each driver renders what its channel can show. */
export interface OutboundMessage {
  /** The recipient's address on the channel: E.164 phone number or web-chat session id. */
  to: string;
  /** The sender (a number, a WhatsApp phone-number id); the driver's default when absent. */
  from?: string;
  text?: string;
  /** Quick replies: WhatsApp reply buttons (≤ 3), numbered options on SMS, chips on web chat. */
  buttons?: ReplyButton[];
  /** A WhatsApp list message (≤ 10 rows in all); numbered options elsewhere. */
  list?: { button: string; sections: ListSection[] };
  /** A pre-approved WhatsApp template with its body parameters. */
  template?: { name: string; language: string; parameters: string[] };
  media?: { kind: 'image' | 'audio' | 'video' | 'document'; url: string; caption?: string };
  /** Same key, same message: a retried send returns the first send's result. */
  idempotencyKey: string;
}

export interface SendResult {
  providerMessageId: string;
  /** SMS parts the message took (1 elsewhere). */
  segments: number;
}
