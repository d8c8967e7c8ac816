import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { checkMessageBody, type FakeTemplate } from './fake-graph-rules.ts';
import {
  escapedJson,
  inboundPayload,
  statusPayload,
  type FakeBusiness,
  type FakeStatusError,
  type SimulatedUserMessage,
} from './fake-webhook-payloads.ts';

export interface FakeGraphApiOptions {
  accessToken: string;
  appSecret: string;
  phoneNumberId: string;
  displayPhoneNumber?: string;
  wabaId?: string;
  /** Approved templates; when given, unknown names and wrong parameter counts are refused as Meta does. */
  templates?: FakeTemplate[];
  /** The fake's clock (24 h windows, timestamps); real time by default. */
  now?: () => Date;
}

/** A POST the fake received, accepted or not. */
export interface ReceivedCall {
  path: string;
  authorization: string | undefined;
  body: unknown;
  status: number;
}

/** A message the fake accepted, as Meta would have sent it to the user. */
export interface SentMessage {
  id: string;
  waId: string;
  body: unknown;
  at: Date;
}

export interface WebhookDelivery {
  status: number;
  rawBody: string;
}

export type DeliveryStatusName = 'sent' | 'delivered' | 'read' | 'failed';
export type SimulatedStatus =
  DeliveryStatusName | { status: DeliveryStatusName; at?: Date; error?: FakeStatusError };

/** How a raw webhook is signed: properly, not at all, with another secret, or for another body. */
export type Signing = 'valid' | 'missing' | 'wrong-secret' | 'tampered';

// When each status happens, relative to the send, whatever order it is delivered in: that is
// what makes an out-of-order delivery detectable by its timestamps, as with Meta.
const statusOffsetSeconds: Record<DeliveryStatusName, number> = { sent: 0, delivered: 1, read: 2, failed: 1 };

const digits = (phone: string) => phone.replace(/^\+/, '');
const wamid = () => `wamid.${randomBytes(18).toString('base64url')}`;

