import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  campaigns,
  contactChannels,
  contacts,
  newId,
  queryRows,
  segmentMembers,
  segments,
} from '@omniflow/db';
import { startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';
import { loadCampaignContext, targetPage } from '../src/campaigns/campaign-targeting.ts';
import { sameDueForAll } from '../src/campaigns/recipients-in-database.ts';

const databases = [
  { db: 'pglite' as const, enabled: true },
  { db: 'postgres' as const, enabled: Boolean(inject('postgresUrl')) },
];

/**
 * A page of a simple campaign (one channel, one variant, no zones) is written by PostgreSQL
 * (recipients-in-database.ts); any other by campaign-targeting.ts in JavaScript. Both must choose
 * the same address and skip the same people for the same reasons.
 */
describe.each(databases)('recipients written inside the database on $db', ({ db: backend, enabled }) => {
  let omni: TestOmniflow;
  let workspaceId: string;
  let segmentId: string;
  const names = new Map<string, string>();

  beforeAll(async () => {
    if (!enabled) return;
    omni = await startTestOmniflow({ db: backend, worker: false });
    workspaceId = (await omni.handle.db.query.workspaces.findFirst())!.id;
    const db = omni.handle.db;
    segmentId = newId();
    await db.insert(segments).values({ id: segmentId, workspaceId, name: 'mix', kind: 'static' });
    const old = new Date('2026-01-01T00:00:00Z');
    const recent = new Date('2026-06-01T00:00:00Z');
    // Each person's SMS addresses: [address, consent, opted out], in the order their rows are made.
    const people: Record<string, [string, Date | null, Date | null][]> = {
      none: [],
      optedOut: [['+51900000001', old, recent]],
      noConsent: [['+51900000002', null, null]],
      // Not opted out wins over a newer consent.
      prefersNotOptedOut: [
        ['+51900000003', recent, recent],
        ['+51900000004', null, null],
      ],
      latestConsent: [
        ['+51900000005', old, null],
        ['+51900000006', recent, null],
      ],
      // The same consent: the older row.
      tie: [
        ['+51900000007', old, null],
        ['+51900000008', old, null],
      ],
      fine: [['+51900000009', recent, null]],
    };
    for (const [name, addresses] of Object.entries(people)) {
      const id = newId();
      names.set(id, name);
      await db.insert(contacts).values({ id, workspaceId, firstName: name, timezone: 'UTC' });
      for (const [address, consentAt, optedOutAt] of addresses)
        await db.insert(contactChannels).values({
          id: newId(),
          workspaceId,
          contactId: id,
          channel: 'sms',
          address,
          consentAt,
          optedOutAt,
        });
      // An email address never counts for an SMS campaign.
      await db.insert(contactChannels).values({
        id: newId(),
        workspaceId,
        contactId: id,
        channel: 'email',
        address: `${name.toLowerCase()}@example.test`,
        consentAt: recent,
      });
      await db.insert(segmentMembers).values({ segmentId, contactId: id });
    }
  }, 60_000);
  afterAll(async () => omni?.close());

  async function recipientsOf(channel: 'sms' | 'voice', marketing: boolean, zoned: boolean) {
    const id = newId();
    const hour = new Date().getUTCHours();
    const hh = (h: number) => `${String(h % 24).padStart(2, '0')}:00`;
    await omni.handle.db.insert(campaigns).values({
      id,
      workspaceId,
      name: id,
      kind: 'broadcast',
      status: 'running',
      segmentId,
      channels: [channel],
      marketing,
      variants: [{ key: 'A', share: 100, content: { text: 'Hola' } }],
      // Quiet hours far from now: nobody is deferred, but the page takes the per-person path.
      ...(zoned ? { quietHours: { from: hh(hour + 6), to: hh(hour + 7) } } : {}),
    });
    // Which path the page takes: in the database unless the person's zone matters.
    const context = (await loadCampaignContext(omni.handle.db, id))!;
    expect(sameDueForAll(context, () => 'due') === undefined).toBe(zoned);
    const now = new Date().toISOString();
    expect(await targetPage(omni.handle.db, { campaignId: id, limit: 100, now })).toMatchObject({ count: 7 });
    const rows = await queryRows<Record<string, unknown> & { contact_id: string; due_at: unknown }>(
      omni.handle.db,
      sql`select contact_id, variant, channel, address, status, skip_reason, due_at
        from campaign_recipients where campaign_id = ${id}::uuid order by contact_id`,
    );
    return rows.map(({ contact_id, due_at, ...rest }) => ({
      person: names.get(contact_id),
      ...rest,
      due: due_at === null ? null : new Date(String(due_at)).getTime() === Date.parse(now),
    }));
  }

  it.runIf(enabled)('chooses the same address and skip reason as the per-person path', async () => {
    for (const channel of ['sms', 'voice'] as const)
      for (const marketing of [true, false]) {
        const inDatabase = await recipientsOf(channel, marketing, false);
        expect(inDatabase).toEqual(await recipientsOf(channel, marketing, true));
        const by = Object.fromEntries(inDatabase.map((r) => [r.person, r]));
        expect(by.none).toMatchObject({
          status: 'skipped',
          skip_reason: 'no_address',
          address: null,
          due: null,
        });
        expect(by.optedOut).toMatchObject({
          status: 'skipped',
          skip_reason: 'opted_out',
          address: '+51900000001',
        });
        expect(by.prefersNotOptedOut!.address).toBe('+51900000004');
        expect(by.latestConsent).toMatchObject({ status: 'pending', address: '+51900000006', due: true });
        expect(by.tie!.address).toBe('+51900000007');
        expect(by.fine).toMatchObject({ status: 'pending', variant: 'A', channel, due: true });
        expect(by.noConsent).toMatchObject(
          marketing
            ? { status: 'skipped', skip_reason: 'no_consent', address: '+51900000002' }
            : { status: 'pending', skip_reason: null },
        );
      }
  });

  it.runIf(enabled)('writes a page again as nothing, and a page of no one as no row', async () => {
    const [campaign] = await omni.handle.db.select().from(campaigns).limit(1);
    const now = new Date().toISOString();
    const before = await queryRows<{ n: number }>(
      omni.handle.db,
      sql`select count(*)::int as n from campaign_recipients where campaign_id = ${campaign!.id}::uuid`,
    );
    await targetPage(omni.handle.db, { campaignId: campaign!.id, limit: 100, now });
    const after = await queryRows<{ n: number }>(
      omni.handle.db,
      sql`select count(*)::int as n from campaign_recipients where campaign_id = ${campaign!.id}::uuid`,
    );
    expect(after[0]!.n).toBe(before[0]!.n);
    const last = await queryRows<{ id: string }>(
      omni.handle.db,
      sql`select max(contact_id::text) as id from campaign_recipients where campaign_id = ${campaign!.id}::uuid`,
    );
    expect(
      await targetPage(omni.handle.db, { campaignId: campaign!.id, afterId: last[0]!.id, limit: 100, now }),
    ).toEqual({
      count: 0,
    });
  });
});
