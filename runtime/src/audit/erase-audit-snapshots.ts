import { and, eq, sql } from 'drizzle-orm';
import { auditEvents, type Db } from '@omniflow/db';

const erased = { erased: true };

/**
 * A data-protection erasure of a person (issue #16) must not leave their data in the audit
 * log's snapshots for a year. This replaces the before/after/details of the rows about one
 * resource with `{"erased":true}` and its label with nothing; who did what, when and from where
 * stay. The only UPDATE the table's trigger lets through, and only for those columns.
 */
export async function eraseAuditSnapshots(
  db: Db,
  workspaceId: string,
  resource: { type: string; id: string },
): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('omniflow.audit_erasure', 'on', true)`);
    const rows = await tx
      .update(auditEvents)
      .set({
        before: sql`case when ${auditEvents.before} is null then null else ${JSON.stringify(erased)}::jsonb end`,
        after: sql`case when ${auditEvents.after} is null then null else ${JSON.stringify(erased)}::jsonb end`,
        details: sql`case when ${auditEvents.details} is null then null else ${JSON.stringify(erased)}::jsonb end`,
        resourceLabel: null,
      })
      .where(
        and(
          eq(auditEvents.workspaceId, workspaceId),
          eq(auditEvents.resourceType, resource.type),
          eq(auditEvents.resourceId, resource.id),
        ),
      )
      .returning({ id: auditEvents.id });
    return rows.length;
  });
}
