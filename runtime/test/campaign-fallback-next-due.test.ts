import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  campaignRecipients,
  campaigns,
  contactChannels,
  contacts,
  messages,
  newId,
  openDb,
  queryRows,
  workspaces,
  type DbHandle,
} from '@omniflow/db';
import { createCampaignControlActivities } from '../src/campaigns/campaign-activities.ts';
import { freshPostgresDatabase } from './support/postgres.ts';

const sentAt = new Date('2026-12-01T10:00:00.000Z');
const deadline = new Date(sentAt.getTime() + 60_000);
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The fallback deadline that passes while campaignRun's fallback round is running (the statement
 * looked a moment before it, the "what next" question comes a moment after): on a loaded machine
 * that round takes a second or more, and the campaign used to end there, the person never moved
 * to the next channel (campaign-fallback.test.ts then waited in vain for Tania's SMS).
 */
describe.skipIf(!inject('postgresUrl'))('the next fallback deadline after a slow round', () => {
  let handle: DbHandle;
  let drop: () => Promise<void>;
  let workspaceId: string;

  beforeAll(async () => {
    const fresh = await freshPostgresDatabase(inject('postgresUrl'));
    drop = fresh.drop;
    handle = await openDb({ databaseUrl: fresh.url });
    workspaceId = newId();
    await handle.db.insert(workspaces).values({ id: workspaceId, name: 'Clínica' });
  });
  afterAll(async () => {
    await handle?.close();
    await drop?.();
  });

  /** A WhatsApp send at `sentAt` with no receipt; `sms`: whether the person has a phone to fall back to. */
  async function sentOnWhatsApp(campaignId: string, phone: string, sms: boolean) {
    const { db } = handle;
    const contactId = newId();
    const messageId = newId();
    await db.insert(contacts).values({ id: contactId, workspaceId, firstName: phone });
    const base = { workspaceId, contactId, consentAt: sentAt, consentSource: 'imported' as const };
    await db.insert(contactChannels).values({ ...base, id: newId(), channel: 'whatsapp', address: phone });
    if (sms)
      await db.insert(contactChannels).values({ ...base, id: newId(), channel: 'sms', address: phone });
    await db.insert(messages).values({
      id: messageId,
      workspaceId,
      channel: 'whatsapp',
      direction: 'outbound',
      contactAddress: phone,
      contactId,
      campaignId,
      providerMessageId: `wamid.${messageId}`,
      body: { text: 'Hola' },
      status: 'sent',
      statusHistory: [{ status: 'queued', at: sentAt.toISOString() }],
    });
    await db.insert(campaignRecipients).values({
      campaignId,
      contactId,
      workspaceId,
      channel: 'whatsapp',
      address: phone,
      status: 'sent',
      messageId,
      dueAt: sentAt,
    });
  }

  async function campaign() {
    const id = newId();
    await handle.db.insert(campaigns).values({
      id,
      workspaceId,
      name: 'Recordatorio',
      kind: 'broadcast',
      status: 'running',
      channels: ['whatsapp', 'sms'],
      fallbackAfterMinutes: 1,
      variants: [{ key: 'A', share: 100, content: { text: 'Hola' } }],
    });
    return id;
  }

  const onChannel = (id: string) =>
    queryRows<{ channel: string; status: string }>(
      handle.db,
      sql`select channel, status from campaign_recipients where campaign_id = ${id}::uuid order by address`,
    );

  it('answers a deadline that passed during the round (look again now), and moves the person then', async () => {
    const id = await campaign();
    await sentOnWhatsApp(id, '+51911000003', true);
    const control = createCampaignControlActivities(handle.db, { fallbackPollMs: 300 });

    // The round begins half a second before the deadline: nobody to move, nothing due.
    const roundAt = iso(deadline.getTime() - 500);
    const ranges = await control.campaignDueRanges({
      campaignId: id,
      now: roundAt,
      chunkSize: 200,
      chunks: 4,
    });
    expect(ranges).toEqual([]);
    expect(await onChannel(id)).toEqual([{ channel: 'whatsapp', status: 'sent' }]);

    // Its answer comes back a second later, past the deadline: the deadline is what is next,
    // already due, so the workflow looks again at once instead of ending the campaign.
    const askedAt = iso(deadline.getTime() + 500);
    expect(await control.campaignNextDue(id, askedAt, roundAt)).toBe(deadline.toISOString());

    const again = await control.campaignDueRanges({
      campaignId: id,
      now: askedAt,
      chunkSize: 200,
      chunks: 4,
    });
    expect(again).toHaveLength(1);
    expect(again[0]).toMatchObject({ channel: 'sms' });
    expect(await onChannel(id)).toEqual([{ channel: 'sms', status: 'pending' }]);
  });

  it('does not keep answering a passed deadline of someone with nowhere to go (no endless look)', async () => {
    const id = await campaign();
    await sentOnWhatsApp(id, '+51911000009', false);
    const control = createCampaignControlActivities(handle.db, { fallbackPollMs: 300 });
    const roundAt = iso(deadline.getTime() - 500);
    const askedAt = iso(deadline.getTime() + 500);
    expect(
      await control.campaignDueRanges({ campaignId: id, now: roundAt, chunkSize: 200, chunks: 4 }),
    ).toEqual([]);
    expect(await control.campaignNextDue(id, askedAt, roundAt)).toBe(deadline.toISOString());
    // The look after the deadline finds no next channel: the person keeps their outcome, and
    // with the statement having run past the deadline there is nothing more to wait for.
    expect(
      await control.campaignDueRanges({ campaignId: id, now: askedAt, chunkSize: 200, chunks: 4 }),
    ).toEqual([]);
    expect(await control.campaignNextDue(id, askedAt, askedAt)).toBeNull();
    expect(await onChannel(id)).toEqual([{ channel: 'whatsapp', status: 'sent' }]);
  });

  it('still waits for a deadline ahead, polling for failure receipts meanwhile', async () => {
    const id = await campaign();
    await sentOnWhatsApp(id, '+51911000010', true);
    const control = createCampaignControlActivities(handle.db, { fallbackPollMs: 300 });
    const early = deadline.getTime() - 10_000;
    expect(await control.campaignNextDue(id, iso(early), iso(early))).toBe(iso(early + 300));
    expect(
      await control.campaignNextDue(id, iso(deadline.getTime() - 100), iso(deadline.getTime() - 100)),
    ).toBe(deadline.toISOString());
  });
});
