import { and, eq, sql } from 'drizzle-orm';
import { contactChannels, contacts, newId, type Db, type messagingChannels } from '@omniflow/db';
import { workspaceOfRun } from './workspace-of-run.ts';
import type { NodeContacts } from '@omniflow/nodes/sdk';

/** The contact behind an address on a channel, created on first use. */
export async function contactForAddress(
  db: Db,
  workspaceId: string,
  channel: (typeof messagingChannels)[number],
  address: string,
): Promise<string> {
  const where = and(
    eq(contactChannels.workspaceId, workspaceId),
    eq(contactChannels.channel, channel),
    eq(contactChannels.address, address),
  );
  const [existing] = await db
    .select({ contactId: contactChannels.contactId })
    .from(contactChannels)
    .where(where);
  if (existing) return existing.contactId;
  const contactId = newId();
  await db.insert(contacts).values({ id: contactId, workspaceId });
  await db
    .insert(contactChannels)
    .values({ id: newId(), workspaceId, contactId, channel: channel, address })
    .onConflictDoNothing();
  // Someone else may have created the address first: theirs wins, ours is dropped.
  const [row] = await db.select({ contactId: contactChannels.contactId }).from(contactChannels).where(where);
  if (row!.contactId !== contactId) await db.delete(contacts).where(eq(contacts.id, contactId));
  return row!.contactId;
}

/** Contacts as nodes see them: the person behind an address on a channel, created on first use. */
export function createContactsService(db: Db) {
  const contactFor = (workspaceId: string, channel: (typeof messagingChannels)[number], address: string) =>
    contactForAddress(db, workspaceId, channel, address);

  function forRun(runId: string): NodeContacts {
    return {
      async update(channel, address, attributes) {
        const workspaceId = await workspaceOfRun(db, runId);
        const contactId = await contactFor(workspaceId, channel, address);
        const [saved] = await db
          .update(contacts)
          .set({
            attributes: sql`${contacts.attributes} || ${JSON.stringify(attributes)}::jsonb`,
            updatedAt: new Date(),
          })
          .where(eq(contacts.id, contactId))
          .returning({ attributes: contacts.attributes });
        return { contactId, attributes: saved!.attributes };
      },
    };
  }

  return { forRun };
}

export type ContactsService = ReturnType<typeof createContactsService>;
