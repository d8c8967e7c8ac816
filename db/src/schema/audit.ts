import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Who did it: a person, an API key, or (later) an OAuth client or the system itself. */
export const auditActorKinds = ['user', 'api-key', 'oauth-client', 'system'] as const;
export type AuditActorKind = (typeof auditActorKinds)[number];

/**
 * The audit log (issue #16): one row per change made through the API and per sensitive read.
 * Append-only: a trigger (migration `audit_append_only`) refuses UPDATE, DELETE and TRUNCATE
 * unless the transaction set `omniflow.audit_retention` (only the retention sweep does).
 * No foreign keys on purpose: a row must outlive the user, key or resource it names, and a
 * cascade from them would be a DELETE the trigger refuses.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    // uuid v7: time-ordered, so the newest-first cursor walks (occurred_at, id).
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    actorKind: text('actor_kind', { enum: auditActorKinds }).notNull(),
    // The user's id, or the key's (or client's) id; null for the system.
    actorId: uuid('actor_id'),
    // Snapshots at the time: a renamed or deleted user still reads as who they were.
    actorName: text('actor_name'),
    actorEmail: text('actor_email'),
    // For a key: the person who made it.
    actorUserId: uuid('actor_user_id'),
    // `<resource>.<verb>`, e.g. flow.published, recording.played (runtime/src/audit/audit-actions.ts).
    action: text('action').notNull(),
    resourceType: text('resource_type').notNull(),
    resourceId: text('resource_id'),
    resourceLabel: text('resource_label'),
    method: text('method'),
    path: text('path'),
    status: integer('status'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    requestId: text('request_id'),
    // Secrets and password hashes are redacted before they get here (runtime/src/audit/redact.ts).
    before: jsonb('before'),
    after: jsonb('after'),
    // What else explains the action: an export's filters, a run event's name.
    details: jsonb('details'),
  },
  (t) => [
    index('audit_events_workspace_time_idx').on(t.workspaceId, t.occurredAt, t.id),
    index('audit_events_action_idx').on(t.workspaceId, t.action, t.occurredAt),
    index('audit_events_resource_idx').on(t.workspaceId, t.resourceType, t.resourceId),
    index('audit_events_actor_idx').on(t.workspaceId, t.actorId, t.occurredAt),
  ],
);
