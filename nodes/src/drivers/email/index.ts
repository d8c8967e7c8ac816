export {
  parseMail,
  bareMessageId,
  sanitizeMailHtml,
  MailParseError,
  type MailEnvelope,
  type ParsedInboundMail,
} from './parse-mail.ts';
