import { and, eq } from 'drizzle-orm';
import { contactChannels, contacts, runs, type Db } from '@omniflow/db';

/**
 * What `{{ contact.… }}` reads: the contact's own fields (first_name, last_name, any attribute),
 * `name`, `id`, and one address per channel (`email`, `phone` for SMS, `whatsapp`…); undefined
 * when the workspace has no such contact.
 */
export async function contactVariables(
  db: Db,
  workspaceId: string,
  contactId: string,
): Promise<Record<string, unknown> | undefined> {
  const [contact] = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, contactId)));
  if (!contact) return undefined;
  const addresses = await db
    .select({ channel: contactChannels.channel, address: contactChannels.address })
    .from(contactChannels)
    .where(and(eq(contactChannels.workspaceId, workspaceId), eq(contactChannels.contactId, contactId)));
  const byChannel: Record<string, string> = {};
  for (const { channel, address } of addresses) byChannel[channel === 'sms' ? 'phone' : channel] ??= address;
  const attributes = contact.attributes;
  const first = typeof attributes.first_name === 'string' ? attributes.first_name : '';
  const last = typeof attributes.last_name === 'string' ? attributes.last_name : '';
  return {
    ...byChannel,
    ...attributes,
    id: contact.id,
    name: contact.displayName || [first, last].filter(Boolean).join(' '),
  };
}

/** The contact a run is about (its `contact` address, as the run list shows it), if known. */
export async function runContactId(db: Db, workspaceId: string, runId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ contactId: contactChannels.contactId })
    .from(runs)
    .innerJoin(
      contactChannels,
      and(eq(contactChannels.workspaceId, runs.workspaceId), eq(contactChannels.address, runs.contact)),
    )
    .where(and(eq(runs.workspaceId, workspaceId), eq(runs.id, runId)))
    .limit(1);
  return row?.contactId;
}
