import { and, desc, eq, exists, ilike, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { contactChannels, contacts, type Db } from '@omniflow/db';
import type { ContactChannel } from './contact-address.ts';
import { withAddresses } from './contact-view.ts';

export interface ContactFilter {
  q?: string;
  tag?: string;
  channel?: ContactChannel;
  consent?: boolean;
  optedOut?: boolean;
  cursor?: string;
  limit: number;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * A page of a workspace's contacts, newest first (uuid v7 ids sort by creation). Name search is a
 * substring of any name; address search is a substring of any of their addresses. The channel,
 * consent and opt-out filters speak of one address: "has an SMS address with consent".
 */
export async function searchContacts(db: Db, workspaceId: string, filter: ContactFilter) {
  const where: SQL[] = [eq(contacts.workspaceId, workspaceId)];
  if (filter.cursor) where.push(lt(contacts.id, filter.cursor));
  if (filter.tag) where.push(sql`${contacts.tags} @> array[${filter.tag}]::text[]`);
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q.trim())}%`;
    where.push(
      or(
        ilike(contacts.displayName, pattern),
        ilike(contacts.firstName, pattern),
        ilike(contacts.lastName, pattern),
        sql`(${contacts.firstName} || ' ' || ${contacts.lastName}) ilike ${pattern}`,
        exists(
          db
            .select({ one: sql`1` })
            .from(contactChannels)
            .where(and(eq(contactChannels.contactId, contacts.id), ilike(contactChannels.address, pattern))),
        ),
      )!,
    );
  }
  const addressConditions: SQL[] = [];
  if (filter.channel) addressConditions.push(eq(contactChannels.channel, filter.channel));
  if (filter.consent !== undefined)
    addressConditions.push(
      filter.consent ? isNotNull(contactChannels.consentAt) : isNull(contactChannels.consentAt),
    );
  if (filter.optedOut !== undefined)
    addressConditions.push(
      filter.optedOut ? isNotNull(contactChannels.optedOutAt) : isNull(contactChannels.optedOutAt),
    );
  if (addressConditions.length > 0)
    where.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(contactChannels)
          .where(and(eq(contactChannels.contactId, contacts.id), ...addressConditions)),
      ),
    );
  const rows = await db
    .select()
    .from(contacts)
    .where(and(...where))
    .orderBy(desc(contacts.id))
    .limit(filter.limit + 1);
  const page = rows.slice(0, filter.limit);
  return {
    items: await withAddresses(db, page),
    nextCursor: rows.length > filter.limit ? page.at(-1)!.id : null,
  };
}
