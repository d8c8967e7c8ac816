import { sql } from 'drizzle-orm';
import { integer, jsonb, pgTable, text, timestamp, uuid, uniqueIndex, index } from 'drizzle-orm/pg-core';
import { users, workspaces } from './workspaces.ts';

export const flows = pgTable(
  'flows',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    // The editable draft (flow document, DESIGN.md §4); published versions are copies.
    draft: jsonb('draft').notNull(),
    latestVersion: integer('latest_version'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('flows_workspace_idx').on(t.workspaceId, t.updatedAt)],
);

export const flowVersions = pgTable(
  'flow_versions',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    flowId: uuid('flow_id')
      .notNull()
      .references(() => flows.id, { onDelete: 'cascade' }),
    // Published versions count 1, 2, 3…; draft test runs (the builder's simulator) use 0.
    version: integer('version').notNull(),
    kind: text('kind', { enum: ['published', 'test'] })
      .notNull()
      .default('published'),
    graph: jsonb('graph').notNull(),
    machine: jsonb('machine').notNull(),
    // SHA-256 of the canonical graph JSON: publishing an unchanged graph is detectable.
    hash: text('hash').notNull(),
    notes: text('notes').notNull().default(''),
    publishedBy: uuid('published_by').references(() => users.id, { onDelete: 'set null' }),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('flow_versions_flow_version_unique')
      .on(t.flowId, t.version)
      .where(sql`${t.kind} = 'published'`),
    index('flow_versions_test_hash_idx')
      .on(t.flowId, t.hash)
      .where(sql`${t.kind} = 'test'`),
  ],
);
