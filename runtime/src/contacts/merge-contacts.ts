import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import {
  campaignRecipients,
  contactChannels,
  contacts,
  messages,
  segmentMembers,
  type Db,
} from '@omniflow/db';

/**
 * Folds contact `fromId` into `intoId` in one transaction: addresses, messages, campaign and
 * segment memberships move; tags are unioned; names, language, timezone and fields the kept
 * contact lacks come from the other; the other is deleted. Where both were recipients of one
 * campaign (or members of one segment) the kept contact's row stays, so nobody is counted twice.
 * Answers false when either is not in the workspace.
 */
export async function mergeContacts(db: Db, workspaceId: string, intoId: string, fromId: string) {
  return db.transaction(async (tx) => {
    // Both rows locked in id order: two merges of the same pair in opposite directions wait.
    const found = await tx
      .select({ id: contacts.id })
      .from(contacts)
      .where(and(eq(contacts.workspaceId, workspaceId), inArray(contacts.id, [intoId, fromId])))
      .orderBy(asc(contacts.id))
      .for('update');
    if (found.length !== 2) return false;

    await tx.update(contactChannels).set({ contactId: intoId }).where(eq(contactChannels.contactId, fromId));
    await tx.update(messages).set({ contactId: intoId }).where(eq(messages.contactId, fromId));
    await tx.execute(
      sql`delete from campaign_recipients f using campaign_recipients k
          where f.contact_id = ${fromId} and k.contact_id = ${intoId} and k.campaign_id = f.campaign_id`,
    );
    await tx
      .update(campaignRecipients)
      .set({ contactId: intoId })
      .where(eq(campaignRecipients.contactId, fromId));
    await tx.execute(
      sql`delete from segment_members f using segment_members k
          where f.contact_id = ${fromId} and k.contact_id = ${intoId} and k.segment_id = f.segment_id`,
    );
    await tx.update(segmentMembers).set({ contactId: intoId }).where(eq(segmentMembers.contactId, fromId));
    await tx.execute(sql`
      update contacts k set
        display_name = case when k.display_name = '' then f.display_name else k.display_name end,
        first_name = case when k.first_name = '' then f.first_name else k.first_name end,
        last_name = case when k.last_name = '' then f.last_name else k.last_name end,
        language = coalesce(k.language, f.language),
        timezone = coalesce(k.timezone, f.timezone),
        tags = array(select distinct t from unnest(k.tags || f.tags) as t order by t),
        attributes = f.attributes || k.attributes,
        updated_at = now()
      from contacts f
      where k.id = ${intoId} and f.id = ${fromId}`);
    await tx.delete(contacts).where(and(eq(contacts.id, fromId), eq(contacts.workspaceId, workspaceId)));
    return true;
  });
}
