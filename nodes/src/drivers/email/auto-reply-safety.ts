import type { InboundMessage } from '../messaging/messaging-driver.ts';

/** Why a mail must not get an automatic answer; the code a skipped run carries. */
export type AutoReplySkipReason =
  | 'AUTO_SUBMITTED'
  | 'BULK_PRECEDENCE'
  | 'MAILING_LIST'
  | 'NULL_SENDER'
  | 'MAILER_DAEMON'
  | 'DELIVERY_REPORT'
  | 'OWN_MAIL';

export interface AutoReplySkip {
  reason: AutoReplySkipReason;
  /** Said to the person reading the run list. */
  message: string;
}

export interface AutoReplyContext {
  /** The mail is one we sent (its Message-ID is one of ours, or it comes from one of our addresses). */
  ownMail: boolean;
}

// RFC 3834 §2: the local parts that name a mail system rather than a person; answering them
// answers a machine, which may answer back.
const systemSenders =
  /^(mailer-daemon|postmaster|listserv|majordomo|owner-[^@]*|[^@]*-request|noreply|no-reply)@/;

/**
 * Whether a mail may be answered automatically (RFC 3834 §2). Pure: what it needs to know about
 * our own mail comes in `context`. Answers undefined when an auto-reply is allowed, else the reason.
 */
export function autoReplySkip(
  mail: Pick<InboundMessage, 'from' | 'email'>,
  context: AutoReplyContext,
): AutoReplySkip | undefined {
  const email = mail.email;
  if (email?.report)
    return {
      reason: 'DELIVERY_REPORT',
      message:
        email.report === 'dsn'
          ? 'A delivery report (bounce) is never answered'
          : 'A complaint report is never answered',
    };
  // RFC 3834 §2: a null Return-Path (`MAIL FROM:<>`) means "do not reply" (RFC 5321 §4.5.5).
  if (email?.envelopeFrom !== undefined && email.envelopeFrom.trim() === '')
    return {
      reason: 'NULL_SENDER',
      message: 'The mail came with a null sender (<>), which must not be answered',
    };
  if (!mail.from) return { reason: 'NULL_SENDER', message: 'The mail names no sender to answer' };
  const sender = (email?.envelopeFrom || mail.from).toLowerCase();
  if (systemSenders.test(sender) || systemSenders.test(mail.from.toLowerCase()))
    return { reason: 'MAILER_DAEMON', message: `${sender} is a mail system, not a person` };
  // RFC 3834 §5: any Auto-Submitted value other than "no" (auto-generated, auto-replied, …).
  const autoSubmitted = (email?.autoSubmitted ?? '').split(';')[0]!.trim().toLowerCase();
  if (autoSubmitted && autoSubmitted !== 'no')
    return {
      reason: 'AUTO_SUBMITTED',
      message: `The mail says it was sent automatically (Auto-Submitted: ${autoSubmitted})`,
    };
  // RFC 3834 §2: Precedence bulk, list or junk is not a person writing.
  const precedence = (email?.precedence ?? '').trim().toLowerCase();
  if (['bulk', 'list', 'junk'].includes(precedence))
    return { reason: 'BULK_PRECEDENCE', message: `The mail is bulk mail (Precedence: ${precedence})` };
  // RFC 3834 §2: List-Id (RFC 2919) and the List-* headers (RFC 2369) mark mailing list mail.
  if (email?.listId || email?.listUnsubscribe)
    return {
      reason: 'MAILING_LIST',
      message: 'The mail came from a mailing list (List-Id / List-Unsubscribe)',
    };
  if (context.ownMail)
    return { reason: 'OWN_MAIL', message: 'The mail is one we sent; answering it would start a loop' };
  return undefined;
}
