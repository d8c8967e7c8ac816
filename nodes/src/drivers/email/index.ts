export {
  parseMail,
  bareMessageId,
  sanitizeMailHtml,
  MailParseError,
  type MailEnvelope,
  type ParsedInboundMail,
} from './parse-mail.ts';
export {
  parseMailReport,
  type MailReport,
  type DsnReport,
  type DsnRecipient,
  type ArfReport,
  type BounceKind,
} from './parse-report.ts';
