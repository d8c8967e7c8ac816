import { createHash, createPrivateKey, type KeyObject } from 'node:crypto';
import type { SendMailOptions } from 'nodemailer';
import type { OutboundMessage, SendContext } from '../messaging/messaging-driver.ts';
import { NodeError } from '../../sdk/node-error.ts';
import { bareMessageId } from './parse-mail.ts';
import { sendRequestForBytes } from '../../http/send-request.ts';
import type { DkimSigner } from './dkim-sign.ts';

/** The sending account a mail goes out from when the message names no sender of its own. */
export interface MailAccount {
  fromAddress: string;
  fromName?: string;
}

export interface BuiltMail {
  /** The Message-ID given to the mail, without angle brackets (the message's provider id). */
  messageId: string;
  /** The sender's domain: the one DKIM signs for. */
  fromDomain: string;
  options: SendMailOptions;
  /** The sending domain's DKIM key, when the workspace has one (signed by mail-bytes.ts). */
  dkim?: DkimSigner;
}

// RFC 6376 §5.4: what the signature covers, of the headers the mail has. RFC 8058 §3.1 only
// allows one-click unsubscribe when both List-Unsubscribe and List-Unsubscribe-Post are signed.
export const dkimSignedHeaders = [
  'From',
  'Sender',
  'Reply-To',
  'Subject',
  'Date',
  'Message-ID',
  'To',
  'Cc',
  'MIME-Version',
  'Content-Type',
  'In-Reply-To',
  'References',
  'Auto-Submitted',
  'List-Unsubscribe',
  'List-Unsubscribe-Post',
].join(':');

/**
 * The Message-ID a send gets: the same for the same idempotency key, so a mail sent again after
 * a lost answer is recognisably the same mail (receivers drop duplicates by Message-ID), and on
 * the sender's domain (RFC 5322 §3.6.4: the right side names the host that made it unique).
 */
export function messageIdFor(idempotencyKey: string, fromDomain: string): string {
  const unique = createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32);
  return `of.${unique}@${fromDomain}`;
}

export const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1).toLowerCase();

/** A subject for a message sent on email without one (a flow's plain message): its first line. */
function subjectOf(message: OutboundMessage): string {
  const line = (message.text ?? '').split('\n', 1)[0]!.trim();
  return line.length > 78 ? `${line.slice(0, 77)}…` : line;
}

/** The plain part: the text, and like SMS the buttons and list rows as numbered options. */
function plainText(message: OutboundMessage): string | undefined {
  const options = [
    ...(message.buttons ?? []).map((b) => b.title),
    ...(message.list?.sections ?? []).flatMap((s) => s.rows.map((r) => r.title)),
  ];
  const lines = [
    ...(message.text ? [message.text] : []),
    ...options.map((title, i) => `${i + 1}. ${title}`),
    ...(message.media ? [message.media.caption ?? '', message.media.url].filter(Boolean) : []),
  ];
  return lines.length > 0 ? lines.join('\n') : undefined;
}

const angle = (id: string) => `<${bareMessageId(id)}>`;

const maxUrlAttachmentBytes = 10 * 1024 * 1024;

/**
 * An attachment named by URL, fetched the way http.request fetches: private and loopback targets
 * refused at lookup and after each redirect (unless OMNIFLOW_HTTP_ALLOW_PRIVATE=1), so a flow
 * cannot mail out what only the server can reach.
 */
async function fetchAttachment(url: string): Promise<Buffer> {
  const reply = await sendRequestForBytes({
    method: 'GET',
    url,
    headers: {},
    timeoutMs: 30_000,
    allowPrivate: process.env.OMNIFLOW_HTTP_ALLOW_PRIVATE === '1',
    maxBodyBytes: maxUrlAttachmentBytes,
  });
  if (reply.status < 200 || reply.status >= 300)
    throw new NodeError(
      'EMAIL_ATTACHMENT_FETCH_FAILED',
      `Fetching ${url} answered ${reply.status}`,
      reply.status >= 500,
    );
  return reply.body;
}

