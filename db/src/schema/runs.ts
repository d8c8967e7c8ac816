import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { flows, flowVersions } from './flows.ts';
import { workspaces } from './workspaces.ts';

export const runStatuses = ['running', 'waiting', 'completed', 'failed', 'cancelled'] as const;
export type RunStatus = (typeof runStatuses)[number];

export const runs = pgTable(
  'runs',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    flowId: uuid('flow_id')
      .notNull()
      .references(() => flows.id, { onDelete: 'cascade' }),
    flowVersionId: uuid('flow_version_id')
      .notNull()
      .references(() => flowVersions.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    status: text('status', { enum: runStatuses }).notNull().default('running'),
    currentNodes: jsonb('current_nodes').$type<string[]>().notNull().default([]),
    input: jsonb('input').notNull().default({}),
    output: jsonb('output'),
    error: jsonb('error'),
    temporalWorkflowId: text('temporal_workflow_id').notNull(),
    temporalRunId: text('temporal_run_id'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    // Cursor pages walk (workspace, id desc): uuid v7 ids sort by creation time.
    index('runs_workspace_id_idx').on(t.workspaceId, t.id),
    index('runs_flow_status_idx').on(t.flowId, t.status, t.id),
  ],
);

export const runSteps = pgTable(
  'run_steps',
  {
    // No foreign key of its own: the run's already ties it to the workspace, and steps are
    // the hottest insert in the system.
    workspaceId: uuid('workspace_id').notNull(),
    runId: uuid('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    // Order of entry within the run; (run_id, seq) is the key, so a retried write is idempotent.
    seq: integer('seq').notNull(),
    nodeId: text('node_id').notNull(),
    nodeType: text('node_type').notNull(),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull(),
    leftAt: timestamp('left_at', { withTimezone: true }),
    port: text('port'),
    input: jsonb('input'),
    output: jsonb('output'),
    error: jsonb('error'),
  },
  (t) => [primaryKey({ name: 'run_steps_pkey', columns: [t.runId, t.seq] })],
);
