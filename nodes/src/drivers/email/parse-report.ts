import type { Attachment, ParsedMail } from 'mailparser';
import { bareMessageId } from './parse-mail.ts';

/**
 * A bounce's verdict on one recipient. `hard`: the address itself is gone (RFC 3463 X.1.x
 * addressing status, or 5.2.1 mailbox disabled), so mail to it should stop. `soft`: everything
 * else, a delay (4.x.x) or a permanent refusal of this message that says nothing about the
 * mailbox (5.7.1 policy, 5.2.2 full, 5.3.4 too big); `permanent` tells those two apart.
 */
export type BounceKind = 'hard' | 'soft';

export interface DsnRecipient {
  /** The Final-Recipient, lower-cased. */
  address: string;
  /** RFC 3464 §2.3.3: failed, delayed (delivered, relayed and expanded are not bounces). */
  action: 'failed' | 'delayed';
  /** The RFC 3463 enhanced status code, e.g. `5.1.1`. */
  status: string;
  kind: BounceKind;
  /** Class 5: this message will never arrive. */
  permanent: boolean;
  /** What the remote server said (`Diagnostic-Code`, without its `smtp;` type). */
  diagnostic?: string;
  remoteMta?: string;
}

/** RFC 3464 delivery status notification. */
export interface DsnReport {
  type: 'dsn';
  reportingMta?: string;
  recipients: DsnRecipient[];
  /** The Message-ID of the mail that bounced, from the returned message or its headers. */
  originalMessageId?: string;
  /** The report's own Message-ID: the same report read twice is applied once. */
  reportId?: string;
}

/** RFC 5965 abuse feedback report (a complaint: someone pressed "this is spam"). */
export interface ArfReport {
  type: 'arf';
  /** RFC 5965 §7.3: abuse, fraud, virus, other, not-spam. */
  feedbackType: string;
  userAgent?: string;
  /** Original-Rcpt-To, else the returned message's To: the person who complained. */
  recipients: string[];
  originalMailFrom?: string;
  originalMessageId?: string;
  arrivalDate?: string;
  sourceIp?: string;
  reportId?: string;
}

export type MailReport = DsnReport | ArfReport;

