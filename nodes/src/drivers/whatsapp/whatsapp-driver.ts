import { z } from 'zod';
import { IdempotentSends } from '../messaging/idempotent-sends.ts';
import type {
  InboundMessage,
  MessagingDriver,
  OutboundMessage,
  SendResult,
  StatusUpdate,
  WebhookRequest,
} from '../messaging/messaging-driver.ts';
import { parseInbound } from './parse-inbound.ts';
import { parseStatus } from './parse-status.ts';
import { postMessage } from './post-message.ts';
import { renderMessage } from './render-message.ts';
import { verifySubscription, type SubscriptionQuery } from './verify-subscription.ts';
import { verifyWebhookSignature } from './webhook-signature.ts';
import { WhatsAppError } from './whatsapp-error.ts';

export const whatsAppDriverOptions = z.object({
  /** The Graph API host; tests point it at the fake Graph API. */
  baseUrl: z.url({ protocol: /^https?$/ }).default('https://graph.facebook.com'),
  /** A Graph API version, e.g. `v21.0`: pinned, because Meta changes payloads between versions. */
  apiVersion: z.string().regex(/^v\d+\.\d+$/, 'a Graph API version like v21.0'),
  /** The business phone-number id messages are sent from unless a message names another. */
  phoneNumberId: z.string().regex(/^\d+$/, 'the numeric phone-number id from WhatsApp Manager'),
  /** A system-user access token with whatsapp_business_messaging. */
  accessToken: z.string().min(1),
  /** The Meta app secret, which signs webhooks (X-Hub-Signature-256). */
  appSecret: z.string().min(1),
  /** The Verify Token set in the app dashboard for the webhook handshake. */
  verifyToken: z.string().min(1),
  timeoutMs: z.number().int().positive().default(15_000),
  /** How many recent idempotency keys the driver remembers (see IdempotentSends). */
  rememberedSends: z.number().int().positive().default(10_000),
});

export type WhatsAppDriverOptions = z.input<typeof whatsAppDriverOptions>;

/** The WhatsApp Cloud API behind the MessagingDriver contract (DESIGN.md §7). */
export class WhatsAppDriver implements MessagingDriver {
  readonly channel = 'whatsapp' as const;
  private readonly options: z.output<typeof whatsAppDriverOptions>;
  private readonly sends: IdempotentSends<SendResult>;

  constructor(options: WhatsAppDriverOptions) {
    const parsed = whatsAppDriverOptions.safeParse(options);
    if (!parsed.success) {
      throw new WhatsAppError(
        'WHATSAPP_CONFIG_INVALID',
        `WhatsApp channel settings: ${z.prettifyError(parsed.error)}`,
        {
          retryable: false,
        },
      );
    }
    this.options = parsed.data;
    this.sends = new IdempotentSends(parsed.data.rememberedSends);
  }

  /**
   * Sends text, reply buttons, a list, a template or media by link. The message is checked against
   * WhatsApp's limits before any request, so an invalid one fails with WHATSAPP_MESSAGE_INVALID and
   * nothing is sent. A repeated idempotency key returns the first result without sending again.
   */
  send(message: OutboundMessage): Promise<SendResult> {
    return this.sends.run(message.idempotencyKey, async () => {
      const body = renderMessage(message);
      const { baseUrl, apiVersion, phoneNumberId, accessToken, timeoutMs } = this.options;
      const from = message.from ?? phoneNumberId;
      const url = `${baseUrl.replace(/\/+$/, '')}/${apiVersion}/${encodeURIComponent(from)}/messages`;
      const providerMessageId = await postMessage({ url, accessToken, body, timeoutMs });
      return { providerMessageId, segments: 1 };
    });
  }

  /** The number this driver sends from: Meta names it in every webhook's metadata. */
  get phoneNumberId(): string {
    return this.options.phoneNumberId;
  }

  /** The GET handshake Meta makes when the webhook is configured: the challenge to echo, or null (403). */
  verifySubscription(query: SubscriptionQuery): string | null {
    return verifySubscription(query, this.options.verifyToken);
  }

  verifySignature(request: WebhookRequest): boolean {
    return verifyWebhookSignature(request, this.options.appSecret);
  }

  parseInbound(request: WebhookRequest): InboundMessage[] {
    return parseInbound(request);
  }

  parseStatus(request: WebhookRequest): StatusUpdate[] {
    return parseStatus(request);
  }
}
