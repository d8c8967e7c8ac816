import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { flows } from './flows.ts';
import { messages } from './messaging.ts';
import { runs } from './runs.ts';
import { workspaces } from './workspaces.ts';

export const emailEventTypes = ['open', 'click', 'bounce', 'complaint', 'unsubscribe'] as const;

/** What happened to a mail after it left: opened, clicked, bounced, complained, unsubscribed. */
export const emailEvents = pgTable(
  'email_events',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    messageId: uuid('message_id')
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    type: text('type', { enum: emailEventTypes }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userAgent: text('user_agent'),
    // The link clicked (click), the address unsubscribed (unsubscribe).
    url: text('url'),
    // A mail provider's proxy fetched the pixel (Apple Mail Privacy Protection, Gmail's image
    // proxy): not a person reading, so reports do not count it as one.
    proxy: boolean('proxy').notNull().default(false),
    // Bounces: { kind: 'hard' | 'soft', status: '5.1.1', diagnostic }; complaints: the ARF fields.
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index('email_events_message_idx').on(t.messageId, t.at),
    index('email_events_workspace_idx').on(t.workspaceId, t.type, t.at),
  ],
);

export const templateKinds = ['email', 'text'] as const;
export const templateLanguages = ['es', 'en'] as const;

/** One language of a template: an email's subject and MJML, or a short text's body. */
export interface TemplateVariant {
  subject?: string;
  body: string;
}

/** A reusable message: an MJML email or a short text for SMS, WhatsApp and web chat. */
export const templates = pgTable(
  'templates',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    // What nodes pick it by; unique in the workspace.
    name: text('name').notNull(),
    kind: text('kind', { enum: templateKinds }).notNull(),
    description: text('description').notNull().default(''),
    variants: jsonb('variants')
      .$type<Partial<Record<(typeof templateLanguages)[number], TemplateVariant>>>()
      .notNull()
      .default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('templates_name_unique').on(t.workspaceId, t.name)],
);

/** RFC 3834 §2: the last auto-reply a flow sent each sender, so it answers once per period. */
export const autoReplies = pgTable(
  'auto_replies',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    flowId: uuid('flow_id')
      .notNull()
      .references(() => flows.id, { onDelete: 'cascade' }),
    // Lower-cased address.
    sender: text('sender').notNull(),
    repliedAt: timestamp('replied_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.flowId, t.sender] })],
);

/**
 * A domain whose mail the workspace takes on the built-in inbound server, any local part (its MX
 * points at Omniflow). A domain belongs to one workspace: a mail to it must have one owner.
 */
export const mailDomains = pgTable('mail_domains', {
  // Lower-cased, without a trailing dot.
  domain: text('domain').primaryKey(),
  workspaceId: uuid('workspace_id')
    .notNull()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A sending domain's DKIM key: the private half sealed like channel secrets. */
export const dkimKeys = pgTable(
  'dkim_keys',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    domain: text('domain').notNull(),
    selector: text('selector').notNull(),
    // The public key as base64 DER (SPKI), the `p=` of the DNS record.
    publicKey: text('public_key').notNull(),
    privateKeySealed: text('private_key_sealed').notNull(),
    keyId: text('key_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('dkim_keys_domain_unique').on(t.workspaceId, t.domain)],
);

/** A file that came with a mail; the bytes live in the attachment store under `storage_key`. */
export const mailAttachments = pgTable(
  'mail_attachments',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    messageId: uuid('message_id').references(() => messages.id, { onDelete: 'cascade' }),
    runId: uuid('run_id').references(() => runs.id, { onDelete: 'set null' }),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    bytes: bigint('bytes', { mode: 'number' }).notNull(),
    storageKey: text('storage_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('mail_attachments_message_idx')
      .on(t.messageId)
      .where(sql`${t.messageId} is not null`),
  ],
);

/**
 * The mail catcher (`omniflow dev` with no SMTP account, and every test run): each mail a flow
 * sent, whole as it would have left (raw MIME, DKIM-signed when a key is set).
 */
export const caughtMails = pgTable(
  'caught_mails',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    messageId: uuid('message_id').references(() => messages.id, { onDelete: 'set null' }),
    fromAddress: text('from_address').notNull(),
    toAddresses: jsonb('to_addresses').$type<string[]>().notNull(),
    subject: text('subject').notNull().default(''),
    raw: text('raw').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('caught_mails_workspace_idx').on(t.workspaceId, t.id)],
);

export const imapSecurities = ['tls', 'starttls', 'none'] as const;

/**
 * An existing mailbox a workspace takes mail from over IMAP; the API process polls each enabled
 * one. The status columns are written by the poller so the admin can see whether it works.
 */
export const imapMailboxes = pgTable(
  'imap_mailboxes',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    // Lower-cased.
    host: text('host').notNull(),
    port: integer('port').notNull(),
    security: text('security', { enum: imapSecurities }).notNull(),
    user: text('user').notNull(),
    // Sealed like channel secrets, bound to the workspace and this row.
    passwordSealed: text('password_sealed').notNull(),
    keyId: text('key_id').notNull(),
    folder: text('folder').notNull().default('INBOX'),
    // Lower-cased; the address people write to, whatever the mail's To says.
    address: text('address').notNull(),
    pollSeconds: integer('poll_seconds').notNull().default(60),
    enabled: boolean('enabled').notNull().default(true),
    // Set by the routes only: a poller whose row changed starts again with the new settings.
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    // When the poller last signed in and opened the folder.
    connectedAt: timestamp('connected_at', { withTimezone: true }),
    lastErrorCode: text('last_error_code'),
    lastError: text('last_error'),
    lastErrorAt: timestamp('last_error_at', { withTimezone: true }),
    lastMailAt: timestamp('last_mail_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('imap_mailboxes_account_unique').on(t.workspaceId, t.user, t.host, t.folder)],
);
