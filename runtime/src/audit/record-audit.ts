import { auditEvents, newId, type AuditActorKind, type Db } from '@omniflow/db';
import { statementBatcher } from '../batching/statement-batcher.ts';
import { redactSecrets } from './redact-secrets.ts';

/** What one audit row says; `recordAudit` fills the id and time and redacts secrets. */
export interface AuditEntry {
  workspaceId: string;
  actor: {
    kind: AuditActorKind;
    id?: string | null;
    name?: string | null;
    email?: string | null;
    /** For a key or client: the person who made it. */
    userId?: string | null;
  };
  /** `<resource>.<verb>` (see audit-actions.ts). */
  action: string;
  resource: { type: string; id?: string | null; label?: string | null };
  request?: {
    method?: string;
    path?: string;
    status?: number;
    ip?: string | null;
    userAgent?: string | null;
    requestId?: string | null;
  };
  before?: unknown;
  after?: unknown;
  details?: unknown;
  /** Default: now. */
  occurredAt?: Date;
}

/** Past this a side is kept as a note of its size: a flow graph fits, a runaway blob does not. */
const maxSideChars = 256 * 1024;

function side(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  const clean = redactSecrets(value);
  const text = JSON.stringify(clean);
  if (text.length <= maxSideChars) return clean;
  return { truncated: true, chars: text.length };
}

/** Text columns keep at most this much of what a caller sent (a user agent, a request id). */
const clip = (text: string | null | undefined, max = 1000) =>
  text === null || text === undefined ? null : text.slice(0, max);

type AuditRow = typeof auditEvents.$inferInsert;

// One writer per database: the rows of requests answered in the same turn of the event loop
// (a burst of API calls, each audited) go in one insert instead of a round trip each.
const writers = new WeakMap<Db, (row: AuditRow) => Promise<void>>();

function writerOf(db: Db) {
  let write = writers.get(db);
  if (!write) {
    write = statementBatcher(async (rows: AuditRow[]) => {
      await db.insert(auditEvents).values(rows);
      return rows.map(() => undefined);
    });
    writers.set(db, write);
  }
  return write;
}

/**
 * Appends one row to the audit log. Other parts of Omniflow call this for what the central
 * trail (api/audit-trail.ts) cannot see: sign-ins, jobs, things done outside a request.
 */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<string> {
  const id = newId();
  await writerOf(db)({
    id,
    workspaceId: entry.workspaceId,
    occurredAt: entry.occurredAt ?? new Date(),
    actorKind: entry.actor.kind,
    actorId: entry.actor.id ?? null,
    actorName: clip(entry.actor.name),
    actorEmail: clip(entry.actor.email),
    actorUserId: entry.actor.userId ?? null,
    action: entry.action,
    resourceType: entry.resource.type,
    resourceId: clip(entry.resource.id),
    resourceLabel: clip(entry.resource.label),
    method: entry.request?.method ?? null,
    path: clip(entry.request?.path, 2000),
    status: entry.request?.status ?? null,
    ip: clip(entry.request?.ip, 100),
    userAgent: clip(entry.request?.userAgent),
    requestId: clip(entry.request?.requestId, 200),
    before: side(entry.before),
    after: side(entry.after),
    details: side(entry.details),
  });
  return id;
}
