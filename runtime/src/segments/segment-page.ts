import { and, asc, eq, gt, type SQL } from 'drizzle-orm';
import { contacts, segmentMembers, segments, type Db } from '@omniflow/db';

export type SegmentRow = typeof segments.$inferSelect;

/**
 * Which contacts a segment's rules select, as a condition on `contacts` (runtime/src/segments
 * compiles the rule tree). Undefined rules select every contact of the workspace.
 */
export type RulesCondition = (db: Db, segment: SegmentRow) => SQL | undefined;

const everyone: RulesCondition = () => undefined;

/**
 * The next page of a segment's contact ids after `afterId`, in id order: what a campaign pages
 * through when it sends (evaluated then, not when the segment was saved).
 */
export async function segmentPage(
  db: Db,
  segment: SegmentRow,
  afterId: string | undefined,
  limit: number,
  rules: RulesCondition = everyone,
): Promise<string[]> {
  const after = afterId ? gt(contacts.id, afterId) : undefined;
  if (segment.kind === 'static') {
    const rows = await db
      .select({ id: contacts.id })
      .from(segmentMembers)
      .innerJoin(contacts, eq(contacts.id, segmentMembers.contactId))
      .where(and(eq(segmentMembers.segmentId, segment.id), after))
      .orderBy(asc(contacts.id))
      .limit(limit);
    return rows.map((r) => r.id);
  }
  const rows = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, segment.workspaceId), after, rules(db, segment)))
    .orderBy(asc(contacts.id))
    .limit(limit);
  return rows.map((r) => r.id);
}
