import { and, asc, eq, inArray, or, type SQL } from 'drizzle-orm';
import {
  callRecords,
  campaignRecipients,
  campaigns,
  contactChannels,
  contacts,
  conversations,
  emailEvents,
  messages,
  recordings,
  runEvents,
  runSteps,
  runs,
  segmentMembers,
  segments,
  type Db,
} from '@omniflow/db';
import { phoneForms } from './phone-forms.ts';

/**
 * Everything the workspace holds about one contact, found the way the product links it: by the
 * contact id where a row has one, else by the contact's addresses (messages and conversations by
 * channel and address, runs by the address they were started for, calls and recordings by phone
 * number in either direction). Undefined when the workspace has no such contact.
 */
export async function contactRecords(db: Db, workspaceId: string, contactId: string) {
  const [contact] = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, contactId)));
  if (!contact) return undefined;
  const addresses = await db
    .select()
    .from(contactChannels)
    .where(eq(contactChannels.contactId, contactId))
    .orderBy(asc(contactChannels.channel), asc(contactChannels.address));
  const phones = phoneForms(addresses);
  const lowered = addresses.map((a) => a.address.toLowerCase());

  const theirs: SQL[] = [eq(messages.contactId, contactId)];
  for (const { channel, address } of addresses)
    theirs.push(and(eq(messages.channel, channel), eq(messages.contactAddress, address))!);
  const messageRows = await db
    .select()
    .from(messages)
    .where(and(eq(messages.workspaceId, workspaceId), or(...theirs)))
    .orderBy(asc(messages.createdAt), asc(messages.id));
  const messageIds = messageRows.map((m) => m.id);
  const emailEventRows =
    messageIds.length === 0
      ? []
      : await db
          .select()
          .from(emailEvents)
          .where(inArray(emailEvents.messageId, messageIds))
          .orderBy(asc(emailEvents.at));

  const conversationRows =
    addresses.length === 0
      ? []
      : await db
          .select()
          .from(conversations)
          .where(
            and(
              eq(conversations.workspaceId, workspaceId),
              or(
                ...addresses.map((a) =>
                  and(eq(conversations.channel, a.channel), eq(conversations.contactAddress, a.address))!,
                ),
              ),
            ),
          )
          .orderBy(asc(conversations.createdAt));

  const runRows =
    lowered.length === 0
      ? []
      : await db
          .select()
          .from(runs)
          .where(and(eq(runs.workspaceId, workspaceId), inArray(runs.contact, lowered)))
          .orderBy(asc(runs.id));
  const runIds = runRows.map((r) => r.id);
  const stepRows =
    runIds.length === 0
      ? []
      : await db
          .select()
          .from(runSteps)
          .where(inArray(runSteps.runId, runIds))
          .orderBy(asc(runSteps.runId), asc(runSteps.seq));
  const eventRows =
    runIds.length === 0
      ? []
      : await db
          .select()
          .from(runEvents)
          .where(inArray(runEvents.runId, runIds))
          .orderBy(asc(runEvents.runId), asc(runEvents.seq));

  const callRows =
    phones.length === 0
      ? []
      : await db
          .select()
          .from(callRecords)
          .where(
            and(
              eq(callRecords.workspaceId, workspaceId),
              or(inArray(callRecords.fromNumber, phones), inArray(callRecords.toNumber, phones)),
            ),
          )
          .orderBy(asc(callRecords.startedAt));
  const callIds = callRows.map((c) => c.id);
  const recordingMatch = [
    ...(phones.length > 0
      ? [inArray(recordings.fromNumber, phones), inArray(recordings.toNumber, phones)]
      : []),
    ...(callIds.length > 0 ? [inArray(recordings.callRecordId, callIds)] : []),
  ];
  const recordingRows =
    recordingMatch.length === 0
      ? []
      : await db
          .select()
          .from(recordings)
          .where(and(eq(recordings.workspaceId, workspaceId), or(...recordingMatch)))
          .orderBy(asc(recordings.createdAt));

  const campaignRows = await db
    .select({ campaignName: campaigns.name, recipient: campaignRecipients })
    .from(campaignRecipients)
    .innerJoin(campaigns, eq(campaigns.id, campaignRecipients.campaignId))
    .where(eq(campaignRecipients.contactId, contactId));
  const segmentRows = await db
    .select({ id: segments.id, name: segments.name })
    .from(segmentMembers)
    .innerJoin(segments, eq(segments.id, segmentMembers.segmentId))
    .where(eq(segmentMembers.contactId, contactId));

  return {
    contact,
    addresses,
    messages: messageRows,
    emailEvents: emailEventRows,
    conversations: conversationRows,
    runs: runRows,
    runSteps: stepRows,
    runEvents: eventRows,
    calls: callRows,
    recordings: recordingRows,
    campaigns: campaignRows,
    segments: segmentRows,
  };
}

export type ContactRecords = NonNullable<Awaited<ReturnType<typeof contactRecords>>>;
