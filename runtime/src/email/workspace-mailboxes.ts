import { NodeError } from '@omniflow/nodes/sdk';
import {
  imapProblemOf,
  startImapMailbox,
  type ImapMailbox,
  type ImapProblemReport,
} from '@omniflow/nodes/drivers/email';
import type { ImapMailboxRow, ImapMailboxStore } from './imap-mailbox-store.ts';

export interface WorkspaceMailboxes {
  /** Reads the saved mailboxes again and starts, restarts or stops pollers to match. */
  sync(): Promise<void>;
  /** Ids of the mailboxes with a poller (signed in or still trying). */
  running(): string[];
  stop(): Promise<void>;
}

export interface WorkspaceMailboxesOptions {
  store: ImapMailboxStore;
  /** Takes one mail for the mailbox's workspace and address. */
  take(raw: Buffer, mailbox: { workspaceId: string; address: string }): Promise<void>;
  maxBytes?: number;
  /** How often the saved mailboxes are read again, for changes made by another API process (default 60 s). */
  refreshMs?: number;
  /** Wait before the first retry of a mailbox that would not connect; doubles up to 10 minutes (default 5 s). */
  retryMs?: number;
  /** The same problem is written to the mailbox's status at most this often (default 60 s). */
  statusEveryMs?: number;
  now?: () => Date;
  log?: (line: string) => void;
}

interface Poller {
  row: ImapMailboxRow;
  stop(): Promise<void>;
}

/**
 * One IMAP poller per enabled saved mailbox, in the API process. A mailbox that will not connect
 * is retried with backoff and its error written on its row; it never holds up the others.
 */
export async function startWorkspaceMailboxes(
  options: WorkspaceMailboxesOptions,
): Promise<WorkspaceMailboxes> {
  const { store } = options;
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((line: string) => console.log(line));
  const retryMs = options.retryMs ?? 5_000;
  const statusEveryMs = options.statusEveryMs ?? 60_000;
  const pollers = new Map<string, Poller>();
  let stopped = false;
  let syncing: Promise<void> = Promise.resolve();

  function startPoller(row: ImapMailboxRow): Poller {
    let halted = false;
    let mailbox: ImapMailbox | undefined;
    let retry: NodeJS.Timeout | undefined;
    let attempts = 0;
    // The last status written, so a reconnect loop does not write the same error every few seconds.
    let written: { kind: 'problem' | 'connected'; code?: string; at: number } | undefined;
    const where = `${row.user} at ${row.host}:${row.port}/${row.folder}`;

    const write = (what: string, work: () => Promise<void>) =>
      work().catch((error: unknown) =>
        log(
          `Mail: could not record the ${what} of ${where}: ${error instanceof Error ? error.message : error}`,
        ),
      );
    const problem = (report: { code: string; message: string }) => {
      const at = now();
      if (
        written?.kind === 'problem' &&
        written.code === report.code &&
        at.getTime() - written.at < statusEveryMs
      )
        return;
      written = { kind: 'problem', code: report.code, at: at.getTime() };
      log(`Mail: ${where}: ${report.code}: ${report.message}`);
      void write('problem', () => store.recordProblem(row, report, at));
    };
    const connected = () => {
      const at = now();
      if (written?.kind === 'connected' && at.getTime() - written.at < statusEveryMs) return;
      written = { kind: 'connected', at: at.getTime() };
      void write('connection', () => store.recordConnected(row, at));
    };
    const described = (error: unknown) =>
      error instanceof NodeError
        ? { code: error.code, message: error.message }
        : imapProblemOf(error, { host: row.host, port: row.port, folder: row.folder });

    async function attempt() {
      if (halted) return;
      try {
        const started = await startImapMailbox({
          host: row.host,
          port: row.port,
          secure: row.security === 'tls',
          ...(row.security === 'tls' ? {} : { startTls: row.security === 'starttls' }),
          user: row.user,
          password: store.passwordOf(row),
          mailbox: row.folder,
          pollIntervalMs: row.pollSeconds * 1000,
          ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}),
          onMail: async (raw) => {
            await options.take(raw, { workspaceId: row.workspaceId, address: row.address });
            void write('last mail', () => store.recordMail(row, now()));
          },
          onProblem: (report: ImapProblemReport) =>
            problem(report.cause === undefined ? report : described(report.cause)),
          onConnected: connected,
        });
        if (halted) return void (await started.stop());
        mailbox = started;
        attempts = 0;
      } catch (error) {
        problem(described(error));
        if (halted) return;
        const wait = Math.min(retryMs * 2 ** attempts++, 600_000);
        retry = setTimeout(() => void attempt(), wait);
      }
    }

    void attempt();
    return {
      row,
      async stop() {
        halted = true;
        clearTimeout(retry);
        // A connection still being made stops itself once made (`halted`), not waited for here.
        await mailbox?.stop();
      },
    };
  }

  async function reconcile() {
    if (stopped) return;
    const rows = await store.enabled();
    const wanted = new Map(rows.map((row) => [row.id, row]));
    const stale = [...pollers.values()].filter(
      (p) => wanted.get(p.row.id)?.updatedAt.getTime() !== p.row.updatedAt.getTime(),
    );
    for (const poller of stale) pollers.delete(poller.row.id);
    await Promise.all(stale.map((p) => p.stop()));
    for (const row of rows) {
      if (pollers.has(row.id)) continue;
      pollers.set(row.id, startPoller(row));
      log(`Mail: taking mail from ${row.user} at ${row.host}:${row.port}/${row.folder} for ${row.address}`);
    }
  }

  /**
   * One at a time: a route's change and the timer may ask together. A failed read leaves the
   * pollers as they are until the next one; the change is saved, and the timer looks again.
   */
  const sync = () => {
    syncing = syncing.then(() =>
      reconcile().catch((error: unknown) =>
        log(`Mail: could not read the saved mailboxes: ${error instanceof Error ? error.message : error}`),
      ),
    );
    return syncing;
  };

  await sync();
  const timer = setInterval(() => void sync(), options.refreshMs ?? 60_000);
  timer.unref();

  return {
    sync,
    running: () => [...pollers.keys()],
    async stop() {
      stopped = true;
      clearInterval(timer);
      await syncing;
      const all = [...pollers.values()];
      pollers.clear();
      await Promise.all(all.map((p) => p.stop()));
    },
  };
}
