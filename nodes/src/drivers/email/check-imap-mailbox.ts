import { ImapFlow } from 'imapflow';
import { imapFlowOptions, type ImapMailboxOptions } from './imap-mailbox.ts';
import { imapProblemOf, type ImapProblem } from './imap-problem.ts';

export type ImapCheckResult = { ok: true; messages: number } | ({ ok: false } & ImapProblem);

/**
 * Signs in and opens the folder once, as the poller would, and answers what went wrong in words;
 * a person testing settings should not wait for imapflow's minutes-long default timeouts.
 */
export async function checkImapMailbox(
  account: Pick<
    ImapMailboxOptions,
    'host' | 'port' | 'secure' | 'startTls' | 'user' | 'password' | 'tls' | 'mailbox'
  >,
  timeoutMs = 10_000,
): Promise<ImapCheckResult> {
  const folder = account.mailbox ?? 'INBOX';
  const client = new ImapFlow({
    ...imapFlowOptions(account),
    logger: false,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs * 3,
  });
  // An error after the answer (the socket closing) must not become an unhandled 'error' event.
  client.on('error', () => undefined);
  try {
    await client.connect();
    const opened = await client.mailboxOpen(folder, { readOnly: true });
    return { ok: true, messages: opened.exists };
  } catch (error) {
    return { ok: false, ...imapProblemOf(error, { host: account.host, port: account.port, folder }) };
  } finally {
    await client.logout().catch(() => client.close());
  }
}
