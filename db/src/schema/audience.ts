import {
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
import { contacts } from './messaging.ts';
import { users, workspaces } from './workspaces.ts';

export const contactFieldTypes = ['text', 'number', 'date', 'boolean', 'choice'] as const;
export type ContactFieldType = (typeof contactFieldTypes)[number];

/** A custom field of a workspace's contacts: its value lives in contacts.attributes[key]. */
export const contactFields = pgTable(
  'contact_fields',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    // A lower-case identifier (`ciudad`, `fecha_cita`): what templates and segments name.
    key: text('key').notNull(),
    label: text('label').notNull(),
    type: text('type', { enum: contactFieldTypes }).notNull(),
    // The allowed values of a `choice` field.
    choices: jsonb('choices').$type<string[]>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('contact_fields_key_unique').on(t.workspaceId, t.key)],
);

export const contactImportStatuses = ['running', 'done', 'failed'] as const;

/** Column of the file → what it fills: a name part, an address, a field, tags, consent. */
export type ImportMapping = Record<string, string>;

/** One CSV or Excel import: its counts move as it runs (the progress bar reads them). */
export const contactImports = pgTable(
  'contact_imports',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    status: text('status', { enum: contactImportStatuses }).notNull().default('running'),
    mapping: jsonb('mapping').$type<ImportMapping>().notNull(),
    // Rows in the file (known once it is read), and what became of the ones read so far.
    totalRows: integer('total_rows'),
    processedRows: integer('processed_rows').notNull().default(0),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    rejected: integer('rejected').notNull().default(0),
    // Why a whole file was refused (no header, wrong encoding): nothing was imported then.
    error: text('error'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('contact_imports_workspace_idx').on(t.workspaceId, t.id)],
);

/** A row an import left out, with the line, the field and the reason (downloadable as CSV). */
export const contactImportRejections = pgTable(
  'contact_import_rejections',
  {
    importId: uuid('import_id')
      .notNull()
      .references(() => contactImports.id, { onDelete: 'cascade' }),
    line: integer('line').notNull(),
    field: text('field').notNull().default(''),
    // A catalog code (IMPORT_PHONE_INVALID…) and its words in the importer's language.
    code: text('code').notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.line, t.field] })],
);

export const segmentKinds = ['rules', 'static'] as const;

/**
 * Who a campaign is for: rules (field/operator/value in AND/OR groups, compiled to one SQL query
 * when a campaign sends) or a static list of contacts (`segment_members`).
 */
export const segments = pgTable(
  'segments',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    kind: text('kind', { enum: segmentKinds }).notNull(),
    // The rule tree (runtime/src/segments): null for a static list.
    rules: jsonb('rules'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('segments_name_unique').on(t.workspaceId, t.name)],
);

export const segmentMembers = pgTable(
  'segment_members',
  {
    segmentId: uuid('segment_id')
      .notNull()
      .references(() => segments.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.segmentId, t.contactId] }),
    index('segment_members_contact_idx').on(t.contactId),
  ],
);
