import { and, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, segmentMembers, type Db } from '@omniflow/db';

/** Ids per statement: one round trip per thousand people, never one per person. */
const batchSize = 1000;

function batches<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += batchSize) out.push(items.slice(i, i + batchSize));
  return out;
}

/**
 * Adds contacts to a static list; ids of other workspaces' contacts, unknown ones and members
 * already there are skipped. Answers how many were added.
 */
export async function addSegmentMembers(
  db: Db,
  segmentId: string,
  workspaceId: string,
  contactIds: string[],
): Promise<number> {
  let added = 0;
  for (const ids of batches([...new Set(contactIds)])) {
    const rows = await queryRows<{ contact_id: string }>(
      db,
      sql`
      insert into segment_members (segment_id, contact_id)
      select ${segmentId}::uuid, c.id from contacts c
      where c.workspace_id = ${workspaceId}::uuid
        and c.id in (${sql.join(
          ids.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})
      on conflict do nothing
      returning contact_id`,
    );
    added += rows.length;
  }
  return added;
}

/** Takes contacts off a static list; answers how many were on it. */
export async function removeSegmentMembers(db: Db, segmentId: string, contactIds: string[]): Promise<number> {
  let removed = 0;
  for (const ids of batches([...new Set(contactIds)])) {
    const rows = await db
      .delete(segmentMembers)
      .where(and(eq(segmentMembers.segmentId, segmentId), inArray(segmentMembers.contactId, ids)))
      .returning({ id: segmentMembers.contactId });
    removed += rows.length;
  }
  return removed;
}
