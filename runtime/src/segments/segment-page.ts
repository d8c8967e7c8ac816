import { and, asc, eq, gt, type SQL } from 'drizzle-orm';
import { contacts, segmentMembers, segments, type Db } from '@omniflow/db';
import { segmentCondition } from './segment-condition.ts';

export type SegmentRow = typeof segments.$inferSelect;

/**
 * Which contacts a segment's rules select, as a condition on `contacts`. Undefined selects every
 * contact of the workspace.
 */
export type RulesCondition = (db: Db, segment: SegmentRow) => SQL | undefined | Promise<SQL | undefined>;

/** The segment's rule tree compiled against its workspace as it is now (segment-condition.ts). */
export const compiledRules: RulesCondition = (db, segment) =>
  segmentCondition(db, segment.workspaceId, segment.rules);

/**
 * The next page of a segment's contact ids after `afterId`, in id order: what a campaign pages
 * through when it sends (evaluated then, not when the segment was saved).
 */
export async function segmentPage(
  db: Db,
  segment: SegmentRow,
  afterId: string | undefined,
  limit: number,
  rules: RulesCondition = compiledRules,
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
  const condition = await rules(db, segment);
  const rows = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, segment.workspaceId), after, condition))
    .orderBy(asc(contacts.id))
    .limit(limit);
  return rows.map((r) => r.id);
}
