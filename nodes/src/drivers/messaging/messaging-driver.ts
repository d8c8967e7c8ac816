// The one contract every messaging channel driver implements (DESIGN.md §7): nodes and the
// inbound webhook routes talk to this, never to a provider's API directly.

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

export type DeliveryStatus = 'queued' | 'sent' | 'delivered' | 'read' | 'failed' | 'undelivered' | 'expired';

/** A delivery report, in the provider's words mapped to ours. */
export interface StatusUpdate {
  providerMessageId: string;
  status: DeliveryStatus;
  at: Date;
  errorCode?: string;
  errorMessage?: string;
}

/** A message a person sent to one of our addresses. */
export interface InboundMessage {
  channel: MessagingChannel;
  /** The person's address (their phone number, their web-chat session). */
  from: string;
  /** Our address they wrote to. */
  to: string;
  providerMessageId: string;
  text?: string;
  /** The id of the button or list row they chose, when they chose one. */
  choiceId?: string;
  media?: { kind: string; url?: string; id?: string; caption?: string };
  receivedAt: Date;
}

/** A raw webhook delivery, as the HTTP layer received it (the body unparsed, for signatures). */
export interface WebhookRequest {
  headers: Record<string, string | undefined>;
  rawBody: string;
  url: string;
}

export interface MessagingDriver {
  readonly channel: MessagingChannel;
  send(message: OutboundMessage): Promise<SendResult>;
  /** True when the webhook really comes from the provider (HMAC, provider signature). */
  verifySignature(request: WebhookRequest): boolean;
  /** The messages in a verified webhook body (none when it carries only statuses). */
  parseInbound(request: WebhookRequest): InboundMessage[];
  /** The delivery reports in a verified webhook body. */
  parseStatus(request: WebhookRequest): StatusUpdate[];
  /**
   * Drivers that hear from the provider over a connection of their own (SMPP, the sandbox)
   * instead of webhooks report here. A handler that rejects asks the provider to deliver again.
   */
  onStatus?(handler: (update: StatusUpdate) => void | Promise<void>): () => void;
  onInbound?(handler: (message: InboundMessage) => void | Promise<void>): () => void;
  /** Releases what the driver holds open (an SMPP bind) when its settings change or we stop. */
  close?(): Promise<void>;
}

/** Rank of each status, so a late "sent" never overwrites "delivered" or "read". */
export const statusRank: Record<DeliveryStatus, number> = {
  queued: 0,
  sent: 1,
  delivered: 2,
  read: 3,
  failed: 4,
  undelivered: 4,
  expired: 4,
};
