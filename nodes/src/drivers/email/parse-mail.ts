import { simpleParser, type AddressObject, type Attachment, type ParsedMail } from 'mailparser';
import sanitizeHtml from 'sanitize-html';
import type { InboundEmail, InboundMessage } from '../messaging/messaging-driver.ts';

/** The SMTP envelope, when the mail came over SMTP (the inbound server); IMAP has none. */
export interface MailEnvelope {
  /** `MAIL FROM`; empty for the null sender `<>` (bounces, RFC 5321 §4.5.5). */
  from: string;
  /** `RCPT TO`, each one of our addresses. */
  to: string[];
}

export interface ParsedInboundMail {
  /** One message per recipient of ours (a mail to two of our addresses reaches two flows). */
  messages: InboundMessage[];
  /** The attachments' bytes, to store; `InboundEmail.attachments` names them in the same order. */
  attachments: Attachment[];
  /** The parsed mail, for reports (DSN, ARF) that read its parts. */
  parsed: ParsedMail;
}

export class MailParseError extends Error {
  readonly code = 'MAIL_UNREADABLE';
}

const addressesOf = (field: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(field) ? field : field ? [field] : [])
    .flatMap((group) => group.value)
    .map((a) => (a.address ?? '').trim().toLowerCase())
    .filter(Boolean);

/** `<id@host>` → `id@host`: ids are stored and compared without their brackets. */
export const bareMessageId = (id: string) => id.trim().replace(/^<|>$/g, '');

/** A header as written (unfolded), not as mailparser interprets it: RFC 3834 reads raw values. */
const headerText = (parsed: ParsedMail, name: string): string | undefined => {
  const line = parsed.headerLines.find((h) => h.key === name)?.line;
  return line === undefined
    ? undefined
    : line
        .slice(line.indexOf(':') + 1)
        .replace(/\r?\n[ \t]+/g, ' ')
        .trim();
};

const referencesOf = (parsed: ParsedMail): string[] => {
  const refs = parsed.references;
  return (Array.isArray(refs) ? refs : refs ? [refs] : []).map(bareMessageId).filter(Boolean);
};

/** What a report's top-level type says it is: RFC 3464 DSN or RFC 5965 feedback (ARF). */
function reportKind(parsed: ParsedMail): InboundEmail['report'] {
  const type = parsed.headers.get('content-type');
  const params =
    typeof type === 'object' && type !== null && 'params' in type
      ? (type.params as Record<string, string>)
      : {};
  const reportType = (params['report-type'] ?? '').toLowerCase();
  if (reportType === 'delivery-status') return 'dsn';
  if (reportType === 'feedback-report') return 'arf';
  return undefined;
}

/** HTML safe to show in the runs console: no scripts, handlers, forms or remote frames. */
export const sanitizeMailHtml = (html: string) =>
  sanitizeHtml(html, {
    allowedTags: sanitizeHtml.defaults.allowedTags.concat(['img', 'center', 'font']),
    allowedAttributes: {
      '*': ['style', 'align', 'width', 'height', 'bgcolor', 'color'],
      a: ['href', 'title'],
      img: ['src', 'alt'],
    },
    allowedSchemes: ['http', 'https', 'mailto', 'cid'],
  });

/**
 * A raw mail (RFC 5322) as messages to route: who wrote, to which of our addresses, the text, the
 * sanitised HTML, the thread headers, what RFC 3834 and bounce handling need. A mail with no
 * readable sender is refused (MailParseError), not routed as "from nobody".
 */
export async function parseMail(raw: Buffer | string, envelope?: MailEnvelope): Promise<ParsedInboundMail> {
  let parsed: ParsedMail;
  try {
    // keepDeliveryStatus: a DSN's message/delivery-status part stays a part (parse-report.ts reads
    // it) instead of being folded into the text.
    parsed = await simpleParser(raw, {
      skipTextToHtml: true,
      skipImageLinks: true,
      keepDeliveryStatus: true,
    });
  } catch (error) {
    throw new MailParseError(
      `The mail could not be read: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const from = addressesOf(parsed.from)[0] ?? '';
  const report = reportKind(parsed);
  // A bounce has a null envelope sender and often a From of MAILER-DAEMON; both are still routed
  // (as reports), but a mail that names no sender at all has no one to answer.
  if (!from && !report) throw new MailParseError('The mail has no From address');
  const recipients = envelope?.to.length ? envelope.to.map((a) => a.toLowerCase()) : addressesOf(parsed.to);
  const messageId =
    bareMessageId(parsed.messageId ?? '') ||
    `${Date.now()}.${Math.random().toString(36).slice(2)}@omniflow.invalid`;
  const email: InboundEmail = {
    subject: parsed.subject ?? '',
    cc: addressesOf(parsed.cc),
    ...(typeof parsed.html === 'string' ? { html: sanitizeMailHtml(parsed.html) } : {}),
    messageId,
    ...(parsed.inReplyTo ? { inReplyTo: bareMessageId(parsed.inReplyTo) } : {}),
    references: referencesOf(parsed),
    ...optional('autoSubmitted', headerText(parsed, 'auto-submitted')),
    ...optional('precedence', headerText(parsed, 'precedence')),
    ...optional('listId', headerText(parsed, 'list-id')),
    ...optional('listUnsubscribe', headerText(parsed, 'list-unsubscribe')),
    ...(envelope ? { envelopeFrom: envelope.from.toLowerCase() } : {}),
    attachments: parsed.attachments.map((a) => ({
      filename: a.filename ?? 'attachment',
      contentType: a.contentType,
      bytes: a.size,
    })),
    ...(report ? { report } : {}),
  };
  const receivedAt = parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date : new Date();
  const messages: InboundMessage[] = (recipients.length ? recipients : ['']).map((to, i) => ({
    channel: 'email',
    from,
    to,
    // One provider id per recipient: the same mail to two of our addresses is two messages.
    providerMessageId: i === 0 ? messageId : `${messageId}#${to}`,
    text: (parsed.text ?? '').trim(),
    email,
    receivedAt,
  }));
  return { messages, attachments: parsed.attachments, parsed };
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value.trim() } as Record<K, string>);
}
