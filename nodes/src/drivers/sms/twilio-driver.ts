import { z } from 'zod';
import type {
  DeliveryStatus,
  InboundMessage,
  MessagingDriver,
  OutboundMessage,
  SendResult,
  StatusUpdate,
  WebhookRequest,
} from '../messaging/messaging-driver.ts';
import { planSms } from '../messaging/sms-encoding.ts';
import { NodeError } from '../../sdk/node-error.ts';
import { BoundedMap } from './bounded-map.ts';
import { renderSmsText } from './render-sms-text.ts';
import { verifyTwilioSignature } from '../twilio/twilio-signature.ts';

export interface TwilioDriverOptions {
  accountSid: string;
  authToken: string;
  /** Default sender number; or send through a Messaging Service with messagingServiceSid. */
  from?: string;
  messagingServiceSid?: string;
  /** Where Twilio should POST status callbacks for the messages this driver sends. */
  statusCallbackUrl?: string;
  /** Any Twilio-compatible API (default https://api.twilio.com). */
  baseUrl?: string;
  /** Per request (default 15 s). */
  timeoutMs?: number;
  /** Sends remembered for idempotency (default 100 000, oldest forgotten). */
  rememberLimit?: number;
  now?: () => Date;
}

// The parts of the Message resource and of Twilio's error answer this driver reads; Twilio adds
// fields over time, so unknown ones are ignored rather than rejected.
const messageResource = z.object({
  sid: z.string(),
  status: z.string(),
  num_segments: z.union([z.string(), z.number()]).nullish(),
  error_code: z.number().nullish(),
  error_message: z.string().nullish(),
});
const errorAnswer = z.object({
  code: z.number().nullish(),
  message: z.string().nullish(),
  more_info: z.string().nullish(),
});

// MessageStatus values of status callbacks, in our words. "accepted" and "scheduled" are a
// Messaging Service holding the message; "canceled" means it was never sent.
const statusWords: Record<string, DeliveryStatus> = {
  accepted: 'queued',
  scheduled: 'queued',
  queued: 'queued',
  sending: 'queued',
  sent: 'sent',
  delivered: 'delivered',
  read: 'read',
  undelivered: 'undelivered',
  failed: 'failed',
  canceled: 'failed',
};

/** SMS through Twilio's Messages API (or any API that speaks it). */
export class TwilioSmsDriver implements MessagingDriver {
  readonly channel = 'sms' as const;
  private readonly baseUrl: string;
  private readonly sends: BoundedMap<string, Promise<SendResult>>;
  private readonly now: () => Date;

  constructor(private readonly options: TwilioDriverOptions) {
    this.baseUrl = (options.baseUrl ?? 'https://api.twilio.com').replace(/\/+$/, '');
    this.sends = new BoundedMap(options.rememberLimit ?? 100_000);
    this.now = options.now ?? (() => new Date());
  }

  /**
   * Creates a Message resource. Twilio's Messages API takes no idempotency key, so the driver
   * remembers each key's result; a failed send is forgotten so that retrying it tries again.
   */
  send(message: OutboundMessage): Promise<SendResult> {
    const known = this.sends.get(message.idempotencyKey);
    if (known) return known;
    const sending = this.create(message);
    this.sends.set(message.idempotencyKey, sending);
    sending.catch(() => this.sends.delete(message.idempotencyKey));
    return sending;
  }

  verifySignature(request: WebhookRequest): boolean {
    return verifyTwilioSignature(
      this.options.authToken,
      header(request, 'x-twilio-signature'),
      request.url,
      request.rawBody,
    );
  }

  /** The message of an incoming-message webhook; none for a status callback. */
  parseInbound(request: WebhookRequest): InboundMessage[] {
    const params = new URLSearchParams(request.rawBody);
    const sid = params.get('MessageSid');
    const from = params.get('From');
    const to = params.get('To');
    if (params.has('MessageStatus') || !sid || !from || !to) return [];
    const mediaUrl = params.get('MediaUrl0');
    const mediaType = params.get('MediaContentType0');
    return [
      {
        channel: 'sms',
        from,
        to,
        providerMessageId: sid,
        text: params.get('Body') ?? '',
        ...(mediaUrl ? { media: { kind: mediaKind(mediaType), url: mediaUrl } } : {}),
        receivedAt: this.now(),
      },
    ];
  }