// Parsing a PEM key costs twice the RSA signature itself: each key is parsed once.
const parsedKeys = new Map<string, KeyObject>();
function signingKeyObject(pem: string): KeyObject {
  let key = parsedKeys.get(pem);
  if (!key) {
    if (parsedKeys.size >= 100) parsedKeys.clear();
    key = createPrivateKey(pem);
    parsedKeys.set(pem, key);
  }
  return key;
}

/**
 * The nodemailer message for an outbound email: headers, parts, attachments and the DKIM key of
 * the sending domain when the workspace has one.
 */
export async function buildMail(
  message: OutboundMessage,
  account: MailAccount,
  context: SendContext = {},
): Promise<BuiltMail> {
  if (message.template) {
    throw new NodeError(
      'EMAIL_TEMPLATE_UNSUPPORTED',
      `"${message.template.name}" is a WhatsApp template; email uses the template library (email.send) or text`,
      false,
    );
  }
  const email = message.email;
  const text = plainText(message);
  if (!text && !email?.html) {
    throw new NodeError('EMAIL_EMPTY', `The mail to ${message.to} has neither text nor HTML`, false);
  }
  if (email?.marketing && !email.unsubscribeUrl) {
    // RFC 8058: marketing mail must carry one-click unsubscribe; never send it without.
    throw new NodeError(
      'EMAIL_UNSUBSCRIBE_MISSING',
      `The marketing mail to ${message.to} has no unsubscribe link, so it was not sent`,
      false,
    );
  }
  const fromAddress = message.from ?? account.fromAddress;
  const fromDomain = domainOf(fromAddress);
  const messageId = messageIdFor(message.idempotencyKey, fromDomain);
  const fromName = email?.fromName ?? account.fromName;

  const headers: Record<string, string> = {};
  if (email?.autoSubmitted) headers['Auto-Submitted'] = email.autoSubmitted;
  if (email?.unsubscribeUrl) {
    headers['List-Unsubscribe'] = `<${email.unsubscribeUrl}>`;
    headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  }

  const attachments = await Promise.all(
    (email?.attachments ?? []).map(async (attachment) => {
      const base = {
        filename: attachment.filename,
        ...(attachment.contentType ? { contentType: attachment.contentType } : {}),
      };
      if (attachment.attachmentId) {
        if (!context.openAttachment) {
          throw new NodeError(
            'EMAIL_ATTACHMENT_UNAVAILABLE',
            `The attachment ${attachment.filename} is stored, but this server cannot read stored attachments`,
            false,
          );
        }
        return { ...base, content: await context.openAttachment(attachment.attachmentId) };
      }
      if (attachment.url) return { ...base, content: await fetchAttachment(attachment.url) };
      throw new NodeError(
        'EMAIL_ATTACHMENT_INVALID',
        `The attachment ${attachment.filename} names neither a stored file nor a URL`,
        false,
      );
    }),
  );

  const key = await context.dkimKey?.(fromDomain);
  const options: SendMailOptions = {
    from: fromName ? { name: fromName, address: fromAddress } : fromAddress,
    to: message.to,
    ...(email?.cc?.length ? { cc: email.cc } : {}),
    ...(email?.replyTo ? { replyTo: email.replyTo } : {}),
    subject: email?.subject ?? subjectOf(message),
    messageId: `<${messageId}>`,
    ...(email?.inReplyTo ? { inReplyTo: angle(email.inReplyTo) } : {}),
    ...(email?.references?.length ? { references: email.references.map(angle) } : {}),
    ...(text ? { text } : {}),
    ...(email?.html ? { html: email.html } : {}),
    headers,
    attachments,
    // A flow never attaches the server's own files, and nodemailer never fetches a URL itself:
    // URLs were fetched above through the guard that refuses private targets.
    disableFileAccess: true,
    disableUrlAccess: true,
  };
  const dkim: DkimSigner | undefined = key && {
    domainName: key.domainName,
    keySelector: key.keySelector,
    privateKey: signingKeyObject(key.privateKey),
    headerFieldNames: dkimSignedHeaders,
  };
  return { messageId, fromDomain, options, ...(dkim ? { dkim } : {}) };
}
