export {
  parseMail,
  bareMessageId,
  sanitizeMailHtml,
  MailParseError,
  type MailEnvelope,
  type ParsedInboundMail,
} from './parse-mail.ts';
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
export { startImapMailbox, type ImapMailbox, type ImapMailboxOptions } from './imap-mailbox.ts';
