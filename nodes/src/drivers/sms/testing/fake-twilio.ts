import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { planSms } from '../../messaging/sms-encoding.ts';
import { twilioSignature } from '../../twilio/twilio-signature.ts';

// A stand-in for Twilio's Messages API on loopback, for tests: same path, Basic auth, form body,
// JSON answers (201 with the Message resource, errors as { code, message, more_info, status }),
// and status callbacks and incoming-message webhooks POSTed form-encoded with X-Twilio-Signature.

export interface FakeTwilioMessage {
  sid: string;
  to: string;
  from: string | null;
  messagingServiceSid: string | null;
  body: string;
  statusCallback: string | null;
  numSegments: number;
  status: string;
}

export interface FakeTwilioOptions {
  accountSid: string;
  authToken: string;
}

export interface WebhookDelivery {
  status: number;
  body: string;
}

class TwilioError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export class FakeTwilio {
  readonly messages: FakeTwilioMessage[] = [];
  /** Every request the API received, answered or refused. */
  requests = 0;
  private readonly server: Server;
  private port = 0;
  private nextFailure: { httpStatus: number; code: number; message: string } | undefined;

  private constructor(private readonly options: FakeTwilioOptions) {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        res.writeHead(500).end(String(error));
      });
    });
  }

  static async start(options: FakeTwilioOptions): Promise<FakeTwilio> {
    const fake = new FakeTwilio(options);
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    const address = fake.server.address();
    if (address && typeof address === 'object') fake.port = address.port;
    return fake;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Answer the next create request with this error, as Twilio does when it is overloaded. */
  failNext(httpStatus: number, code: number, message: string): void {
    this.nextFailure = { httpStatus, code, message };
  }

  /** POSTs a signed status callback for a message to the StatusCallback URL it was created with. */
  sendStatusCallback(
    sid: string,
    status: string,
    options: { errorCode?: string } = {},
  ): Promise<WebhookDelivery> {
    const message = this.messages.find((m) => m.sid === sid);
    if (!message?.statusCallback) throw new Error(`Message ${sid} has no StatusCallback`);
    message.status = status;
    const params = new URLSearchParams({
      AccountSid: this.options.accountSid,
      ApiVersion: '2010-04-01',
      From: message.from ?? '',
      To: message.to,
      MessageSid: sid,
      SmsSid: sid,
      MessageStatus: status,
      SmsStatus: status,
    });
    if (options.errorCode) params.set('ErrorCode', options.errorCode);
    return this.post(message.statusCallback, params);
  }

  /** POSTs a signed incoming-message webhook, as when a phone texts one of the account's numbers. */
  sendIncomingMessage(
    url: string,
    message: { from: string; to: string; body: string },
  ): Promise<WebhookDelivery> {
    const sid = newSid('SM');
    const params = new URLSearchParams({
      ToCountry: 'ES',
      SmsMessageSid: sid,
      NumMedia: '0',
      SmsSid: sid,
      SmsStatus: 'received',
      Body: message.body,
      To: message.to,
      NumSegments: String(planSms(message.body).parts.length),
      MessageSid: sid,
      AccountSid: this.options.accountSid,
      From: message.from,
      ApiVersion: '2010-04-01',
    });
    return this.post(url, params);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async post(url: string, params: URLSearchParams): Promise<WebhookDelivery> {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'X-Twilio-Signature': twilioSignature(this.options.authToken, url, params),
        'User-Agent': 'TwilioProxy/1.1',
      },
      body: params,
    });
    return { status: response.status, body: await response.text() };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.requests++;
    const body = await readBody(req);
    try {
      const match = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(req.url ?? '');
      if (!match) throw new TwilioError(404, 20404, `The requested resource ${req.url} was not found`);
      this.authenticate(req, decodeURIComponent(match[1] ?? ''));
      if (req.method !== 'POST') throw new TwilioError(405, 20004, 'Method not allowed');
      if (this.nextFailure) {
        const { httpStatus, code, message } = this.nextFailure;
        this.nextFailure = undefined;
        throw new TwilioError(httpStatus, code, message);
      }
      const message = this.createMessage(new URLSearchParams(body));
      this.messages.push(message);
      send(res, 201, this.resource(message));
    } catch (error) {
      if (!(error instanceof TwilioError)) throw error;
      send(res, error.httpStatus, {
        code: error.code,
        message: error.message,
        more_info: `https://www.twilio.com/docs/errors/${error.code}`,
        status: error.httpStatus,
      });
    }
  }

  private authenticate(req: IncomingMessage, pathAccountSid: string): void {
    const [scheme, encoded] = (req.headers.authorization ?? '').split(' ');
    const [user, password] = Buffer.from(encoded ?? '', 'base64')
      .toString('utf8')
      .split(':');
    const valid =
      scheme === 'Basic' &&
      user === this.options.accountSid &&
      password === this.options.authToken &&
      pathAccountSid === this.options.accountSid;
    if (!valid) throw new TwilioError(401, 20003, 'Authenticate');
  }

  private createMessage(params: URLSearchParams): FakeTwilioMessage {
    const to = params.get('To');
    const from = params.get('From');
    const messagingServiceSid = params.get('MessagingServiceSid');
    const body = params.get('Body') ?? '';
    if (!to) throw new TwilioError(400, 21604, "A 'To' phone number is required.");
    if (!/^\+[1-9]\d{6,14}$/.test(to))
      throw new TwilioError(400, 21211, `The 'To' number ${to} is not a valid phone number.`);
    if (!from && !messagingServiceSid)
      throw new TwilioError(400, 21603, "A 'From' phone number is required.");
    if (!body) throw new TwilioError(400, 21602, 'Message body is required.');
    if (body.length > 1600) {
      throw new TwilioError(400, 21617, 'The concatenated message body exceeds the 1600 character limit.');
    }
    return {
      sid: newSid('SM'),
      to,
      from,
      messagingServiceSid,
      body,
      statusCallback: params.get('StatusCallback'),
      // Through a Messaging Service the sender is not chosen yet, and Twilio answers 0.
      numSegments: from ? planSms(body).parts.length : 0,
      status: messagingServiceSid && !from ? 'accepted' : 'queued',
    };
  }

  private resource(message: FakeTwilioMessage): Record<string, unknown> {
    const now = new Date().toUTCString().replace('GMT', '+0000');
    return {
      account_sid: this.options.accountSid,
      api_version: '2010-04-01',
      body: message.body,
      date_created: now,
      date_sent: null,
      date_updated: now,
      direction: 'outbound-api',
      error_code: null,
      error_message: null,
      from: message.from,
      messaging_service_sid: message.messagingServiceSid,
      num_media: '0',
      num_segments: String(message.numSegments),
      price: null,
      price_unit: 'USD',
      sid: message.sid,
      status: message.status,
      subresource_uris: {
        media: `/2010-04-01/Accounts/${this.options.accountSid}/Messages/${message.sid}/Media.json`,
      },
      to: message.to,
      uri: `/2010-04-01/Accounts/${this.options.accountSid}/Messages/${message.sid}.json`,
    };
  }
}

function newSid(prefix: string): string {
  return prefix + randomBytes(16).toString('hex');
}

function send(res: ServerResponse, status: number, json: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(json));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}
