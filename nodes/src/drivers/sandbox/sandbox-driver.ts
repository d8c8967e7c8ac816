import { randomUUID } from 'node:crypto';
import type {
  InboundMessage,
  MessagingChannel,
  MessagingDriver,
  OutboundMessage,
  SendContext,
  SendResult,
  StatusUpdate,
} from '../messaging/messaging-driver.ts';
import { planSms } from '../messaging/sms-encoding.ts';

/**
 * A channel with no provider behind it (DESIGN.md §7): what a flow sends is kept for the phone
 * simulator and the builder's simulator to show, and counts as delivered at once. The person's
 * side writes back through the API, not a webhook, so there is no signature to check.
 */
export class SandboxDriver implements MessagingDriver {
  // The pending send too, so the same key sent twice at once is delivered once.
  private readonly sent = new Map<string, Promise<SendResult>>();
  private readonly statusListeners = new Set<(update: StatusUpdate) => void>();

  constructor(readonly channel: MessagingChannel) {}

  async send(message: OutboundMessage, context?: SendContext): Promise<SendResult> {
    const earlier = this.sent.get(message.idempotencyKey);
    if (earlier) return earlier;
    const sending = this.deliver(message, context);
    this.sent.set(message.idempotencyKey, sending);
    let result: SendResult;
    try {
      result = await sending;
    } catch (error) {
      // A send that failed may be tried again with its key.
      this.sent.delete(message.idempotencyKey);
      throw error;
    }
    // Reported after the caller has recorded the send, as a real provider's receipt would be.
    setImmediate(() => {
      for (const listener of this.statusListeners)
        listener({ providerMessageId: result.providerMessageId, status: 'delivered', at: new Date() });
    });
    return result;
  }

  /** What the sandbox does with a message the first time its key is sent (the mail catcher keeps it). */
  protected async deliver(message: OutboundMessage, _context?: SendContext): Promise<SendResult> {
    if (!message.text && !message.template && !message.media)
      throw new Error('A message needs text, a template or media');
    const text = message.text ?? message.template?.parameters.join(' ') ?? '';
    return {
      providerMessageId: `sandbox.${randomUUID()}`,
      segments: this.channel === 'sms' ? planSms(text).parts.length : 1,
    };
  }

  onStatus(listener: (update: StatusUpdate) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  verifySignature(): boolean {
    return false;
  }

  parseInbound(): InboundMessage[] {
    return [];
  }

  parseStatus(): StatusUpdate[] {
    return [];
  }
}
