// What a node may hand a messaging channel to send (DESIGN.md §7). The SDK owns these: nodes
// send through `deps.messaging`, and every driver in drivers/ implements them.

export type MessagingChannel = 'whatsapp' | 'sms' | 'webchat' | 'email';

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
  /** The recipient's address on the channel: E.164 phone number, web-chat session id, email address. */
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
  /** What only a mail has (email's `text` is its plain-text part). */
  email?: OutboundEmail;
  /** Same key, same message: a retried send returns the first send's result. */
  idempotencyKey: string;
}

/** A file to attach: bytes stored by an earlier step (a received mail's attachment), or a URL. */
export interface EmailAttachment {
  filename: string;
  contentType?: string;
  /** A stored attachment (`mail_attachments.id`). */
  attachmentId?: string;
  url?: string;
}

export interface OutboundEmail {
  subject: string;
  /** The HTML part (rendered from MJML or written inline); `text` is the plain alternative. */
  html?: string;
  cc?: string[];
  replyTo?: string;
  /** A display name for the sending account's address. */
  fromName?: string;
  /** Threading (RFC 5322 §3.6.4): the Message-ID answered, and the thread's ids. */
  inReplyTo?: string;
  references?: string[];
  /**
   * Marketing and campaign mail: the RFC 8058 one-click unsubscribe link goes in
   * `List-Unsubscribe` with `List-Unsubscribe-Post`, and in a visible footer.
   */
  marketing?: boolean;
  /** Filled in by the runtime for marketing mail: the signed one-click unsubscribe link. */
  unsubscribeUrl?: string;
  /** RFC 3834 §5: `auto-replied` on an answer a flow sent by itself to a mail. */
  autoSubmitted?: 'auto-replied' | 'auto-generated';
  attachments?: EmailAttachment[];
}

export interface SendResult {
  /** The provider's id; for email, the `Message-ID` we gave the mail (without angle brackets). */
  providerMessageId: string;
  /** SMS parts the message took (1 elsewhere). */
  segments: number;
}
