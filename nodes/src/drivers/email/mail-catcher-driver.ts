import { SandboxDriver } from '../sandbox/sandbox-driver.ts';
import type {
  DkimSigningKey,
  OutboundMessage,
  SendContext,
  SendResult,
} from '../messaging/messaging-driver.ts';
import { buildMail } from './build-mail.ts';
import { mailBytes } from './mail-bytes.ts';

/** A mail the catcher built: whole, as it would have left by SMTP. */
export interface CaughtMail {
  /** The send's idempotency key: the same key is the same mail. */
  idempotencyKey: string;
  /** Its `Message-ID`, without angle brackets (also the send's provider id). */
  messageId: string;
  from: string;
  to: string[];
  subject: string;
  /** The RFC 5322 message, CRLF line ends. */
  raw: string;
}

export interface MailCatcherOptions {
  /** Keeps a built mail (the runtime writes `caught_mails`); called again with the same key after a retry. */
  keep: (mail: CaughtMail) => Promise<void>;
  /** The sender when the message names none. */
  from?: string;
  /** The DKIM key of the sending domain, when one is set: the mail is signed as SMTP would sign it. */
  dkimKey?: (domain: string) => Promise<DkimSigningKey | undefined>;
}

/**
 * The email sandbox (DESIGN.md §7's mail catcher): each mail a flow sends is built whole with
 * nodemailer, as the SMTP driver would send it (MIME parts, thread and unsubscribe headers,
 * DKIM-signed when the domain has a key), then kept instead of sent, and reported delivered.
 * `omniflow dev` with no SMTP account and every test run send here.
 */
export class MailCatcherDriver extends SandboxDriver {
  constructor(private readonly options: MailCatcherOptions) {
    super('email');
  }

  protected override async deliver(message: OutboundMessage, context: SendContext = {}): Promise<SendResult> {
    // Built exactly as the SMTP driver builds it (buildMail), so what the catcher shows is what
    // would have left.
    const mail = await buildMail(
      message,
      { fromAddress: (this.options.from ?? 'omniflow@localhost').toLowerCase() },
      // The workspace's key and stored attachments come with the send, as the SMTP driver gets them.
      this.options.dkimKey ? { ...context, dkimKey: this.options.dkimKey } : context,
    );
    const { raw } = await mailBytes(mail);
    const email = message.email;
    await this.options.keep({
      idempotencyKey: message.idempotencyKey,
      messageId: mail.messageId,
      from: (message.from ?? this.options.from ?? 'omniflow@localhost').toLowerCase(),
      to: [message.to, ...(email?.cc ?? [])],
      subject: typeof mail.options.subject === 'string' ? mail.options.subject : '',
      raw: raw.toString('utf8'),
    });
    return { providerMessageId: mail.messageId, segments: 1 };
  }
}