function graphError(status: number, code: number, title: string, details?: string, type = 'OAuthException') {
  return {
    status,
    body: {
      error: {
        message: `(#${code}) ${title}`,
        type,
        code,
        ...(details ? { error_data: { messaging_product: 'whatsapp', details } } : {}),
        fbtrace_id: randomBytes(9).toString('base64url'),
      },
    },
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * A stand-in for graph.facebook.com's Cloud API on loopback: it checks the Bearer token and the
 * phone-number id, refuses malformed messages and free-form messages outside a user's 24 h
 * window with Meta's error JSON, answers accepted sends like Meta, and records them. It also plays
 * the user's phone and Meta's webhooks: signed inbound messages and delivery reports — duplicated
 * or out of order on demand — and unsigned or badly signed bodies for negative tests.
 */
export class FakeGraphApi {
  readonly calls: ReceivedCall[] = [];
  readonly sent: SentMessage[] = [];
  private readonly lastInbound = new Map<string, Date>();
  private readonly sentListeners = new Set<(message: SentMessage) => void>();
  private readonly failures: { status: number; code: number; title: string; details?: string }[] = [];
  private readonly business: FakeBusiness;
  private readonly now: () => Date;
  private readonly server: Server;
  private baseUrl = '';

  private constructor(private readonly options: FakeGraphApiOptions) {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.business = {
      wabaId: options.wabaId ?? '102290129340398',
      phoneNumberId: options.phoneNumberId,
      displayPhoneNumber: options.displayPhoneNumber ?? '15550783881',
    };
    this.now = options.now ?? (() => new Date());
  }

  /** Starts the fake on a free loopback port; pass `url` to the driver as its baseUrl. */
  static async start(options: FakeGraphApiOptions): Promise<FakeGraphApi> {
    const fake = new FakeGraphApi(options);
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    const address = fake.server.address();
    if (address === null || typeof address === 'string')
      throw new Error('The fake Graph API has no TCP port');
    fake.baseUrl = `http://127.0.0.1:${address.port}`;
    return fake;
  }

  get url(): string {
    return this.baseUrl;
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.close((error) => (error ? reject(error) : resolve()));
      this.server.closeAllConnections();
    });
  }

  /**
   * Calls `listener` as each accepted message arrives: for timing a reply to the moment it
   * reaches "Meta", without polling `sent` (a poll interval would blur the figure).
   */
  onSent(listener: (message: SentMessage) => void): () => void {
    this.sentListeners.add(listener);
    return () => this.sentListeners.delete(listener);
  }

  /** Marks the user as having written at `at` (now by default), opening their 24 h window. */
  openWindow(phone: string, at: Date = this.now()): void {
    this.lastInbound.set(digits(phone), at);
  }

  /** The next send is refused with this Graph error instead (a 500, a 429 rate limit…). */
  failNext(failure: { status: number; code: number; title: string; details?: string }): void {
    this.failures.push(failure);
  }

  private windowOpen(waId: string): boolean {
    const last = this.lastInbound.get(waId);
    return last !== undefined && this.now().getTime() - last.getTime() < 24 * 60 * 60 * 1000;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      body = undefined;
    }
    const path = new URL(req.url ?? '/', this.url).pathname;
    const answer = this.answer(req, path, body);
    this.calls.push({ path, authorization: req.headers.authorization, body, status: answer.status });
    res.writeHead(answer.status, { 'content-type': 'application/json; charset=UTF-8' });
    res.end(JSON.stringify(answer.body));
  }

  private answer(req: IncomingMessage, path: string, body: unknown): { status: number; body: unknown } {
    const route = /^\/(v\d+\.\d+)\/([^/]+)\/messages$/.exec(path);
    if (req.method !== 'POST' || !route) {
      return graphError(400, 2500, `Unknown path components: ${path}`, undefined, 'OAuthException');
    }
    const auth = req.headers.authorization;
    if (!auth)
      return graphError(
        400,
        2500,
        'An active access token must be used to query information about the current user.',
      );
    if (auth !== `Bearer ${this.options.accessToken}`) {
      return graphError(401, 190, 'Invalid OAuth access token - Cannot parse access token');
    }
    if (route[2] !== this.options.phoneNumberId) {
      const answer = graphError(
        400,
        100,
        `Unsupported post request. Object with ID '${route[2]}' does not exist, cannot be loaded due to missing permissions, or does not support this operation`,
        undefined,
        'GraphMethodException',
      );
      return { status: answer.status, body: { error: { ...answer.body.error, error_subcode: 33 } } };
    }
    const failure = this.failures.shift();
    if (failure) return graphError(failure.status, failure.code, failure.title, failure.details);
    const checked = checkMessageBody(body, this.options.templates);
    if ('violation' in checked) {
      const { code, title, details } = checked.violation;
      return graphError(400, code, title, details);
    }
    const { message } = checked;
    const waId = digits(message.to);
    if (message.type !== 'template' && !this.windowOpen(waId)) {
      return graphError(
        400,
        131047,
        'Re-engagement message',
        'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
      );
    }
    const id = wamid();
    const sent = { id, waId, body, at: this.now() };
    this.sent.push(sent);
    for (const listener of this.sentListeners) listener(sent);
    return {
      status: 200,
      body: {
        messaging_product: 'whatsapp',
        contacts: [{ input: message.to, wa_id: waId }],
        messages: [{ id }],
      },
    };
  }

  private sign(rawBody: string, secret = this.options.appSecret): string {
    return `sha256=${createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex')}`;
  }

  /** POSTs a body to `target` as Meta's webhook delivery would, signed as asked. */
  async deliverRaw(target: string, rawBody: string, signing: Signing = 'valid'): Promise<WebhookDelivery> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'user-agent': 'facebookexternalua',
    };
    if (signing === 'valid') headers['x-hub-signature-256'] = this.sign(rawBody);
    if (signing === 'wrong-secret')
      headers['x-hub-signature-256'] = this.sign(rawBody, `${this.options.appSecret}-old`);
    if (signing === 'tampered') headers['x-hub-signature-256'] = this.sign(`${rawBody} `);
    const response = await fetch(target, { method: 'POST', headers, body: rawBody });
    await response.arrayBuffer();
    return { status: response.status, rawBody };
  }

  /**
   * A simulated user writes to the business: delivers a signed `messages` webhook and opens the
   * user's 24 h window. Button and list replies carry the context of the last message sent to them.
   */
  async userSends(
    target: string,
    phone: string,
    message: SimulatedUserMessage,
    options: { name?: string; at?: Date } = {},
  ): Promise<WebhookDelivery & { id: string }> {
    const waId = digits(phone);
    const at = options.at ?? this.now();
    const id = wamid();
    const context =
      'text' in message || 'image' in message ? undefined : this.sent.findLast((s) => s.waId === waId)?.id;
    const payload = inboundPayload(this.business, {
      waId,
      name: options.name ?? 'Ana López',
      id,
      at,
      message,
      ...(context ? { context } : {}),
    });
    this.openWindow(waId, at);
    return { ...(await this.deliverRaw(target, escapedJson(payload))), id };
  }

  /**
   * Delivers delivery reports for a sent message, one signed webhook each, in the order given
   * (`['read', 'delivered']` is out of order); `duplicate` delivers every one twice, as Meta's
   * at-least-once retries do. Each report's timestamp is when it happened, not when it is sent.
   */
  async deliverStatuses(
    target: string,
    messageId: string,
    reports: SimulatedStatus[],
    options: { duplicate?: boolean } = {},
  ): Promise<WebhookDelivery[]> {
    const message = this.sent.find((s) => s.id === messageId);
    const sentAt = message?.at ?? this.now();
    const deliveries: WebhookDelivery[] = [];
    for (const report of reports) {
      const { status, at, error } =
        typeof report === 'string' ? { status: report, at: undefined, error: undefined } : report;
      const payload = statusPayload(this.business, {
        id: messageId,
        status,
        at: at ?? new Date(sentAt.getTime() + statusOffsetSeconds[status] * 1000),
        recipientId: message?.waId ?? '0',
        ...(error ? { error } : {}),
      });
      const rawBody = escapedJson(payload);
      for (let copy = 0; copy < (options.duplicate ? 2 : 1); copy++)
        deliveries.push(await this.deliverRaw(target, rawBody));
    }
    return deliveries;
  }
}
