import { bigint, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { workspaces } from './workspaces.ts';

export const dataJobKinds = ['backup', 'export'] as const;
export type DataJobKind = (typeof dataJobKinds)[number];
export const dataJobStatuses = ['running', 'done', 'failed'] as const;
export type DataJobStatus = (typeof dataJobStatuses)[number];
/** Who asked: the weekly schedule, an admin through the API, or `omniflow backup now`. */
export const dataJobTriggers = ['schedule', 'api', 'cli'] as const;
export type DataJobTrigger = (typeof dataJobTriggers)[number];

/**
 * One backup of the install or one workspace export, with how far it got and how it ended. The
 * archives themselves live in the backup folder; this row is the "last result" an admin sees.
 * A restore brings back the rows of its own time: the folder, not this table, lists what exists.
 */
export const dataJobs = pgTable(
  'data_jobs',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind', { enum: dataJobKinds }).notNull(),
    // Exports belong to a workspace; backups cover the whole install.
    workspaceId: uuid('workspace_id').references(() => workspaces.id, { onDelete: 'cascade' }),
    trigger: text('trigger', { enum: dataJobTriggers }).notNull(),
    status: text('status', { enum: dataJobStatuses }).notNull().default('running'),
    // The archive's file name in its folder, once written.
    file: text('file'),
    bytes: bigint('bytes', { mode: 'number' }),
    sha256: text('sha256'),
    // Units done out of total (tables and stored files), for a progress bar.
    done: integer('done').notNull().default(0),
    total: integer('total'),
    error: text('error'),
    // What the archive holds (files, row counts): the manifest, kept for the API.
    summary: jsonb('summary'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('data_jobs_kind_started_idx').on(t.kind, t.startedAt)],
);
