export {
  parseMail,
  bareMessageId,
  sanitizeMailHtml,
  MailParseError,
  type MailEnvelope,
  type ParsedInboundMail,
} from './parse-mail.ts';
export { SmtpDriver, type SmtpDriverOptions } from './smtp-driver.ts';
export {
  buildMail,
  messageIdFor,
  domainOf,
  dkimSignedHeaders,
  type BuiltMail,
  type MailAccount,
} from './build-mail.ts';
export { smtpFailure, type SmtpFailureDetails } from './smtp-failure.ts';
export {
  generateDkimKey,
  dkimKeyFromPem,
  dkimDnsRecord,
  type DkimKeyPair,
  type DkimDnsRecord,
} from './dkim-key.ts';
export {
  autoReplySkip,
  type AutoReplySkip,
  type AutoReplySkipReason,
  type AutoReplyContext,
} from './auto-reply-safety.ts';
export {
  startInboundSmtpServer,
  defaultMaxMailBytes,
  maxRecipients,
  type InboundSmtpOptions,
  type InboundSmtpServer,
} from './inbound-smtp-server.ts';
export {
  startImapMailbox,
  type ImapMailbox,
  type ImapMailboxOptions,
  type ImapProblemReport,
} from './imap-mailbox.ts';
export { imapProblemOf, type ImapProblem } from './imap-problem.ts';
export { checkImapMailbox, type ImapCheckResult } from './check-imap-mailbox.ts';
export {
  parseMailReport,
  type MailReport,
  type DsnReport,
  type DsnRecipient,
  type ArfReport,
  type BounceKind,
} from './parse-report.ts';
export { MailCatcherDriver, type CaughtMail, type MailCatcherOptions } from './mail-catcher-driver.ts';
export { composeMail } from './compose-mail.ts';
export { mailForDisplay, type DisplayedMail } from './mail-for-display.ts';
