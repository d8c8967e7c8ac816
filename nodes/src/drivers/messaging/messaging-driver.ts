// The one contract every messaging channel driver implements (DESIGN.md §7): nodes and the
// inbound webhook routes talk to this, never to a provider's API directly. What a node sends
// (`OutboundMessage`) is the SDK's (sdk/channels.ts); drivers render it.

import type { MessagingChannel, OutboundMessage, SendResult } from '../../sdk/channels.ts';

export type {
  ListSection,
  MessagingChannel,
  OutboundMessage,
  ReplyButton,
  SendResult,
} from '../../sdk/channels.ts';

export type DeliveryStatus =
  'queued' | 'sent' | 'delivered' | 'read' | 'failed' | 'undelivered' | 'expired' | 'bounced';

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
  /** What only a mail has. */
  email?: InboundEmail;
  receivedAt: Date;
}

/** A parsed mail (mailparser), with what threading, RFC 3834 and bounces need. */
export interface InboundEmail {
  subject: string;
  cc: string[];
  /** The HTML part, sanitised for display. */
  html?: string;
  /** Its `Message-ID` (without angle brackets); also the message's `providerMessageId`. */
  messageId: string;
  inReplyTo?: string;
  references: string[];
  /** The headers RFC 3834 and bulk mail rules look at, lower-cased names, raw values. */
  autoSubmitted?: string;
  precedence?: string;
  listId?: string;
  listUnsubscribe?: string;
  /** The SMTP envelope sender (Return-Path); empty for the null sender `<>` of bounces. */
  envelopeFrom?: string;
  /** Attachments kept in the attachment store (`mail_attachments` ids). */
  attachments: { id?: string; filename: string; contentType: string; bytes: number }[];
  /** A delivery status notification (RFC 3464) or a feedback report (RFC 5965), not a person. */
  report?: 'dsn' | 'arf';
}

/** A raw webhook delivery, as the HTTP layer received it (the body unparsed, for signatures). */
export interface WebhookRequest {
  headers: Record<string, string | undefined>;
  rawBody: string;
  url: string;
}

/** A DKIM key to sign a domain's mail with (RFC 6376): the PEM private key stays out of rows. */
export interface DkimSigningKey {
  domainName: string;
  keySelector: string;
  privateKey: string;
}

/**
 * What the runtime hands a driver with each send, from the sending workspace: kept out of the
 * `OutboundMessage` because the message is stored and these are secrets or open stored files.
 */
export interface SendContext {
  /** The workspace's DKIM key for a sending domain, when it has one. */
  dkimKey?(domain: string): Promise<DkimSigningKey | undefined>;
  /** The bytes of an attachment stored by an earlier step (`mail_attachments`). */
  openAttachment?(attachmentId: string): Promise<Buffer>;
  /**
   * Awaited once per message right before the driver writes it to the provider (an SMPP driver:
   * once it holds a window slot). A campaign records "handed over" here, so after a crash the
   * only sends in doubt are those written to the provider whose answer was never recorded. A
   * driver that calls it says so with `announcesHandOver`; for the others the caller awaits it
   * before `send`. When it rejects, nothing is written and `send` rejects with its error.
   */
  handingOver?(): Promise<void>;
}

export interface MessagingDriver {
  readonly channel: MessagingChannel;
  /** True when `send` calls `context.handingOver` itself, right before the provider write. */
  readonly announcesHandOver?: boolean;
  send(message: OutboundMessage, context?: SendContext): Promise<SendResult>;
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
  bounced: 4,
};
