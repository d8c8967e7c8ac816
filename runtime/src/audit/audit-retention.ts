import { asc, eq, inArray, sql } from 'drizzle-orm';
import { auditEvents, workspaces, type Db } from '@omniflow/db';

/** Issue #16: a year unless the workspace says otherwise (also for a workspace no longer there). */
export const defaultAuditRetentionDays = 365;

/**
 * Removes audit rows older than their workspace keeps them, in batches. The only delete the
 * table's trigger lets through: each batch's transaction sets `omniflow.audit_retention` for
 * itself alone (set_config's third argument), so no other statement inherits the permission.
 */
export async function purgeExpiredAudit(
  db: Db,
  options: { now?: Date; batchSize?: number; onBatch?: (removed: number) => void } = {},
): Promise<number> {
  const now = (options.now ?? new Date()).toISOString();
  const batchSize = options.batchSize ?? 2000;
  let total = 0;
  for (;;) {
    const removed = await db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('omniflow.audit_retention', 'on', true)`);
      const expired = tx
        .select({ id: auditEvents.id })
        .from(auditEvents)
        .leftJoin(workspaces, eq(workspaces.id, auditEvents.workspaceId))
        .where(
          sql`${auditEvents.occurredAt} < ${now}::timestamptz - make_interval(days => coalesce(${workspaces.auditRetentionDays}, ${defaultAuditRetentionDays}))`,
        )
        .orderBy(asc(auditEvents.occurredAt))
        .limit(batchSize);
      const rows = await tx
        .delete(auditEvents)
        .where(inArray(auditEvents.id, expired))
        .returning({ id: auditEvents.id });
      return rows.length;
    });
    total += removed;
    options.onBatch?.(removed);
    if (removed < batchSize) return total;
  }
}
