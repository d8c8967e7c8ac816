import type { MessageKey } from '../../i18n/catalog.ts';
import { imapMailboxMessages } from './imap-mailbox-messages.ts';

const explained = (key: string): key is keyof typeof imapMailboxMessages.en => key in imapMailboxMessages.en;

/**
 * A mailbox problem in the reader's language when the code is one we explain, else the server's
 * own (English) message, which still says what to check.
 */
export function imapProblemWords(
  t: (key: MessageKey) => string,
  problem: { code: string; message: string },
): string {
  const key = `imapMailboxes.problem.${problem.code}`;
  return explained(key) ? t(key) : problem.message;
}
