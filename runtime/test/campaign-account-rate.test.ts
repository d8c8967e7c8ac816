import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { campaigns, openDb, queryRows, type DbHandle } from '@omniflow/db';
import { SmppDriver } from '@omniflow/nodes/drivers/sms';
import { LoopbackSmsc } from '@omniflow/nodes/drivers/sms/testing';
// The app first: it extends zod for OpenAPI before any schema is built.
import { startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';
import { seedAudience } from './support/campaign-audience.ts';
import { createCampaignControlActivities } from '../src/campaigns/campaign-activities.ts';
import { sendCampaignChunk } from '../src/campaigns/campaign-sending.ts';
import { HandOverJournal } from '../src/campaigns/hand-over-journal.ts';
import { createMessagingService } from '../src/messaging/messaging-service.ts';
import { createSendSlots } from '../src/messaging/send-slots.ts';
import type { MessagingDriver, OutboundMessage, SendContext } from '@omniflow/nodes/drivers/messaging';
import {
  accountLimitOf,
  accountPacer,
  effectiveRate,
  giveBackSendSlots,
  reserveSendSlot,
} from '../src/campaigns/account-rate.ts';

const credentials = { systemId: 'omniflow', password: 'rate' };
const people = 24;
const limit = 4;

describe.skipIf(!inject('postgresUrl'))('a sending account’s limit, shared by every worker', () => {
  let smsc: LoopbackSmsc;
  let omni: TestOmniflow;
  let workspaceId: string;
  let segmentId: string;
  let journalDir: string;
  // Each "worker": a connection pool and an SMPP link of its own, as two processes have.
  const workers: { handle: DbHandle; driver: SmppDriver }[] = [];

  const smppSettings = (config: Record<string, unknown>) => ({
    provider: 'smpp',
    config: {
      ...smsc.address,
      systemId: credentials.systemId,
      sourceAddress: '+5110000000',
      ...config,
    },
    secrets: { password: credentials.password },
  });

  beforeAll(async () => {
    smsc = await LoopbackSmsc.start(credentials);
    omni = await startTestOmniflow({ db: 'postgres', worker: false });
    workspaceId = (await omni.handle.db.query.workspaces.findFirst())!.id;
    journalDir = await mkdtemp(join(tmpdir(), 'omniflow-rate-'));
    ({ segmentId } = await seedAudience(omni.handle.db, { workspaceId, count: people, channel: 'sms' }));
    for (let i = 0; i < 2; i++)
      workers.push({
        handle: await openDb({ databaseUrl: omni.databaseUrl!, migrate: false }),
        // The link itself does not pace (a high window): only the account's shared slots do.
        driver: new SmppDriver({
          ...smsc.address,
          ...credentials,
          sourceAddress: '+5110000000',
          messagesPerSecond: 10_000,
        }),
      });
  }, 60_000);
  afterAll(async () => {
    for (const w of workers) {
      await w.driver.close();
      await w.handle.close();
    }
    await omni?.close();
    await smsc?.stop();
    if (journalDir) await rm(journalDir, { recursive: true, force: true });
  });

  /** A running SMS campaign with its recipients written, and the contact id halfway through them. */
  async function targetedCampaign(extra: Record<string, unknown> = {}) {
    const created = await omni.call('POST', '/api/v1/campaigns', {
      name: 'Corte de agua',
      channel: 'sms',
      segmentId,
      content: { text: 'Aviso {{ contact.first_name }}' },
      ...extra,
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    await omni.handle.db.update(campaigns).set({ status: 'running' }).where(eq(campaigns.id, id));
    const now = new Date().toISOString();
    await createCampaignControlActivities(omni.handle.db).campaignTargetPage({
      campaignId: id,
      limit: 1000,
      now,
    });
    const ids = await queryRows<{ contact_id: string }>(
      omni.handle.db,
      sql`select contact_id from campaign_recipients where campaign_id = ${id}::uuid order by contact_id`,
    );
    return { id, now, middle: ids[Math.floor(ids.length / 2) - 1]!.contact_id };
  }

  /** Two chunks of one campaign at once, each on its own worker: each half of the people. */
  async function sendOnTwoWorkers(campaign: { id: string; now: string; middle: string }) {
    const chunk = { campaignId: campaign.id, now: campaign.now, limit: 1000, parallel: 2 };
    return Promise.all(
      workers.map((w, i) =>
        sendCampaignChunk(
          {
            db: w.handle.db,
            driverFor: async () => w.driver,
            journal: new HandOverJournal(join(journalDir, String(i))),
          },
          i === 0 ? { ...chunk, throughId: campaign.middle } : { ...chunk, afterId: campaign.middle },
        ),
      ),
    );
  }

  /** When each message of the campaign was handed over (its `sent` entry), in order, in ms. */
  async function sentTimes(campaignId: string) {
    const rows = await queryRows<{ at: string }>(
      omni.handle.db,
      sql`select e->>'at' as at from messages m, jsonb_array_elements(m.status_history) e
        where m.campaign_id = ${campaignId}::uuid and e->>'status' = 'sent'`,
    );
    return rows.map((r) => Date.parse(r.at)).sort((a, b) => a - b);
  }

  /** The most sends within any one second. */
  const busiestSecond = (times: number[]) =>
    Math.max(...times.map((t, i) => times.slice(i).filter((u) => u - t < 1000).length));

  it('refuses a limit no provider has, naming the field (422), and keeps the one saved', async () => {
    const saved = await omni.call('PUT', '/api/v1/channels/sms', smppSettings({ messagesPerSecond: limit }));
    expect(saved.status).toBe(200);
    for (const [value, words] of [
      [-5, 'at least 1'],
      [0, 'at least 1'],
      [2.5, 'whole number'],
      [50_000, 'at most 10,000'],
    ] as const) {
      const refused = await omni.call(
        'PUT',
        '/api/v1/channels/sms',
        smppSettings({ messagesPerSecond: value }),
      );
      expect(refused.status).toBe(422);
      expect(refused.body.error.code).toBe('CHANNEL_SETTINGS_INVALID');
      expect(refused.body.error.details.fields).toEqual([
        { field: 'config.messagesPerSecond', message: expect.stringContaining(words) },
      ]);
    }
    const mail = (messagesPerHour: unknown) =>
      omni.call('PUT', '/api/v1/channels/email', {
        provider: 'smtp',
        config: { host: 'smtp.example.test', port: 587, fromAddress: 'avisos@example.test', messagesPerHour },
      });
    for (const value of [-1, 5_000_000]) {
      const refused = await mail(value);
      expect(refused.status).toBe(422);
      expect(refused.body.error.details.fields[0].field).toBe('config.messagesPerHour');
    }
    // Not a number at all: the body's own check (400), naming the field too.
    const word = await mail('many');
    expect(word.status).toBe(400);
    expect(JSON.stringify(word.body.error.details)).toContain('messagesPerHour');
    const whatsapp = await omni.call('PUT', '/api/v1/channels/whatsapp', {
      provider: 'whatsapp-cloud',
      config: { phoneNumberId: '1234567890', messagesPerSecond: 80_000 },
      secrets: { accessToken: 't', appSecret: 's', verifyToken: 'v' },
    });
    expect(whatsapp.status).toBe(422);
    expect(whatsapp.body.error.details.fields[0].field).toBe('config.messagesPerSecond');
    // What was saved before the refusals is what counts.
    const list = await omni.call('GET', '/api/v1/channels');
    const sms = list.body.items.find((c: { channel: string }) => c.channel === 'sms');
    expect(sms.config.messagesPerSecond).toBe(limit);
  });

  it('gives concurrent reservations back-to-back spans, one statement each', async () => {
    const account = { key: `test:${Date.now()}`, perSecond: 10 };
    // Ten workers reserve 5 sends (half a second) each, at once, from two connection pools.
    const slots = await Promise.all(
      Array.from({ length: 10 }, (_, i) => reserveSendSlot(workers[i % 2]!.handle.db, account, 5)),
    );
    const starts = slots.map((s) => s.startsAt).sort((a, b) => a - b);
    for (let i = 1; i < starts.length; i++) {
      expect(starts[i]! - starts[i - 1]!).toBeGreaterThan(400);
      expect(starts[i]! - starts[i - 1]!).toBeLessThan(600);
    }
    expect(slots[0]!.spacingMs).toBe(100);
  });

  it('holds the account for as long as a slice slower than it really takes', async () => {
    const pace = (await accountPacer(workers[0]!.handle.db, workspaceId, 'sms'))!;
    // A campaign at 2 a second on the 4-a-second account: its 4 sends take 2 s, not 1 s.
    const slow = await pace(4, 2);
    expect(slow[1]! - slow[0]!).toBe(500);
    const next = await pace(2);
    expect(next[0]! - slow[0]!).toBeGreaterThan(1900);
    expect(next[1]! - next[0]!).toBe(1000 / limit);
    // No limit declared on a channel: no pacer at all, nothing to wait for.
    expect(await accountPacer(workers[0]!.handle.db, workspaceId, 'whatsapp')).toBeUndefined();
  });

  it('shows the account’s rate in the forecast when it is the lowest', async () => {
    const fast = await omni.call('POST', '/api/v1/campaigns', {
      name: 'Rápida',
      channel: 'sms',
      segmentId,
      ratePerSecond: 100,
      content: { text: 'Hola' },
    });
    const stats = (await omni.call('GET', `/api/v1/campaigns/${fast.body.id}/stats`)).body;
    expect(stats.forecast).toMatchObject({
      remaining: people,
      rate: limit,
      basis: 'limit',
      limitedBy: 'account',
    });
    const eta = Date.parse(stats.forecast.finishAt) - Date.now();
    expect(eta).toBeGreaterThan((people / limit) * 1000 - 2000);
    expect(eta).toBeLessThan((people / limit) * 1000 + 2000);
    const slow = await omni.call('POST', '/api/v1/campaigns', {
      name: 'Lenta',
      channel: 'sms',
      segmentId,
      ratePerSecond: 2,
      content: { text: 'Hola' },
    });
    expect((await omni.call('GET', `/api/v1/campaigns/${slow.body.id}/stats`)).body.forecast).toMatchObject({
      rate: 2,
      limitedBy: 'campaign',
    });
    // The installation's cap (OMNIFLOW_CAMPAIGN_SMS_RATE) when it is lower still.
    expect(
      await effectiveRate(
        omni.handle.db,
        { workspaceId, ratePerSecond: null, channels: ['sms'] },
        { OMNIFLOW_CAMPAIGN_SMS_RATE: '3' },
      ),
    ).toEqual({ rate: 3, limitedBy: 'installation' });
    // A journey's runs send one by one through flows (each send on the account's slots, but when
    // is the flow's business): only its own rate counts for the forecast.
    expect(
      await effectiveRate(omni.handle.db, {
        workspaceId,
        kind: 'journey',
        ratePerSecond: null,
        channels: ['sms'],
      }),
    ).toEqual({ rate: null, limitedBy: null });
  });

  it('two workers sending one campaign through the account stay within its limit together', async () => {
    const campaign = await targetedCampaign();
    const results = await sendOnTwoWorkers(campaign);
    expect(results.map((r) => r.sent)).toEqual([people / 2, people / 2]);
    const times = await sentTimes(campaign.id);
    expect(times).toHaveLength(people);
    // 24 sends at 4 a second: the last about 5.75 s after the first, never more than 4 in a second
    // (one more allowed for the answers' own jitter).
    expect(times.at(-1)! - times[0]!).toBeGreaterThan(((people - 1) / limit) * 1000 * 0.85);
    expect(busiestSecond(times)).toBeLessThanOrEqual(limit + 1);
  }, 60_000);

  it('gives back the end of a reservation only while nobody reserved after it', async () => {
    const account = { key: `test:give-back:${Date.now()}`, perSecond: 10 };
    const [a, b] = workers.map((w) => w.handle.db) as [DbHandle['db'], DbHandle['db']];
    // 8 sends (800 ms) reserved, 5 never sent: the next sender starts 300 ms in, not 800.
    const first = await reserveSendSlot(a, account, 8);
    expect(await giveBackSendSlots(a, account, first, 5)).toBe(true);
    const second = await reserveSendSlot(b, account, 2);
    expect(second.startsAt - first.startsAt).toBeGreaterThan(250);
    expect(second.startsAt - first.startsAt).toBeLessThan(400);
    // `second` is the account's last reservation now: `first` giving back again would move the
    // instant under it (a third sender would overlap it), so nothing moves.
    expect(await giveBackSendSlots(a, account, first, 1)).toBe(false);
    const third = await reserveSendSlot(a, account, 1);
    expect(third.startsAt - second.startsAt).toBeGreaterThan(150);
    // Nothing, or less than nothing, to give back.
    expect(await giveBackSendSlots(b, account, third, 0)).toBe(false);
  });

  it('returns to the account what a chunk stopped by an outage reserved and never sent', async () => {
    const campaign = await targetedCampaign();
    let sends = 0;
    // The SMSC answers three sends, then the link is gone (a retryable outage).
    const failing = {
      channel: 'sms',
      send: async (message: OutboundMessage, context?: SendContext) => {
        if (++sends > 3) throw Object.assign(new Error('SMSC link lost'), { retryable: true });
        return workers[0]!.driver.send(message, context);
      },
    } as unknown as MessagingDriver;
    await expect(
      sendCampaignChunk(
        {
          db: workers[0]!.handle.db,
          driverFor: async () => failing,
          journal: new HandOverJournal(join(journalDir, 'outage')),
        },
        { campaignId: campaign.id, now: campaign.now, limit: 1000 },
      ),
    ).rejects.toThrow('SMSC link lost');
    // Another worker's send right after is not held behind the 20 sends that never went (5 s at
    // 4 a second), nor behind the part reserved ahead (a second).
    const account = (await accountLimitOf(workers[1]!.handle.db, workspaceId, 'sms'))!;
    const next = await reserveSendSlot(workers[1]!.handle.db, account, 1);
    expect(next.startsAt - Date.now()).toBeLessThan(500);
  }, 30_000);

  it('reserves the account a second at a time, so another sender waits about a second, not the whole slice', async () => {
    const campaign = await targetedCampaign();
    const chunk = sendCampaignChunk(
      {
        db: workers[0]!.handle.db,
        driverFor: async () => workers[0]!.driver,
        journal: new HandOverJournal(join(journalDir, 'ahead')),
      },
      { campaignId: campaign.id, now: campaign.now, limit: 1000 },
    );
    // Half a second in: the chunk's 24 sends take 6 s at 4 a second, but it holds only its parts.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const account = (await accountLimitOf(workers[1]!.handle.db, workspaceId, 'sms'))!;
    const other = await reserveSendSlot(workers[1]!.handle.db, account, 1);
    expect(other.startsAt - Date.now()).toBeLessThan(2_000);
    expect((await chunk).sent).toBe(people);
    // The two senders together still never beat the account's limit.
    const times = [...(await sentTimes(campaign.id)), other.startsAt].sort((x, y) => x - y);
    expect(busiestSecond(times)).toBeLessThanOrEqual(limit + 1);
    expect(times.at(-1)! - times[0]!).toBeGreaterThan((people / limit) * 1000 * 0.85);
  }, 30_000);

  it('holds flow and API sends to the account’s slots too: with a campaign, within its limit together', async () => {
    const campaign = await targetedCampaign();
    // The other worker's messaging service: what a flow's send node and the send API go through.
    const messaging = createMessagingService({
      db: workers[1]!.handle.db,
      drivers: {},
      resolve: async () => workers[1]!.driver,
    });
    const key = (i: number) => `app:${campaign.id}:${i}`;
    const chunk = sendCampaignChunk(
      {
        db: workers[0]!.handle.db,
        driverFor: async () => workers[0]!.driver,
        journal: new HandOverJournal(join(journalDir, 'mixed')),
      },
      { campaignId: campaign.id, now: campaign.now, limit: 1000 },
    );
    const applicationSends = Array.from({ length: 8 }, (_, i) =>
      messaging
        .forApplication({ workspaceId, idempotencyKey: key(i) })
        .send('sms', { to: `+5199900000${i}`, text: 'Su código es 1234' }),
    );
    const [result] = await Promise.all([chunk, ...applicationSends]);
    expect(result.sent).toBe(people);
    const rows = await queryRows<{ at: string }>(
      omni.handle.db,
      sql`select e->>'at' as at from messages m, jsonb_array_elements(m.status_history) e
        where m.idempotency_key like ${`app:${campaign.id}:%`} and e->>'status' = 'sent'`,
    );
    expect(rows).toHaveLength(8);
    const times = [...(await sentTimes(campaign.id)), ...rows.map((r) => Date.parse(r.at))].sort(
      (a, b) => a - b,
    );
    // 32 sends at 4 a second, from two processes and two paths: about 7.75 s, never more than 4 in
    // a second (one more for the answers' jitter).
    expect(busiestSecond(times)).toBeLessThanOrEqual(limit + 1);
    expect(times.at(-1)! - times[0]!).toBeGreaterThan(((times.length - 1) / limit) * 1000 * 0.85);
  }, 60_000);

  it('gives one-at-a-time sends waiting together back-to-back slots, and no wait where no limit is declared', async () => {
    const slots = createSendSlots(workers[1]!.handle.db);
    const began = Date.now();
    const done: number[] = [];
    await Promise.all(
      Array.from({ length: 6 }, () => slots.take(workspaceId, 'sms').then(() => done.push(Date.now()))),
    );
    done.sort((a, b) => a - b);
    for (let i = 1; i < done.length; i++) expect(done[i]! - done[i - 1]!).toBeGreaterThan(150);
    expect(done.at(-1)! - began).toBeGreaterThan(1000);
    // WhatsApp declares no limit here, and an unknown workspace has no settings at all: at once.
    const at = Date.now();
    await slots.take(workspaceId, 'whatsapp');
    await slots.take('00000000-0000-4000-8000-000000000000', 'sms');
    expect(Date.now() - at).toBeLessThan(200);
  }, 30_000);

  it('leaves a campaign whose account declares no limit at full speed', async () => {
    expect((await omni.call('DELETE', '/api/v1/channels/sms')).status).toBe(204);
    const before = smsc.messages().length;
    const campaign = await targetedCampaign();
    const results = await sendOnTwoWorkers(campaign);
    expect(results.map((r) => r.sent)).toEqual([people / 2, people / 2]);
    const times = await sentTimes(campaign.id);
    expect(times).toHaveLength(people);
    expect(times.at(-1)! - times[0]!).toBeLessThan(2000);
    expect(smsc.messages()).toHaveLength(before + people);
  }, 60_000);
});