/** RFC 3464 §2.1 / RFC 5965 §3.1: header-style fields in groups separated by blank lines. */
function fieldGroups(text: string): Map<string, string[]>[] {
  return text
    .replace(/\r\n/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((block) => {
      const fields = new Map<string, string[]>();
      // RFC 5322 §2.2.3 unfolding: a line starting with white space continues the previous one.
      for (const line of block.replace(/\n[ \t]+/g, ' ').split('\n')) {
        const colon = line.indexOf(':');
        if (colon <= 0) continue;
        const name = line.slice(0, colon).trim().toLowerCase();
        fields.set(name, [...(fields.get(name) ?? []), line.slice(colon + 1).trim()]);
      }
      return fields;
    })
    .filter((fields) => fields.size > 0);
}

const first = (fields: Map<string, string[]>, name: string) => fields.get(name)?.[0];

/** `rfc822; a@b` → `a@b` (RFC 3464 §2.1.2 address-type / diagnostic-type prefixes). */
const typedValue = (value: string | undefined) =>
  value === undefined ? undefined : value.replace(/^[a-z0-9-]+\s*;\s*/i, '').trim();

const addressOf = (value: string | undefined) =>
  (typedValue(value) ?? '').replace(/^<|>$/g, '').trim().toLowerCase();

const partOfType = (parsed: ParsedMail, ...types: string[]): Attachment | undefined =>
  parsed.attachments.find((a) => types.includes(a.contentType.toLowerCase()));

/** The returned message (RFC 3462 third part): whole (message/rfc822) or its headers only. */
function returnedHeaders(parsed: ParsedMail): Map<string, string[]> | undefined {
  const part =
    partOfType(parsed, 'message/rfc822', 'text/rfc822-headers', 'message/rfc822-headers') ??
    // Some reporters label the returned message as a plain attachment named *.eml.
    parsed.attachments.find((a) => /\.eml$/i.test(a.filename ?? ''));
  if (!part) return undefined;
  const text = part.content.toString('utf8');
  const [headers] = fieldGroups(text.split(/\r?\n\r?\n/, 1)[0] ?? '');
  return headers;
}

/** RFC 3463 §3.1: class.subject.detail; 5 permanent, 4 transient. */
function classify(status: string): Pick<DsnRecipient, 'kind' | 'permanent'> {
  const [klass, subject] = status.split('.');
  const permanent = klass === '5';
  const gone = permanent && (subject === '1' || status === '5.2.1');
  return { kind: gone ? 'hard' : 'soft', permanent };
}

/** A status from the code, else from an enhanced code or reply code in the diagnostic. */
function statusOf(status: string | undefined, diagnostic: string | undefined, action: string): string {
  const code = /^([245])\.(\d{1,3})\.(\d{1,3})/.exec(status ?? '');
  if (code) return `${code[1]}.${code[2]}.${code[3]}`;
  const enhanced = /\b([245])\.(\d{1,3})\.(\d{1,3})\b/.exec(diagnostic ?? '');
  if (enhanced) return `${enhanced[1]}.${enhanced[2]}.${enhanced[3]}`;
  const reply = /\b([45])\d\d\b/.exec(diagnostic ?? '');
  if (reply) return `${reply[1]}.0.0`;
  return action === 'failed' ? '5.0.0' : '4.0.0';
}

function parseDsn(parsed: ParsedMail, reportId: string | undefined): DsnReport | undefined {
  const part = partOfType(parsed, 'message/delivery-status', 'message/global-delivery-status');
  if (!part) return undefined;
  const [perMessage, ...perRecipient] = fieldGroups(part.content.toString('utf8'));
  const recipients: DsnRecipient[] = [];
  for (const fields of perRecipient) {
    const action = (first(fields, 'action') ?? '').toLowerCase();
    if (action !== 'failed' && action !== 'delayed') continue;
    const address = addressOf(first(fields, 'final-recipient') ?? first(fields, 'original-recipient'));
    if (!address) continue;
    const diagnostic = typedValue(first(fields, 'diagnostic-code'));
    const status = statusOf(first(fields, 'status'), diagnostic, action);
    const remoteMta = typedValue(first(fields, 'remote-mta'));
    recipients.push({
      address,
      action,
      status,
      ...classify(action === 'delayed' ? `4${status.slice(1)}` : status),
      ...(diagnostic ? { diagnostic } : {}),
      ...(remoteMta ? { remoteMta } : {}),
    });
  }
  const returned = returnedHeaders(parsed);
  const originalId = returned && first(returned, 'message-id');
  const reportingMta = perMessage && typedValue(first(perMessage, 'reporting-mta'));
  return {
    type: 'dsn',
    recipients,
    ...(reportingMta ? { reportingMta } : {}),
    ...(originalId ? { originalMessageId: bareMessageId(originalId) } : {}),
    ...(reportId ? { reportId } : {}),
  };
}

function parseArf(parsed: ParsedMail, reportId: string | undefined): ArfReport | undefined {
  const part = partOfType(parsed, 'message/feedback-report');
  if (!part) return undefined;
  const fields = new Map(fieldGroups(part.content.toString('utf8')).flatMap((group) => [...group]));
  const returned = returnedHeaders(parsed);
  const rcptTo = (fields.get('original-rcpt-to') ?? []).map(addressOf).filter(Boolean);
  const to = returned ? (first(returned, 'to') ?? '') : '';
  const recipients = rcptTo.length
    ? rcptTo
    : [...to.matchAll(/[^\s<>,;"]+@[^\s<>,;"]+/g)].map((m) => m[0].toLowerCase());
  const originalId = returned && first(returned, 'message-id');
  const optional = (key: string, name: string) => {
    const value = first(fields, name);
    return value ? { [key]: value } : {};
  };
  return {
    type: 'arf',
    feedbackType: (first(fields, 'feedback-type') ?? 'abuse').toLowerCase(),
    recipients,
    ...optional('userAgent', 'user-agent'),
    ...optional('arrivalDate', 'arrival-date'),
    ...optional('sourceIp', 'source-ip'),
    ...(first(fields, 'original-mail-from')
      ? { originalMailFrom: addressOf(first(fields, 'original-mail-from')) }
      : {}),
    ...(originalId ? { originalMessageId: bareMessageId(originalId) } : {}),
    ...(reportId ? { reportId } : {}),
  };
}

/**
 * Reads a bounce (RFC 3464 DSN in an RFC 6522 multipart/report) or a complaint (RFC 5965 ARF)
 * from a parsed mail; undefined for any other mail. Needs the mail parsed with
 * `keepDeliveryStatus` (parseMail does), so the delivery-status part is a part of its own.
 */
export function parseMailReport(parsed: ParsedMail): MailReport | undefined {
  const reportId = parsed.messageId ? bareMessageId(parsed.messageId) : undefined;
  return parseDsn(parsed, reportId) ?? parseArf(parsed, reportId);
}
