import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users, workspaces } from './workspaces.ts';

/** The periods a scheduled report covers, relative to when it is sent (in the workspace's zone). */
export const reportPeriods = ['yesterday', 'last-week', 'last-month'] as const;
export type ReportPeriod = (typeof reportPeriods)[number];
export const reportBuckets = ['minute', 'hour', 'day', 'week', 'month'] as const;
export const reportScheduleFormats = ['xlsx', 'pdf'] as const;
/** Daily at its hour; weekly on Mondays; monthly on the 1st: right after the period it covers. */
export const reportFrequencies = ['daily', 'weekly', 'monthly'] as const;
export const reportDeliveryStatuses = ['sending', 'sent', 'failed'] as const;
export const reportDeliveryTriggers = ['schedule', 'manual'] as const;

/** The filters of a scheduled report besides its period (channel, flow, queue...). */
export type ReportScheduleFilters = {
  channel?: string;
  flowId?: string;
  queue?: string;
  campaignId?: string;
  agentId?: string;
};

/** A report e-mailed to a list of people on a calendar (issue #17). */
export const reportSchedules = pgTable(
  'report_schedules',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    // The registry name of the report (runtime/src/reports/all-reports.ts).
    report: text('report').notNull(),
    period: text('period', { enum: reportPeriods }).notNull(),
    bucket: text('bucket', { enum: reportBuckets }).notNull().default('day'),
    filters: jsonb('filters').$type<ReportScheduleFilters>().notNull().default({}),
    format: text('format', { enum: reportScheduleFormats }).notNull(),
    frequency: text('frequency', { enum: reportFrequencies }).notNull(),
    // The hour of the day (0-23) it is sent at, in the workspace's timezone.
    hour: integer('hour').notNull(),
    recipients: jsonb('recipients').$type<string[]>().notNull(),
    language: text('language', { enum: ['es', 'en'] }).notNull(),
    enabled: boolean('enabled').notNull().default(true),
    // When it is next due; the periodic sweep sends every enabled schedule past it.
    nextRunAt: timestamp('next_run_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('report_schedules_due_idx').on(t.enabled, t.nextRunAt)],
);

/** One sending of a scheduled report: its attempts and how it ended, shown as the last delivery. */
export const reportDeliveries = pgTable(
  'report_deliveries',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    scheduleId: uuid('schedule_id')
      .notNull()
      .references(() => reportSchedules.id, { onDelete: 'cascade' }),
    trigger: text('trigger', { enum: reportDeliveryTriggers }).notNull(),
    status: text('status', { enum: reportDeliveryStatuses }).notNull().default('sending'),
    attempts: integer('attempts').notNull().default(0),
    // Why the last attempt failed (the SMTP server's answer, no channel...).
    error: text('error'),
    // Recipients already mailed, so a retry writes only to the others.
    sentTo: jsonb('sent_to').$type<string[]>().notNull().default([]),
    filename: text('filename'),
    bytes: integer('bytes'),
    periodFrom: timestamp('period_from', { withTimezone: true }),
    periodTo: timestamp('period_to', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('report_deliveries_schedule_idx').on(t.scheduleId, t.createdAt)],
);
