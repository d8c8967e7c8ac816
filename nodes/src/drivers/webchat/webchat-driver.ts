import { randomUUID } from 'node:crypto';
import type {
  InboundMessage,
  MessagingDriver,
  OutboundMessage,
  SendResult,
  StatusUpdate,
  WebhookRequest,
} from '../messaging/messaging-driver.ts';
import { BoundedMap } from '../sms/bounded-map.ts';
import { webChatInboundBody, type WebChatInboundBody } from './inbound-body.ts';
import { renderWebChatMessage } from './render-webchat-message.ts';
import { issueSessionToken, verifySessionToken } from './session-token.ts';
import type { WebChatHub } from './webchat-hub.ts';

export interface WebChatDriverOptions {
  hub: WebChatHub;
  /** Signs visitor sessions (OMNIFLOW_WEBCHAT_SECRET); every API replica needs the same one. */
  secret: string;
  clock?: () => Date;
}

/**
 * The web chat channel: our own widget is the "provider". A send goes to the visitor's live
 * connections through the hub; the messaging service has already written it to `messages`, which
 * is what a reconnecting widget replays. Inbound requests carry the session token the server
 * issued instead of a provider signature.
 */
export class WebChatDriver implements MessagingDriver {
  readonly channel = 'webchat' as const;
  readonly hub: WebChatHub;
  private readonly secret: string;
  private readonly clock: () => Date;
  private readonly sent = new BoundedMap<string, SendResult>(10_000);
  private readonly statusListeners = new Set<(update: StatusUpdate) => void>();

  constructor(options: WebChatDriverOptions) {
    if (options.secret.length < 16) throw new Error('The web chat secret must be at least 16 characters');
    this.hub = options.hub;
    this.secret = options.secret;
    this.clock = options.clock ?? (() => new Date());
  }

  issueToken(workspaceId: string, sessionId: string): string {
    return issueSessionToken(this.secret, workspaceId, sessionId);
  }

  verifyToken(workspaceId: string, sessionId: string, token: string): boolean {
    return verifySessionToken(this.secret, workspaceId, sessionId, token);
  }

  async send(message: OutboundMessage): Promise<SendResult> {
    const earlier = this.sent.get(message.idempotencyKey);
    if (earlier) return earlier;
    if (!message.text && !message.template && !message.media && !message.buttons?.length && !message.list)
      throw Object.assign(new Error('A web chat message needs text, chips or media'), { retryable: false });
    const result: SendResult = { providerMessageId: `webchat.${randomUUID()}`, segments: 1 };
    this.sent.set(message.idempotencyKey, result);
    const live = this.hub.publish(message.to, {
      type: 'message',
      message: renderWebChatMessage(message, result.providerMessageId, this.clock()),
    });
    // Delivered means a widget had it on screen; otherwise it stays "sent" until a reconnect
    // replays it from the history.
    if (live > 0) {
      setImmediate(() => {
        for (const listener of this.statusListeners)
          listener({ providerMessageId: result.providerMessageId, status: 'delivered', at: this.clock() });
      });
    }
    return result;
  }

  onStatus(listener: (update: StatusUpdate) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** The visitor's message body, or null when it is not one. */
  private body(request: WebhookRequest): WebChatInboundBody | null {
    try {
      const parsed = webChatInboundBody.safeParse(JSON.parse(request.rawBody));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  /**
   * True when the request carries the token this server issued for the session it names. The
   * widget key is checked against the workspace by the caller (the key is the workspace id).
   */
  verifySignature(request: WebhookRequest): boolean {
    const body = this.body(request);
    const token = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
    return !!body && !!token && this.verifyToken(body.key, body.sessionId, token);
  }

  parseInbound(request: WebhookRequest): InboundMessage[] {
    const body = this.body(request);
    if (!body) throw new Error('The body is not a web chat message');
    return [
      {
        channel: 'webchat',
        from: body.sessionId,
        to: 'webchat',
        // The widget's own id: a message resent after a dropped connection is recorded once.
        providerMessageId: `webchat.in.${body.sessionId}.${body.clientMessageId}`,
        ...(body.text !== undefined && body.text.trim() !== '' ? { text: body.text.trim() } : {}),
        ...(body.choiceId !== undefined ? { choiceId: body.choiceId } : {}),
        receivedAt: this.clock(),
      },
    ];
  }

  /** Delivery is known at send time (the hub); the widget sends no receipts. */
  parseStatus(): StatusUpdate[] {
    return [];
  }
}
