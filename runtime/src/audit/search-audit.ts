import { and, desc, eq, gte, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { auditEvents, type Db } from '@omniflow/db';

export interface AuditFilter {
  from?: Date;
  to?: Date;
  /** A user's or key's id, else words of a name or an email. */
  actor?: string;
  actions?: string[];
  resourceType?: string;
  resourceId?: string;
  /** Words found in the action, who, the resource, the path or the address. */
  q?: string;
}

export interface AuditCursor {
  at: Date;
  id: string;
}

export type AuditRow = typeof auditEvents.$inferSelect;

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `%` and `_` in what a person typed are letters, not wildcards. */
const contains = (text: string) => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

function conditions(workspaceId: string, filter: AuditFilter): SQL[] {
  const where: SQL[] = [eq(auditEvents.workspaceId, workspaceId)];
  if (filter.from) where.push(gte(auditEvents.occurredAt, filter.from));
  if (filter.to) where.push(lt(auditEvents.occurredAt, filter.to));
  if (filter.actor) {
    const actor = filter.actor.trim();
    where.push(
      uuidShape.test(actor)
        ? or(eq(auditEvents.actorId, actor), eq(auditEvents.actorUserId, actor))!
        : or(ilike(auditEvents.actorName, contains(actor)), ilike(auditEvents.actorEmail, contains(actor)))!,
    );
  }
  if (filter.actions && filter.actions.length > 0) where.push(inArray(auditEvents.action, filter.actions));
  if (filter.resourceType) where.push(eq(auditEvents.resourceType, filter.resourceType));
  if (filter.resourceId) where.push(eq(auditEvents.resourceId, filter.resourceId));
  for (const word of (filter.q ?? '').split(/\s+/).filter(Boolean)) {
    const pattern = contains(word);
    where.push(
      or(
        ilike(auditEvents.action, pattern),
        ilike(auditEvents.actorName, pattern),
        ilike(auditEvents.actorEmail, pattern),
        ilike(auditEvents.resourceType, pattern),
        ilike(auditEvents.resourceLabel, pattern),
        ilike(auditEvents.resourceId, pattern),
        ilike(auditEvents.path, pattern),
        ilike(auditEvents.ip, pattern),
      )!,
    );
  }
  return where;
}

/** Newest first, `limit` rows after the cursor (the last row of the previous page). */
export async function searchAudit(
  db: Db,
  workspaceId: string,
  filter: AuditFilter,
  page: { limit: number; after?: AuditCursor },
): Promise<AuditRow[]> {
  const where = conditions(workspaceId, filter);
  if (page.after)
    where.push(
      sql`(${auditEvents.occurredAt}, ${auditEvents.id}) < (${page.after.at.toISOString()}::timestamptz, ${page.after.id}::uuid)`,
    );
  return db
    .select()
    .from(auditEvents)
    .where(and(...where))
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
    .limit(page.limit);
}

/** Every matching row, newest first, a page at a time (for the exports). */
export async function* allAuditRows(
  db: Db,
  workspaceId: string,
  filter: AuditFilter,
  pageSize = 2000,
): AsyncGenerator<AuditRow> {
  let after: AuditCursor | undefined;
  for (;;) {
    const rows = await searchAudit(db, workspaceId, filter, { limit: pageSize, ...(after ? { after } : {}) });
    yield* rows;
    if (rows.length < pageSize) return;
    const last = rows.at(-1)!;
    after = { at: last.occurredAt, id: last.id };
  }
}

export const encodeAuditCursor = (row: { occurredAt: Date; id: string }) =>
  Buffer.from(`${row.occurredAt.toISOString()}|${row.id}`).toString('base64url');

/** The cursor a page handed out, or undefined when it is not one. */
export function decodeAuditCursor(cursor: string): AuditCursor | undefined {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!at || !id || !uuidShape.test(id)) return undefined;
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? undefined : { at: date, id };
}
