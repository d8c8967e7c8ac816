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
