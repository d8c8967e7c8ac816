import { and, asc, count, eq, gt, type SQL } from 'drizzle-orm';
import { contacts, segmentMembers, type Db } from '@omniflow/db';
import { segmentCondition } from './segment-condition.ts';
import type { SegmentRow } from './segment-page.ts';

/** How many contacts of the workspace a condition selects, counted now. */
export async function countContacts(
  db: Db,
  workspaceId: string,
  condition: SQL | undefined,
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), condition));
  return row?.n ?? 0;
}

/** How many people a saved segment selects now: rules are evaluated, a list's members counted. */
export async function countSegment(db: Db, segment: SegmentRow): Promise<number> {
  if (segment.kind === 'static') {
    const [row] = await db
      .select({ n: count() })
      .from(segmentMembers)
      .where(eq(segmentMembers.segmentId, segment.id));
    return row?.n ?? 0;
  }
  return countContacts(
    db,
    segment.workspaceId,
    await segmentCondition(db, segment.workspaceId, segment.rules),
  );
}

export interface ContactSummary {
  id: string;
  displayName: string;
  firstName: string;
  lastName: string;
  tags: string[];
}

const summary = {
  id: contacts.id,
  displayName: contacts.displayName,
  firstName: contacts.firstName,
  lastName: contacts.lastName,
  tags: contacts.tags,
};

/** A page of the contacts a condition selects, in id order after `afterId`. */
export async function contactsWhere(
  db: Db,
  workspaceId: string,
  condition: SQL | undefined,
  afterId: string | undefined,
  limit: number,
): Promise<ContactSummary[]> {
  return db
    .select(summary)
    .from(contacts)
    .where(
      and(eq(contacts.workspaceId, workspaceId), condition, afterId ? gt(contacts.id, afterId) : undefined),
    )
    .orderBy(asc(contacts.id))
    .limit(limit);
}

/** A page of a saved segment's contacts: a list's members, or whom the rules select now. */
export async function segmentContacts(
  db: Db,
  segment: SegmentRow,
  afterId: string | undefined,
  limit: number,
): Promise<ContactSummary[]> {
  if (segment.kind === 'static')
    return db
      .select(summary)
      .from(segmentMembers)
      .innerJoin(contacts, eq(contacts.id, segmentMembers.contactId))
      .where(and(eq(segmentMembers.segmentId, segment.id), afterId ? gt(contacts.id, afterId) : undefined))
      .orderBy(asc(contacts.id))
      .limit(limit);
  return contactsWhere(
    db,
    segment.workspaceId,
    await segmentCondition(db, segment.workspaceId, segment.rules),
    afterId,
    limit,
  );
}
