import { and, asc, eq, inArray } from 'drizzle-orm';
import { contactChannels, contacts, type Db } from '@omniflow/db';

type ContactRow = typeof contacts.$inferSelect;
type AddressRow = typeof contactChannels.$inferSelect;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function addressView(row: AddressRow) {
  return {
    id: row.id,
    channel: row.channel,
    address: row.address,
    consent: row.consentAt
      ? { at: row.consentAt.toISOString(), source: row.consentSource ?? 'manual' }
      : null,
    optedOut: row.optedOutAt
      ? { at: row.optedOutAt.toISOString(), source: row.optOutSource, keyword: row.optOutKeyword }
      : null,
    lastInboundAt: iso(row.lastInboundAt),
  };
}

export function contactView(row: ContactRow, addresses: AddressRow[]) {
  return {
    id: row.id,
    displayName: row.displayName,
    firstName: row.firstName,
    lastName: row.lastName,
    language: row.language,
    timezone: row.timezone,
    tags: row.tags,
    attributes: row.attributes,
    addresses: addresses.map(addressView),
    erasedAt: iso(row.erasedAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export type ContactView = ReturnType<typeof contactView>;

/** Contacts with their addresses, in the order of `rows`: one query for all the addresses. */
export async function withAddresses(db: Db, rows: ContactRow[]): Promise<ContactView[]> {
  if (rows.length === 0) return [];
  const addresses = await db
    .select()
    .from(contactChannels)
    .where(
      inArray(
        contactChannels.contactId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(contactChannels.channel), asc(contactChannels.id));
  return rows.map((row) =>
    contactView(
      row,
      addresses.filter((a) => a.contactId === row.id),
    ),
  );
}

export async function loadContact(db: Db, workspaceId: string, id: string): Promise<ContactView | undefined> {
  const [row] = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, id)));
  if (!row) return undefined;
  return (await withAddresses(db, [row]))[0];
}
