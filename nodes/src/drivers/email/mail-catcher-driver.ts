import { createHash } from 'node:crypto';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import { NodeError } from '../../sdk/node-error.ts';
import { SandboxDriver } from '../sandbox/sandbox-driver.ts';
import type { OutboundMessage, SendResult } from '../messaging/messaging-driver.ts';

/** A sending domain's DKIM key (RFC 6376), as nodemailer signs with it. */
export interface DkimSigningKey {
  domainName: string;
  keySelector: string;
  /** PEM. */
  privateKey: string;
}

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

// Only builds the message: no connection is opened, nothing leaves the process.
const builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });

const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1) || 'localhost';

/** Stable per key (RFC 5322 §3.6.4 asks for a unique id): a retried send builds the same mail. */
const messageIdFor = (idempotencyKey: string, domain: string) =>
  `${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32)}@${domain}`;

/** Quick replies have no place in a mail: they become numbered lines, as on SMS. */
function plainText(message: OutboundMessage): string {
  const options = [...(message.buttons ?? []), ...(message.list?.sections.flatMap((s) => s.rows) ?? [])].map(
    (option, i) => `${i + 1}. ${option.title}`,
  );
  const text = message.text ?? message.template?.parameters.join(' ') ?? '';
  const media = message.media ? [message.media.caption ?? '', message.media.url].filter(Boolean) : [];
  return [text, ...media, ...(options.length ? ['', ...options] : [])].join('\n');
}

/** The headers only mail has: threading (RFC 5322), RFC 3834, RFC 8058 one-click unsubscribe. */
function mailHeaders(message: OutboundMessage): Mail.Headers {
  const email = message.email;
  const headers: Record<string, string> = {};
  if (email?.autoSubmitted) headers['Auto-Submitted'] = email.autoSubmitted;
  if (email?.unsubscribeUrl) {
    headers['List-Unsubscribe'] = `<${email.unsubscribeUrl}>`;
    headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  }
  return headers;
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

  protected override async deliver(message: OutboundMessage): Promise<SendResult> {
    const email = message.email;
    if (!email?.subject && !email?.html && !message.text && !message.template && !message.media)
      throw new NodeError('MESSAGE_EMPTY', 'A mail needs a subject, a text or an HTML body', false);
    const from = (message.from || this.options.from || 'omniflow@localhost').toLowerCase();
    const domain = domainOf(from);
    const messageId = messageIdFor(message.idempotencyKey, domain);
    const dkim = await this.options.dkimKey?.(domain);
    const to = [message.to];
    const { message: raw } = await builder.sendMail({
      from: email?.fromName ? { name: email.fromName, address: from } : from,
      to,
      ...(email?.cc?.length ? { cc: email.cc } : {}),
      ...(email?.replyTo ? { replyTo: email.replyTo } : {}),
      subject: email?.subject ?? '',
      text: plainText(message),
      ...(email?.html ? { html: email.html } : {}),
      messageId: `<${messageId}>`,
      ...(email?.inReplyTo ? { inReplyTo: `<${email.inReplyTo}>` } : {}),
      ...(email?.references?.length ? { references: email.references.map((r) => `<${r}>`) } : {}),
      headers: mailHeaders(message),
      ...(dkim ? { dkim } : {}),
    });
    if (!Buffer.isBuffer(raw)) throw new Error('The mail was built as a stream, not whole');
    await this.options.keep({
      idempotencyKey: message.idempotencyKey,
      messageId,
      from,
      to: [...to, ...(email?.cc ?? [])],
      subject: email?.subject ?? '',
      raw: raw.toString('utf8'),
    });
    return { providerMessageId: messageId, segments: 1 };
  }
}