  /** The status of a status callback; none for an incoming message or a status we do not track. */
  parseStatus(request: WebhookRequest): StatusUpdate[] {
    const params = new URLSearchParams(request.rawBody);
    const sid = params.get('MessageSid');
    const word = params.get('MessageStatus');
    const status = word ? statusWords[word] : undefined;
    if (!sid || !status) return [];
    const errorCode = params.get('ErrorCode');
    const errorMessage = params.get('ErrorMessage');
    return [
      {
        providerMessageId: sid,
        status,
        at: this.now(),
        ...(errorCode && errorCode !== '0' ? { errorCode } : {}),
        ...(errorMessage ? { errorMessage } : {}),
      },
    ];
  }

  private async create(message: OutboundMessage): Promise<SendResult> {
    const text = renderSmsText(message);
    const form = new URLSearchParams({ To: message.to, Body: text });
    const from = message.from ?? this.options.from;
    if (from) form.set('From', from);
    else if (this.options.messagingServiceSid)
      form.set('MessagingServiceSid', this.options.messagingServiceSid);
    else
      throw new NodeError(
        'SMS_NO_SENDER',
        'No sender: set the message "from", the driver "from" or a messagingServiceSid',
        false,
      );
    if (this.options.statusCallbackUrl) form.set('StatusCallback', this.options.statusCallbackUrl);

    const url = `${this.baseUrl}/2010-04-01/Accounts/${encodeURIComponent(this.options.accountSid)}/Messages.json`;
    const timeoutMs = this.options.timeoutMs ?? 15_000;
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: {
          Authorization: `Basic ${Buffer.from(`${this.options.accountSid}:${this.options.authToken}`).toString('base64')}`,
          'Content-Type': 'application/x-www-form-urlencoded',
          Accept: 'application/json',
        },
        body: form,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      // A timeout leaves it unknown whether Twilio created the message; the retry the caller
      // makes may then send it twice, which beats never sending it.
      throw new NodeError(
        'SMS_PROVIDER_UNAVAILABLE',
        `No answer from ${this.baseUrl} within ${timeoutMs} ms: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const body = await response.text();
    const json = parseJson(body);
    if (!response.ok) throw this.refusal(response.status, json, body);
    const resource = messageResource.safeParse(json);
    if (!resource.success) {
      throw new NodeError(
        'SMS_PROVIDER_BAD_ANSWER',
        `Unexpected answer from ${this.baseUrl}: ${body.slice(0, 200)}`,
      );
    }
    // Twilio reports 0 segments until a Messaging Service has picked the sender; our own
    // count is what the message will take.
    const segments = Number(resource.data.num_segments ?? 0) || planSms(text).parts.length;
    return { providerMessageId: resource.data.sid, segments };
  }

  private refusal(httpStatus: number, json: unknown, body: string): NodeError {
    const parsed = errorAnswer.safeParse(json);
    const twilioCode = parsed.success ? (parsed.data.code ?? undefined) : undefined;
    const twilioMessage = (parsed.success ? parsed.data.message : undefined) ?? body.slice(0, 200);
    const moreInfo = parsed.success ? (parsed.data.more_info ?? undefined) : undefined;
    const what = `${twilioMessage} (HTTP ${httpStatus}${twilioCode ? `, Twilio error ${twilioCode}` : ''})${moreInfo ? `. See ${moreInfo}` : ''}`;
    const details = { httpStatus, twilioCode, moreInfo };
    if (httpStatus === 401 || httpStatus === 403) {
      return new NodeError(
        'CHANNEL_AUTH_FAILED',
        `Twilio refused the credentials of account ${this.options.accountSid}: ${what}`,
        false,
        details,
      );
    }
    if (httpStatus === 429)
      return new NodeError('SMS_THROTTLED', `Twilio is rate-limiting: ${what}`, true, details);
    if (httpStatus >= 500) {
      return new NodeError('SMS_PROVIDER_UNAVAILABLE', `Twilio failed: ${what}`, true, details);
    }
    return new NodeError('SMS_SEND_REJECTED', `Twilio refused the message: ${what}`, false, details);
  }
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

function header(request: WebhookRequest, name: string): string | undefined {
  const key = Object.keys(request.headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : request.headers[key];
}

function mediaKind(contentType: string | null): string {
  const major = contentType?.split('/')[0];
  if (major === 'image' || major === 'audio' || major === 'video') return major;
  return 'document';
}
