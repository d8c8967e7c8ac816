import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { flows } from './flows.ts';
import { runs } from './runs.ts';
import { users, workspaces } from './workspaces.ts';

/** Who ended a call; the same names as the voice contract's `HangupSide` (nodes/src/drivers/voice). */
export const hangupSides = ['caller', 'flow', 'transfer', 'error'] as const;

/** Digits a caller pressed at one node (a menu, a PIN prompt), in call order. */
export interface CallDigits {
  nodeId: string;
  digits: string;
  /** When the first of these keys came (ISO 8601); absent on records written before it was kept. */
  at?: string;
}

/**
 * One phone call, whatever driver carried it (issue #6 "Recordings and call records"). Written
 * when the call ends; `call_id` is the driver's own id so a retried write finds the same row.
 */
export const callRecords = pgTable(
  'call_records',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    // The driver's id for the call (SIP Call-ID, provider call sid).
    callId: text('call_id').notNull(),
    driver: text('driver').notNull(),
    // Records outlive run details (retention) and even the flow: they are the phone bill's twin.
    runId: uuid('run_id').references(() => runs.id, { onDelete: 'set null' }),
    flowId: uuid('flow_id').references(() => flows.id, { onDelete: 'set null' }),
    fromNumber: text('from_number').notNull(),
    toNumber: text('to_number').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    // From answer (or start, when never answered) to end: what a person on the line lived.
    durationMs: integer('duration_ms'),
    // Node ids in the order the call went through them.
    path: jsonb('path').$type<string[]>().notNull().default([]),
    digits: jsonb('digits').$type<CallDigits[]>().notNull().default([]),
    hangupSide: text('hangup_side', { enum: hangupSides }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('call_records_call_unique').on(t.workspaceId, t.driver, t.callId),
    // Search by number (either side), date and flow; uuid v7 ids sort by time, so every filter
    // ends in id for cursor pages.
    index('call_records_workspace_idx').on(t.workspaceId, t.id),
    index('call_records_from_idx').on(t.workspaceId, t.fromNumber, t.id),
    index('call_records_to_idx').on(t.workspaceId, t.toNumber, t.id),
    index('call_records_started_idx').on(t.workspaceId, t.startedAt),
    // A queue step finds its call (report rollups mark the call's bucket when its wait changes).
    index('call_records_run_idx').on(t.runId),
    index('call_records_flow_idx')
      .on(t.workspaceId, t.flowId, t.id)
      .where(sql`${t.flowId} is not null`),
  ],
);

/** One recorded piece of a call; the audio lives in a RecordingStore under `storage_key`. */
export const recordings = pgTable(
  'recordings',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    callRecordId: uuid('call_record_id').references(() => callRecords.id, { onDelete: 'set null' }),
    runId: uuid('run_id').references(() => runs.id, { onDelete: 'set null' }),
    flowId: uuid('flow_id').references(() => flows.id, { onDelete: 'set null' }),
    nodeId: text('node_id'),
    fromNumber: text('from_number').notNull(),
    toNumber: text('to_number').notNull(),
    storageKey: text('storage_key').notNull(),
    contentType: text('content_type').notNull().default('audio/wav'),
    bytes: bigint('bytes', { mode: 'number' }).notNull(),
    durationMs: integer('duration_ms').notNull(),
    // The activity's key: a retried save finds its row instead of storing the audio twice.
    idempotencyKey: text('idempotency_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('recordings_idempotency_unique')
      .on(t.workspaceId, t.idempotencyKey)
      .where(sql`${t.idempotencyKey} is not null`),
    index('recordings_workspace_idx').on(t.workspaceId, t.id),
    index('recordings_from_idx').on(t.workspaceId, t.fromNumber, t.id),
    index('recordings_to_idx').on(t.workspaceId, t.toNumber, t.id),
    index('recordings_created_idx').on(t.workspaceId, t.createdAt),
    index('recordings_flow_idx')
      .on(t.workspaceId, t.flowId, t.id)
      .where(sql`${t.flowId} is not null`),
    index('recordings_call_idx')
      .on(t.callRecordId)
      .where(sql`${t.callRecordId} is not null`),
  ],
);

/**
 * A recorded prompt of a workspace (issue #15): audio a designer uploaded or recorded, converted
 * to the prompt format (8 kHz mono 16-bit WAV) and kept in the RecordingStore under
 * `storage_key`. Flows name it `prompt:<id>`, so a rename never breaks a flow; the audio of a
 * prompt never changes after upload, so a published flow plays what it was published with.
 */
export const voicePrompts = pgTable(
  'voice_prompts',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    // What the designer calls it; the picker and the problems panel show this, never the id.
    name: text('name').notNull(),
    durationMs: integer('duration_ms').notNull(),
    contentType: text('content_type').notNull().default('audio/wav'),
    // Of the converted WAV (what is stored and played), not of the file uploaded.
    bytes: bigint('bytes', { mode: 'number' }).notNull(),
    storageKey: text('storage_key').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('voice_prompts_name_unique').on(t.workspaceId, t.name)],
);
