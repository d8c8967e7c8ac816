import { ImapFlow, type ImapFlowOptions } from 'imapflow';
import { defaultMaxMailBytes } from './inbound-smtp-server.ts';
import { MailParseError } from './parse-mail.ts';

/** The account part of imapflow's options, shared by the poller and the connection check. */
export const imapFlowOptions = (
  account: Pick<ImapMailboxOptions, 'host' | 'port' | 'secure' | 'startTls' | 'user' | 'password' | 'tls'>,
): ImapFlowOptions => ({
  host: account.host,
  port: account.port,
  secure: account.secure,
  ...(account.secure || account.startTls === undefined ? {} : { doSTARTTLS: account.startTls }),
  auth: { user: account.user, pass: account.password },
  ...(account.tls ? { tls: account.tls } : {}),
});

export interface ImapMailboxOptions {
  host: string;
  port: number;
  /** TLS from the first byte (993); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  /** Without `secure`: true requires STARTTLS, false never asks for it, unset uses it when offered. */
  startTls?: boolean;
  user: string;
  password: string;
  /** The folder to take mail from (default INBOX). */
  mailbox?: string;
  /** Mail larger than this is left for a person (flagged, marked seen), not downloaded. */
  maxBytes?: number;
  /** A look even without news, for servers without IDLE and in case a notice was missed. */
  pollIntervalMs?: number;
  tls?: ImapFlowOptions['tls'];
  /** Takes one mail. A MailParseError sets it aside for good; any other error leaves it unseen for the next look. */
  onMail(raw: Buffer): Promise<void>;
  /** A mail set aside (unreadable, too large) or a connection failure, for the logs. */
  onProblem?(problem: ImapProblemReport): void;
  /** Signed in and the folder is open: at the start and after each reconnect. */
  onConnected?(): void;
}

export interface ImapProblemReport {
  uid?: number;
  code: string;
  message: string;
  /** The error behind a connection failure, for `imapProblemOf` to say what went wrong. */
  cause?: unknown;
}

export interface ImapMailbox {
  /** Looks for unseen mail now; resolves when what was there has been taken. */
  sweep(): Promise<void>;
  stop(): Promise<void>;
}

// Keywords (RFC 3501 §2.3.2) that say why a mail was marked seen without being taken.
const unreadableKeyword = 'OmniflowUnreadable';
const tooLargeKeyword = 'OmniflowTooLarge';

/**
 * Polls an existing mailbox (RFC 3501 IMAP, imapflow): every unseen mail is handed to `onMail`
 * and marked \Seen once taken, so a mail is taken once and what a person reads in the mailbox
 * shows it was. Where the server has IDLE (RFC 2177) new mail is taken as it arrives; the poll
 * interval is the fallback. A lost connection is opened again with backoff.
 */
export async function startImapMailbox(options: ImapMailboxOptions): Promise<ImapMailbox> {
  const folder = options.mailbox ?? 'INBOX';
  const maxBytes = options.maxBytes ?? defaultMaxMailBytes;
  let stopped = false;
  let client: ImapFlow | undefined;
  let sweeping: Promise<void> = Promise.resolve();
  let reconnectDelay = 500;
  let reconnectTimer: NodeJS.Timeout | undefined;

  const report = (problem: ImapProblemReport) => options.onProblem?.(problem);

  async function connect(): Promise<void> {
    const next = new ImapFlow({
      ...imapFlowOptions(options),
      logger: false,
      // IDLE soon after each look, so new mail is heard about at once.
      autoIdleDelay: 200,
    });
    next.on('error', (error: Error) =>
      report({ code: 'IMAP_CONNECTION', message: error.message, cause: error }),
    );
    next.on('exists', () => void sweep());
    next.on('close', () => {
      if (stopped || client !== next) return;
      client = undefined;
      scheduleReconnect();
    });
    try {
      await next.connect();
      await next.mailboxOpen(folder);
    } catch (error) {
      // Signed in but the folder would not open: let go of the connection, or it stays open.
      next.close();
      throw error;
    }
    client = next;
    reconnectDelay = 500;
    options.onConnected?.();
  }

  function scheduleReconnect() {
    reconnectTimer = setTimeout(() => {
      connect()
        .then(() => sweep())
        .catch((error: unknown) => {
          report({
            code: 'IMAP_CONNECTION',
            message: error instanceof Error ? error.message : String(error),
            cause: error,
          });
          reconnectDelay = Math.min(reconnectDelay * 2, 30_000);
          if (!stopped) scheduleReconnect();
        });
    }, reconnectDelay);
  }

  async function takeUnseen(imap: ImapFlow) {
    const lock = await imap.getMailboxLock(folder);
    try {
      const uids = (await imap.search({ seen: false }, { uid: true })) || [];
      for (const uid of uids) {
        if (stopped) return;
        const head = await imap.fetchOne(String(uid), { size: true }, { uid: true });
        if (head && (head.size ?? 0) > maxBytes) {
          await imap.messageFlagsAdd(String(uid), ['\\Seen', tooLargeKeyword], { uid: true });
          report({
            uid,
            code: 'MAIL_TOO_LARGE',
            message: `Mail ${uid} is larger than ${maxBytes} bytes; left in the mailbox`,
          });
          continue;
        }
        // BODY.PEEK: fetching does not mark it seen; only taking it does.
        const message = await imap.fetchOne(String(uid), { source: true }, { uid: true });
        if (!message || !message.source) continue;
        try {
          await options.onMail(message.source);
        } catch (error) {
          if (error instanceof MailParseError) {
            await imap.messageFlagsAdd(String(uid), ['\\Seen', unreadableKeyword], { uid: true });
            report({ uid, code: error.code, message: error.message });
          } else {
            // Left unseen for the next look; the mails after it are not held up behind it.
            report({
              uid,
              code: 'IMAP_TAKE_FAILED',
              message: error instanceof Error ? error.message : String(error),
            });
          }
          continue;
        }
        await imap.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
      }
    } finally {
      lock.release();
    }
  }

  /** One look at a time: IDLE notices and the timer may ask together. */
  function sweep(): Promise<void> {
    sweeping = sweeping.then(async () => {
      const imap = client;
      if (!imap || stopped) return;
      try {
        await takeUnseen(imap);
      } catch (error) {
        // Left unseen: taken at the next look, once what failed (the database, the server) is back.
        report({ code: 'IMAP_TAKE_FAILED', message: error instanceof Error ? error.message : String(error) });
      }
    });
    return sweeping;
  }

  await connect();
  const timer = setInterval(() => void sweep(), options.pollIntervalMs ?? 60_000);
  await sweep();
  return {
    sweep,
    async stop() {
      stopped = true;
      clearInterval(timer);
      clearTimeout(reconnectTimer);
      await sweeping;
      const imap = client;
      client = undefined;
      await imap?.logout().catch(() => imap.close());
    },
  };
}
