import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import {
  callRecords,
  campaignRecipients,
  contactChannels,
  contacts,
  conversations,
  messages,
  recordings,
  runEvents,
  runSteps,
  runs,
  segmentMembers,
  type Db,
} from '@omniflow/db';
import type { RecordingStore } from '../recordings/recording-store.ts';
import { phoneForms } from './phone-forms.ts';

/**
 * A data-protection request: the person, their addresses and what they wrote or were sent go.
 * Message rows stay, with an empty body and no address, so every report still counts them
 * (campaign stats, quotas, deliverability); call records stay for the same reason, without the
 * person's number, and their recordings are deleted (audio first, as deleteRecording does). Runs
 * for them lose the address and the input that started them; conversations lose the address.
 * Answers false when the workspace has no such contact.
 */
export async function eraseContact(
  deps: { db: Db; store: RecordingStore },
  workspaceId: string,
  contactId: string,
  /**
   * `keepRow` (POST /contacts/{id}/erase): the contact stays as an anonymous row (no names,
   * fields, tags or addresses; `erased_at` set) and their messages stay linked to it, so counts
   * per contact hold; without it (DELETE /contacts/{id}) the row goes.
   */
  { keepRow = false }: { keepRow?: boolean } = {},
): Promise<{ messages: number; recordings: number } | false> {
  const { db, store } = deps;
  const [contact] = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, contactId)));
  if (!contact) return false;
  const addresses = await db
    .select({ channel: contactChannels.channel, address: contactChannels.address })
    .from(contactChannels)
    .where(eq(contactChannels.contactId, contactId));
  const phones = phoneForms(addresses);

  let removedRecordings = 0;
  if (phones.length > 0) {
    const calls = await db
      .select({ id: callRecords.id })
      .from(callRecords)
      .where(
        and(
          eq(callRecords.workspaceId, workspaceId),
          or(inArray(callRecords.fromNumber, phones), inArray(callRecords.toNumber, phones)),
        ),
      );
    const byNumber = or(inArray(recordings.fromNumber, phones), inArray(recordings.toNumber, phones))!;
    const owned = await db
      .select({ id: recordings.id, storageKey: recordings.storageKey })
      .from(recordings)
      .where(
        and(
          eq(recordings.workspaceId, workspaceId),
          calls.length > 0
            ? or(
                byNumber,
                inArray(
                  recordings.callRecordId,
                  calls.map((c) => c.id),
                ),
              )
            : byNumber,
        ),
      );
    // Outside the transaction: a store is not transactional. A failure here leaves the person
    // in place, so the request can be repeated; what was removed stays removed.
    for (const recording of owned) {
      await store.delete(recording.storageKey);
      await db.delete(recordings).where(eq(recordings.id, recording.id));
      removedRecordings++;
    }
  }

  const blanked = await db.transaction(async (tx) => {
    const theirs: SQL[] = [eq(messages.contactId, contactId)];
    for (const { channel, address } of addresses)
      theirs.push(and(eq(messages.channel, channel), eq(messages.contactAddress, address))!);
    const updated = await tx
      .update(messages)
      .set({ body: {}, contactAddress: '', contactId: keepRow ? contactId : null, updatedAt: new Date() })
      .where(
        and(
          eq(messages.workspaceId, workspaceId),
          or(...theirs),
          // Already emptied (an erasure asked twice) is not counted again.
          sql`(${messages.body} <> '{}'::jsonb or ${messages.contactAddress} <> '')`,
        ),
      )
      .returning({ id: messages.id });
    if (phones.length > 0) {
      await tx
        .update(callRecords)
        .set({
          fromNumber: sql`case when ${inArray(callRecords.fromNumber, phones)} then '' else ${callRecords.fromNumber} end`,
          toNumber: sql`case when ${inArray(callRecords.toNumber, phones)} then '' else ${callRecords.toNumber} end`,
        })
        .where(
          and(
            eq(callRecords.workspaceId, workspaceId),
            or(inArray(callRecords.fromNumber, phones), inArray(callRecords.toNumber, phones)),
          ),
        );
    }
    const lowered = addresses.map((a) => a.address.toLowerCase());
    if (lowered.length > 0) {
      // A run's input is what started it (the message they sent, the form they filled); its
      // steps and events hold their answers.
      const theirRuns = await tx
        .update(runs)
        .set({ contact: null, input: {}, output: null })
        .where(and(eq(runs.workspaceId, workspaceId), inArray(runs.contact, lowered)))
        .returning({ id: runs.id });
      const runIds = theirRuns.map((r) => r.id);
      if (runIds.length > 0) {
        await tx
          .update(runSteps)
          .set({ input: null, output: null, error: null })
          .where(inArray(runSteps.runId, runIds));
        await tx.update(runEvents).set({ data: null }).where(inArray(runEvents.runId, runIds));
      }
    }
    for (const { channel, address } of addresses)
      await tx
        .update(conversations)
        .set({ contactAddress: '' })
        .where(
          and(
            eq(conversations.workspaceId, workspaceId),
            eq(conversations.channel, channel),
            eq(conversations.contactAddress, address),
          ),
        );
    // A campaign keeps counting them (targeted, skipped, delivered…) but not where it wrote to;
    // the row outlives the contact (contact_id set null). Someone not yet sent to never will be.
    await tx
      .update(campaignRecipients)
      .set({
        address: null,
        status: sql`case when ${campaignRecipients.status} in ('pending', 'held') then 'skipped' else ${campaignRecipients.status} end`,
        skipReason: sql`case when ${campaignRecipients.status} in ('pending', 'held') then 'deleted' else ${campaignRecipients.skipReason} end`,
        updatedAt: new Date(),
      })
      .where(eq(campaignRecipients.contactId, contactId));
    if (keepRow) {
      await tx.delete(contactChannels).where(eq(contactChannels.contactId, contactId));
      await tx.delete(segmentMembers).where(eq(segmentMembers.contactId, contactId));
      await tx
        .update(contacts)
        .set({
          displayName: '',
          firstName: '',
          lastName: '',
          language: null,
          timezone: null,
          tags: [],
          attributes: {},
          erasedAt: sql`coalesce(${contacts.erasedAt}, now())`,
          updatedAt: new Date(),
        })
        .where(eq(contacts.id, contactId));
    } else {
      // Addresses and segment memberships go with the row (on delete cascade).
      await tx.delete(contacts).where(eq(contacts.id, contactId));
    }
    return updated.length;
  });
  return { messages: blanked, recordings: removedRecordings };
}

/** Runs for the contact's addresses that have not ended: erasing under them would break them. */
export async function runsInProgressFor(db: Db, workspaceId: string, contactId: string): Promise<string[]> {
  const addresses = await db
    .select({ address: contactChannels.address })
    .from(contactChannels)
    .where(eq(contactChannels.contactId, contactId));
  if (addresses.length === 0) return [];
  const open = await db
    .select({ id: runs.id })
    .from(runs)
    .where(
      and(
        eq(runs.workspaceId, workspaceId),
        inArray(
          runs.contact,
          addresses.map((a) => a.address.toLowerCase()),
        ),
        inArray(runs.status, ['running', 'waiting']),
      ),
    )
    .limit(20);
  return open.map((r) => r.id);
}
