import { and, asc, count, eq } from 'drizzle-orm';
import { imapMailboxes, isUniqueViolation, newId, type Db, type imapSecurities } from '@omniflow/db';
import { openSecrets, sealSecrets } from '../credentials/secret-box.ts';
import type { SecretKeyring } from '../credentials/secret-keyring.ts';

export type ImapSecurity = (typeof imapSecurities)[number];

/** What an admin sets for a mailbox; the password is given separately and never shown back. */
export interface ImapMailboxSettings {
  host: string;
  port: number;
  security: ImapSecurity;
  user: string;
  folder: string;
  address: string;
  pollSeconds: number;
  enabled: boolean;
}

/**
 * `working`: signed in since the last connection failure; `failing`: the last attempt failed;
 * `connecting`: not signed in yet; `off`: disabled.
 */
export type ImapMailboxStatus = 'working' | 'failing' | 'connecting' | 'off';

export interface ImapMailboxView extends ImapMailboxSettings {
  id: string;
  hasPassword: true;
  status: ImapMailboxStatus;
  connectedAt: Date | null;
  lastError: { code: string; message: string; at: Date } | null;
  lastMailAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export type ImapMailboxRow = typeof imapMailboxes.$inferSelect;

/** A few per workspace: one per inbox a team answers, not a mail archive. */
export const maxMailboxesPerWorkspace = 10;

export class ImapMailboxError extends Error {
  constructor(
    readonly code: 'MAILBOX_EXISTS' | 'MAILBOX_LIMIT' | 'NOT_FOUND' | 'PASSWORD_REQUIRED',
    message: string,
  ) {
    super(message);
  }
}

// Problems that mean the mailbox is not being read; any other (a mail too large, unreadable)
// concerns one mail while the rest keep coming.
const connectionCodes = new Set([
  'IMAP_AUTH_FAILED',
  'IMAP_HOST_UNKNOWN',
  'IMAP_UNREACHABLE',
  'IMAP_TIMEOUT',
  'IMAP_TLS_FAILED',
  'IMAP_FOLDER_MISSING',
  'IMAP_CONNECTION',
  'SECRET_KEY_MISMATCH',
  'SECRETS_UNREADABLE',
]);

export function statusOf(row: ImapMailboxRow): ImapMailboxStatus {
  if (!row.enabled) return 'off';
  const failedLast =
    row.lastErrorAt !== null &&
    connectionCodes.has(row.lastErrorCode ?? '') &&
    (row.connectedAt === null || row.lastErrorAt >= row.connectedAt);
  if (failedLast) return 'failing';
  return row.connectedAt === null ? 'connecting' : 'working';
}

type Saved = Pick<ImapMailboxRow, 'id' | 'updatedAt'>;
const current = (mailbox: Saved) =>
  and(eq(imapMailboxes.id, mailbox.id), eq(imapMailboxes.updatedAt, mailbox.updatedAt));

/** The password is bound to its workspace and row (AES-GCM associated data). */
export const contextOf = (workspaceId: string, id: string) => `${workspaceId}/imap/${id}`;

const normalized = <T extends Partial<ImapMailboxSettings>>(settings: T): T => ({
  ...settings,
  ...(settings.host === undefined ? {} : { host: settings.host.toLowerCase() }),
  ...(settings.address === undefined ? {} : { address: settings.address.toLowerCase() }),
});

const view = (row: ImapMailboxRow): ImapMailboxView => ({
  id: row.id,
  host: row.host,
  port: row.port,
  security: row.security,
  user: row.user,
  folder: row.folder,
  address: row.address,
  pollSeconds: row.pollSeconds,
  enabled: row.enabled,
  hasPassword: true,
  status: statusOf(row),
  connectedAt: row.connectedAt,
  lastError:
    row.lastErrorCode && row.lastErrorAt
      ? { code: row.lastErrorCode, message: row.lastError ?? '', at: row.lastErrorAt }
      : null,
  lastMailAt: row.lastMailAt,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

/**
 * The saved password goes only to the server and user it was given for: otherwise anyone who may
 * edit the mailbox could have it sent to a server of their own, and read it there.
 */
function refuseOtherAccount(saved: { host: string; user: string }, next: { host?: string; user?: string }) {
  const host = next.host?.toLowerCase() ?? saved.host;
  const user = next.user ?? saved.user;
  if (host !== saved.host || user !== saved.user)
    throw new ImapMailboxError(
      'PASSWORD_REQUIRED',
      'password: type the password again when changing the server or the user name; the saved one is kept only for the server it was given for',
    );
}

const exists = (settings: { user: string; host: string; folder: string }) =>
  new ImapMailboxError(
    'MAILBOX_EXISTS',
    `${settings.user} at ${settings.host} (folder ${settings.folder}) is connected already: edit that mailbox instead`,
  );

/** Each workspace's IMAP mailboxes, the passwords sealed like channel secrets. */
export function createImapMailboxStore(db: Db, keyring: () => SecretKeyring) {
  const seal = (workspaceId: string, id: string, password: string) => {
    const sealed = sealSecrets(keyring(), { password }, contextOf(workspaceId, id));
    return { passwordSealed: sealed.sealed, keyId: sealed.keyId };
  };
  const rowOf = async (workspaceId: string, id: string) =>
    (
      await db
        .select()
        .from(imapMailboxes)
        .where(and(eq(imapMailboxes.workspaceId, workspaceId), eq(imapMailboxes.id, id)))
    )[0];
  const passwordOf = (row: Pick<ImapMailboxRow, 'workspaceId' | 'id' | 'passwordSealed' | 'keyId'>) =>
    openSecrets(
      keyring(),
      { sealed: row.passwordSealed, keyId: row.keyId },
      contextOf(row.workspaceId, row.id),
    ).password!;
  const notFound = () =>
    new ImapMailboxError('NOT_FOUND', 'This workspace has no such mailbox: it may have been deleted');

  return {
    async list(workspaceId: string): Promise<ImapMailboxView[]> {
      const rows = await db
        .select()
        .from(imapMailboxes)
        .where(eq(imapMailboxes.workspaceId, workspaceId))
        .orderBy(asc(imapMailboxes.createdAt), asc(imapMailboxes.id));
      return rows.map(view);
    },

    async get(workspaceId: string, id: string): Promise<ImapMailboxView> {
      const row = await rowOf(workspaceId, id);
      if (!row) throw notFound();
      return view(row);
    },

    async create(
      workspaceId: string,
      input: ImapMailboxSettings & { password: string },
    ): Promise<ImapMailboxView> {
      const { password, ...settings } = normalized(input);
      const id = newId();
      try {
        const saved = await db.transaction(async (tx) => {
          // Counted in the transaction, after locking the workspace's rows, so two saves at once
          // cannot both take the last place.
          await tx
            .select({ id: imapMailboxes.id })
            .from(imapMailboxes)
            .where(eq(imapMailboxes.workspaceId, workspaceId))
            .for('update');
          const [counted] = await tx
            .select({ value: count() })
            .from(imapMailboxes)
            .where(eq(imapMailboxes.workspaceId, workspaceId));
          if ((counted?.value ?? 0) >= maxMailboxesPerWorkspace)
            throw new ImapMailboxError(
              'MAILBOX_LIMIT',
              `A workspace connects at most ${maxMailboxesPerWorkspace} mailboxes: delete one you no longer read first`,
            );
          const [row] = await tx
            .insert(imapMailboxes)
            // Milliseconds, as a Date holds them: status writes match on updated_at.
            .values({
              id,
              workspaceId,
              ...settings,
              ...seal(workspaceId, id, password),
              updatedAt: new Date(),
            })
            .returning();
          return row!;
        });
        return view(saved);
      } catch (error) {
        if (isUniqueViolation(error)) throw exists(settings);
        throw error;
      }
    },

    /** Changes what is given; the saved password stays when none is. */
    async update(
      workspaceId: string,
      id: string,
      input: Partial<ImapMailboxSettings> & { password?: string },
    ): Promise<ImapMailboxView> {
      const before = await rowOf(workspaceId, id);
      if (!before) throw notFound();
      const { password, ...settings } = normalized(input);
      if (password === undefined) refuseOtherAccount(before, settings);
      try {
        const [row] = await db
          .update(imapMailboxes)
          .set({
            ...settings,
            ...(password === undefined ? {} : seal(workspaceId, id, password)),
            updatedAt: new Date(),
            // New settings, new story: the old error says nothing about them.
            connectedAt: null,
            lastErrorCode: null,
            lastError: null,
            lastErrorAt: null,
          })
          .where(and(eq(imapMailboxes.workspaceId, workspaceId), eq(imapMailboxes.id, id)))
          .returning();
        if (!row) throw notFound();
        return view(row);
      } catch (error) {
        if (isUniqueViolation(error)) throw exists({ ...before, ...settings });
        throw error;
      }
    },

    async remove(workspaceId: string, id: string): Promise<void> {
      const deleted = await db
        .delete(imapMailboxes)
        .where(and(eq(imapMailboxes.workspaceId, workspaceId), eq(imapMailboxes.id, id)))
        .returning({ id: imapMailboxes.id });
      if (deleted.length === 0) throw notFound();
    },

    /** Every workspace's enabled mailboxes, for the pollers. */
    enabled(): Promise<ImapMailboxRow[]> {
      return db.select().from(imapMailboxes).where(eq(imapMailboxes.enabled, true));
    },

    /** The saved password, for the poller or a connection test; throws NodeError when it does not open. */
    passwordOf,

    /** The saved password, for testing the same account; another host or user must type it again. */
    async savedPassword(workspaceId: string, id: string, account: { host: string; user: string }) {
      const row = await rowOf(workspaceId, id);
      if (!row) throw notFound();
      refuseOtherAccount(row, account);
      return passwordOf(row);
    },

    // Status writes name the settings they were made under: a poller being replaced by an edit
    // must not put its old error on the new settings.
    async recordProblem(mailbox: Saved, problem: { code: string; message: string }, at: Date) {
      await db
        .update(imapMailboxes)
        .set({ lastErrorCode: problem.code, lastError: problem.message.slice(0, 2000), lastErrorAt: at })
        .where(current(mailbox));
    },

    async recordConnected(mailbox: Saved, at: Date) {
      await db.update(imapMailboxes).set({ connectedAt: at }).where(current(mailbox));
    },

    async recordMail(mailbox: Saved, at: Date) {
      await db.update(imapMailboxes).set({ lastMailAt: at }).where(current(mailbox));
    },
  };
}

export type ImapMailboxStore = ReturnType<typeof createImapMailboxStore>;
