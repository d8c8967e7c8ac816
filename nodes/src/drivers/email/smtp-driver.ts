import nodemailer, { type Transporter } from 'nodemailer';
import type MailMessage from 'nodemailer/lib/mailer/mail-message';
import MimeNode from 'nodemailer/lib/mime-node';
import type {
  InboundMessage,
  MessagingDriver,
  OutboundMessage,
  SendContext,
  SendResult,
  StatusUpdate,
} from '../messaging/messaging-driver.ts';
import { BoundedMap } from '../sms/bounded-map.ts';
import { buildMail } from './build-mail.ts';
import { mailBytes } from './mail-bytes.ts';
import { smtpFailure } from './smtp-failure.ts';

export interface SmtpDriverOptions {
  host: string;
  port: number;
  /** `tls`: TLS from the first byte (465); `starttls`: upgrade required (587); `none`: plain. */
  security: 'tls' | 'starttls' | 'none';
  user?: string;
  password?: string;
  fromAddress: string;
  fromName?: string;
  /** Connections the pool keeps open to the server (default 5). */
  maxConnections?: number;
  /** For a server whose certificate this machine cannot check (a test relay). */
  allowUnverifiedTls?: boolean;
  /** How long to wait for a connection and for each reply (default 30 s / 60 s). */
  connectionTimeoutMs?: number;
  socketTimeoutMs?: number;
  /** Sends remembered for idempotency (default 100 000, oldest forgotten). */
  rememberLimit?: number;
}

/**
 * Email through an SMTP account: one pooled nodemailer transport per account, so a burst of
 * sends shares a few authenticated connections instead of opening one each.
 */
export class SmtpDriver implements MessagingDriver {
  readonly channel = 'email' as const;
  private readonly transport: Transporter;
  private readonly sends: BoundedMap<string, Promise<SendResult>>;
  private readonly server: string;

  constructor(private readonly options: SmtpDriverOptions) {
    this.server = `${options.host}:${options.port}`;
    this.sends = new BoundedMap(options.rememberLimit ?? 100_000);
    this.transport = nodemailer.createTransport({
      pool: true,
      host: options.host,
      port: options.port,
      secure: options.security === 'tls',
      requireTLS: options.security === 'starttls',
      ignoreTLS: options.security === 'none',
      ...(options.user ? { auth: { user: options.user, pass: options.password ?? '' } } : {}),
      maxConnections: options.maxConnections ?? 5,
      maxMessages: 1000,
      connectionTimeout: options.connectionTimeoutMs ?? 30_000,
      greetingTimeout: options.connectionTimeoutMs ?? 30_000,
      socketTimeout: options.socketTimeoutMs ?? 60_000,
      ...(options.allowUnverifiedTls ? { tls: { rejectUnauthorized: false } } : {}),
    });
  }

  /** The address mail goes out from when a message names none. */
  get fromAddress(): string {
    return this.options.fromAddress;
  }

  /**
   * Sends one mail. A key sent before in this process returns that send's result; a failed send
   * is forgotten so that retrying it tries again. Across processes the messages row stops a
   * second send, and the Message-ID stays the same for the key (build-mail.ts).
   */
  send(message: OutboundMessage, context?: SendContext): Promise<SendResult> {
    const known = this.sends.get(message.idempotencyKey);
    if (known) return known;
    const sending = this.deliver(message, context);
    this.sends.set(message.idempotencyKey, sending);
    sending.catch(() => this.sends.delete(message.idempotencyKey));
    return sending;
  }

  private async deliver(message: OutboundMessage, context?: SendContext): Promise<SendResult> {
    const mail = await buildMail(message, this.options, context);
    // Built and signed here, handed to the pool whole: the pool only talks SMTP.
    const { raw, envelope } = await mailBytes(mail);
    try {
      await this.handOver(raw, envelope, mail.messageId);
    } catch (error) {
      throw smtpFailure(error, this.server, message.to);
    }
    return { providerMessageId: mail.messageId, segments: 1 };
  }

  /**
   * The bytes to the pool as they are. sendMail({ raw }) would run its plugins over them, wrap
   * them in a new message node and give that a random Message-ID of its own (five calls for
   * random bytes), per mail; the pool reads only the envelope, the id and the bytes
   * (nodemailer's transport contract: `send(mail, callback)`, `mail.message` a MimeNode).
   */
  private handOver(raw: Buffer, envelope: { from: string; to: string[] }, messageId: string): Promise<void> {
    const message = new MimeNode('message/rfc822').setRaw(raw).setEnvelope(envelope);
    message.setHeader('Message-ID', `<${messageId}>`);
    const mail = { data: {}, message } as unknown as MailMessage;
    return new Promise((resolve, reject) =>
      this.transport.transporter.send(mail, (error) => (error ? reject(error) : resolve())),
    );
  }

  /** Connects and logs in once, to check the settings before a flow relies on them. */
  async verify(): Promise<void> {
    try {
      await this.transport.verify();
    } catch (error) {
      throw smtpFailure(error, this.server, this.options.fromAddress);
    }
  }

  /** Mail has no webhooks: replies arrive by the inbound server or IMAP, bounces as DSN mail. */
  verifySignature(): boolean {
    return false;
  }

  parseInbound(): InboundMessage[] {
    return [];
  }

  parseStatus(): StatusUpdate[] {
    return [];
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}
