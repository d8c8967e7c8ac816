import type { Client } from '@temporalio/client';
import type { Db } from '@omniflow/db';
import {
  startImapMailbox,
  startInboundSmtpServer,
  type ImapMailbox,
  type InboundSmtpServer,
} from '@omniflow/nodes/drivers/email';
import { createMessagingService } from '../messaging/messaging-service.ts';
import type { RecordingStore } from '../recordings/recording-store.ts';
import { createMailRecipients } from './mail-recipients.ts';
import type { MailIntakeSettings } from './mail-intake-from-env.ts';
import type { SecretKeyring } from '../credentials/secret-keyring.ts';
import { createImapMailboxStore } from './imap-mailbox-store.ts';
import { startWorkspaceMailboxes, type WorkspaceMailboxes } from './workspace-mailboxes.ts';
import { takeInboundMail, type InboundMailDeps } from './take-inbound-mail.ts';

export interface MailIntake {
  /** The inbound SMTP server's port, when it runs. */
  smtpPort?: number;
  /** The pollers of the mailboxes workspaces saved, when `keyring` was given. */
  mailboxes?: WorkspaceMailboxes;
  stop(): Promise<void>;
}

/**
 * Starts what takes mail in (the inbound SMTP server, the install-wide IMAP mailbox of the
 * environment, the mailboxes workspaces saved in Settings) as the settings say, each feeding
 * `takeInboundMail`. Runs in the API process (`omniflow api`, `omniflow dev`), beside the
 * webhooks that are the other channels' way in.
 */
export async function startMailIntake(options: {
  db: Db;
  temporal: Client;
  taskQueue: string;
  settings: MailIntakeSettings;
  attachmentStore?: RecordingStore;
  /** Opens the passwords of the mailboxes workspaces saved in Settings; without it none are polled. */
  keyring?: () => SecretKeyring;
  /** How often the saved mailboxes are read again (default 60 s). */
  mailboxRefreshMs?: number;
  log?: (line: string) => void;
}): Promise<MailIntake> {
  const { db, settings } = options;
  const log = options.log ?? ((line: string) => console.log(line));
  const recipients = createMailRecipients(db, settings.domains);
  const deps: InboundMailDeps = {
    db,
    temporal: options.temporal,
    taskQueue: options.taskQueue,
    messaging: createMessagingService({ db, drivers: {} }),
    recipients,
    ...(options.attachmentStore
      ? { attachments: { store: options.attachmentStore, maxAttachmentBytes: settings.maxAttachmentBytes } }
      : {}),
  };
  let smtp: InboundSmtpServer | undefined;
  let imap: ImapMailbox | undefined;
  let mailboxes: WorkspaceMailboxes | undefined;
  try {
    if (settings.smtp) {
      smtp = await startInboundSmtpServer({
        ...settings.smtp,
        maxBytes: settings.maxBytes,
        acceptsRecipient: async (address) => (await recipients.workspaceFor(address)) !== undefined,
        onMail: async (raw, envelope) => void (await takeInboundMail(deps, raw, envelope)),
      });
      log(`Mail: inbound SMTP server on ${settings.smtp.host}:${smtp.port}`);
    }
    if (settings.imap) {
      const { workspaceId: configured, address, pollIntervalMs, ...account } = settings.imap;
      const workspaceId =
        configured ??
        (await db.query.workspaces.findFirst({ orderBy: (w, { asc }) => [asc(w.createdAt)] }))?.id;
      if (!workspaceId)
        throw new Error('No workspace to take the IMAP mailbox’s mail: set OMNIFLOW_IMAP_WORKSPACE');
      imap = await startImapMailbox({
        ...account,
        pollIntervalMs,
        maxBytes: settings.maxBytes,
        onMail: async (raw) => void (await takeInboundMail(deps, raw, undefined, { workspaceId, address })),
        onProblem: (problem) =>
          log(`Mail: IMAP ${problem.code}${problem.uid ? ` (mail ${problem.uid})` : ''}: ${problem.message}`),
      });
      log(`Mail: taking mail from ${account.user} at ${account.host}:${account.port}/${account.mailbox}`);
    }
    if (options.keyring)
      mailboxes = await startWorkspaceMailboxes({
        store: createImapMailboxStore(db, options.keyring),
        take: async (raw, mailbox) => void (await takeInboundMail(deps, raw, undefined, mailbox)),
        maxBytes: settings.maxBytes,
        ...(options.mailboxRefreshMs ? { refreshMs: options.mailboxRefreshMs } : {}),
        log,
      });
  } catch (error) {
    await smtp?.close();
    await imap?.stop();
    throw error;
  }
  return {
    ...(smtp ? { smtpPort: smtp.port } : {}),
    ...(mailboxes ? { mailboxes } : {}),
    async stop() {
      await mailboxes?.stop();
      await imap?.stop();
      await smtp?.close();
    },
  };
}
