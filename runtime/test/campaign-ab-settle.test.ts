import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  campaignRecipients,
  campaigns,
  contacts,
  messages,
  newId,
  openDb,
  queryRows,
  workspaces,
  type DbHandle,
} from '@omniflow/db';
import { settleAbTest, type AbMetric } from '../src/campaigns/campaign-ab.ts';
import { createCampaignControlActivities } from '../src/campaigns/campaign-activities.ts';
import { freshPostgresDatabase } from './support/postgres.ts';

const sentAt = new Date('2026-12-01T10:00:00Z');
const testEnd = new Date('2026-12-01T11:00:00Z');

interface Person {
  variant: 'A' | 'B' | null;
  /** Message status, for the test's people; a held person has none. */
  status?: 'sent' | 'delivered' | 'undelivered';
  replied?: 'after' | 'before';
  /** A test person not sent yet (a later local time, quiet hours), due then. */
  pendingUntil?: Date;
}

/**
 * settleAbTest on PostgreSQL: the winner from the rates the metric's SQL gives, the held people
 * released to it in one statement, and nothing done before the test ends or twice.
 */
describe.skipIf(!inject('postgresUrl'))('settling a campaign A/B test', () => {
  let handle: DbHandle;
  let drop: () => Promise<void>;
  let workspaceId: string;

  beforeAll(async () => {
    const fresh = await freshPostgresDatabase(inject('postgresUrl'));
    drop = fresh.drop;
    handle = await openDb({ databaseUrl: fresh.url });
    workspaceId = newId();
    await handle.db.insert(workspaces).values({ id: workspaceId, name: 'Tienda' });
  });
  afterAll(async () => {
    await handle?.close();
    await drop?.();
  });

  async function campaignWith(metric: AbMetric, people: Person[]) {
    const { db } = handle;
    const id = newId();
    await db.insert(campaigns).values({
      id,
      workspaceId,
      name: `A/B ${metric}`,
      kind: 'broadcast',
      status: 'running',
      channels: ['sms'],
      variants: [
        { key: 'A', share: 50, content: { text: 'Corto' } },
        { key: 'B', share: 50, content: { text: 'Largo' } },
      ],
      abMetric: metric,
      abTestMinutes: 60,
      abTestShare: 50,
    });
    for (const [n, person] of people.entries()) {
      const contactId = newId();
      const phone = `+5190${id.slice(-4)}${String(n).padStart(4, '0')}`;
      await db.insert(contacts).values({ id: contactId, workspaceId, firstName: `P${n}` });
      let messageId: string | null = null;
      if (person.status) {
        messageId = newId();
        await db.insert(messages).values({
          id: messageId,
          workspaceId,
          channel: 'sms',
          direction: 'outbound',
          contactAddress: phone,
          contactId,
          campaignId: id,
          providerMessageId: `smsc-${messageId}`,
          body: { text: person.variant },
          status: person.status,
          createdAt: sentAt,
        });
      }
      if (person.replied)
        await db.insert(messages).values({
          id: newId(),
          workspaceId,
          channel: 'sms',
          direction: 'inbound',
          contactAddress: phone,
          body: { text: 'Sí' },
          status: 'received',
          createdAt: new Date(sentAt.getTime() + (person.replied === 'after' ? 60_000 : -60_000)),
        });
      await db.insert(campaignRecipients).values({
        campaignId: id,
        contactId,
        workspaceId,
        variant: person.variant,
        channel: 'sms',
        address: phone,
        status: person.status ? 'sent' : person.pendingUntil ? 'pending' : 'held',
        messageId,
        dueAt: person.pendingUntil ?? (person.status ? sentAt : testEnd),
      });
    }
    return id;
  }

  const recipients = (id: string) =>
    queryRows<{ status: string; variant: string | null; n: string }>(
      handle.db,
      sql`select status, variant, count(*) as n from campaign_recipients where campaign_id = ${id}::uuid
        group by status, variant order by status, variant`,
    );

  it('waits for the test to end, then picks by replies after the send and releases the held to the winner', async () => {
    const id = await campaignWith('reply', [
      // A: one reply, but written before the message went: it does not count.
      { variant: 'A', status: 'delivered', replied: 'before' },
      { variant: 'A', status: 'delivered' },
      { variant: 'A', status: 'delivered' },
      { variant: 'B', status: 'delivered', replied: 'after' },
      { variant: 'B', status: 'sent', replied: 'after' },
      { variant: 'B', status: 'delivered' },
      { variant: null },
      { variant: null },
      { variant: null },
      { variant: null },
    ]);
    const control = createCampaignControlActivities(handle.db);
    // The workflow sleeps until the held people are due: the test's end.
    expect(await control.campaignNextDue(id)).toBe(testEnd.toISOString());
    expect(await settleAbTest(handle.db, id, new Date(testEnd.getTime() - 1000).toISOString())).toBeNull();
    expect((await recipients(id)).find((r) => r.status === 'held')?.n).toBe('4');

    const ranges = await control.campaignDueRanges({
      campaignId: id,
      now: testEnd.toISOString(),
      chunkSize: 200,
      chunks: 4,
    });
    expect(ranges).toHaveLength(1);
    const [row] = await handle.db.select().from(campaigns).where(eq(campaigns.id, id));
    expect(row!.abWinner).toBe('B');
    expect(row!.variants.map((v) => [v.key, v.testResult])).toEqual([
      ['A', { sent: 3, hits: 0, rate: 0 }],
      ['B', { sent: 3, hits: 2, rate: 2 / 3 }],
    ]);
    expect(await recipients(id)).toEqual([
      { status: 'pending', variant: 'B', n: '4' },
      { status: 'sent', variant: 'A', n: '3' },
      { status: 'sent', variant: 'B', n: '3' },
    ]);
    // Settled once: a retried activity keeps the decision and finds no one held.
    await handle.db
      .update(campaigns)
      .set({ variants: row!.variants.slice().reverse() })
      .where(eq(campaigns.id, id));
    expect(await settleAbTest(handle.db, id, testEnd.toISOString())).toBe('B');
  });

  it('ends the test a test period after its last send, when a test person went later', async () => {
    const later = new Date(sentAt.getTime() + 30 * 60_000);
    const id = await campaignWith('delivery', [
      { variant: 'A', status: 'delivered' },
      { variant: 'B', pendingUntil: later },
      { variant: null },
    ]);
    const control = createCampaignControlActivities(handle.db);
    expect(await control.campaignNextDue(id)).toBe(later.toISOString());
    // B's person is sent at 10:30 (as the send chunk would mark it).
    await handle.db.execute(
      sql`update campaign_recipients set status = 'sent' where campaign_id = ${id}::uuid and status = 'pending'`,
    );
    const end = new Date(later.getTime() + 60 * 60_000);
    expect(await control.campaignNextDue(id)).toBe(end.toISOString());
    expect(await settleAbTest(handle.db, id, testEnd.toISOString())).toBeNull();
    expect(await settleAbTest(handle.db, id, end.toISOString())).toBe('A');
    // Released: the rest are due now, and nothing waits past them.
    expect(await control.campaignNextDue(id)).toBe(testEnd.toISOString());
  });

  it('picks by delivery: delivered of those sent', async () => {
    const id = await campaignWith('delivery', [
      { variant: 'A', status: 'delivered' },
      { variant: 'A', status: 'delivered' },
      { variant: 'A', status: 'undelivered' },
      { variant: 'B', status: 'delivered' },
      { variant: 'B', status: 'undelivered' },
      { variant: 'B', status: 'sent' },
      { variant: null },
    ]);
    expect(await settleAbTest(handle.db, id, testEnd.toISOString())).toBe('A');
  });

  it('gives a tie (no replies on either) to the first variant', async () => {
    const id = await campaignWith('reply', [
      { variant: 'A', status: 'delivered' },
      { variant: 'B', status: 'delivered' },
      { variant: null },
    ]);
    expect(await settleAbTest(handle.db, id, testEnd.toISOString())).toBe('A');
    const [row] = await handle.db.select().from(campaigns).where(eq(campaigns.id, id));
    expect(row!.variants.map((v) => v.testResult?.rate)).toEqual([0, 0]);
  });

  it('does nothing for a campaign without a test', async () => {
    const id = newId();
    await handle.db.insert(campaigns).values({
      id,
      workspaceId,
      name: 'Sin prueba',
      kind: 'broadcast',
      status: 'running',
      channels: ['sms'],
      variants: [{ key: 'A', share: 100, content: { text: 'Hola' } }],
    });
    expect(await settleAbTest(handle.db, id, testEnd.toISOString())).toBeNull();
  });
});
