export {
  parseMail,
  bareMessageId,
  sanitizeMailHtml,
  MailParseError,
  type MailEnvelope,
  type ParsedInboundMail,
} from './parse-mail.ts';
export {
  MailCatcherDriver,
  type CaughtMail,
  type DkimSigningKey,
  type MailCatcherOptions,
} from './mail-catcher-driver.ts';
export { composeMail } from './compose-mail.ts';
export { mailForDisplay, type DisplayedMail } from './mail-for-display.ts';
