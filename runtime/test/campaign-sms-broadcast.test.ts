import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { queryRows } from '@omniflow/db';
import { LoopbackSmsc } from '@omniflow/nodes/drivers/sms/testing';
import { campaignStateQuery } from '../src/temporal/campaign-workflows.ts';
import { addressOf, seedAudience } from './support/campaign-audience.ts';
import { eventually, startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

const credentials = { systemId: 'omniflow', password: 'campaign' };
const people = 10_000;
// Contact n with n % 500 == 1 opted out (20), n % 1000 == 2 has no phone (10).
const optOutEvery = 500;
const noAddressEvery = 1000;

describe.skipIf(!inject('postgresUrl'))('an SMS broadcast to 10,000 people through a loopback SMSC', () => {
  let smsc: LoopbackSmsc;
  let omni: TestOmniflow;
  let campaignId: string;

  beforeAll(async () => {
    smsc = await LoopbackSmsc.start(credentials);
    omni = await startTestOmniflow({ db: 'postgres' });
    const saved = await omni.call('PUT', '/api/v1/channels/sms', {
      provider: 'smpp',
      config: {
        ...smsc.address,
        systemId: credentials.systemId,
        sourceAddress: '+5110000000',
        windowSize: 50,
        messagesPerSecond: 10_000,
      },
      secrets: { password: credentials.password },
    });
    expect(saved.status).toBe(200);
    await eventually(async () => (smsc.boundSessions >= 1 ? true : undefined));
  }, 60_000);
  afterAll(async () => {
    await omni?.close();
    await smsc?.stop();
  });

  const stats = async () => (await omni.call('GET', `/api/v1/campaigns/${campaignId}/stats`)).body;

  it('sends one message per reachable person, pauses and resumes, and counts receipts exactly', async () => {
    const workspace = await omni.handle.db.query.workspaces.findFirst();
    const { segmentId } = await seedAudience(omni.handle.db, {
      workspaceId: workspace!.id,
      count: people,
      channel: 'sms',
      optOutEvery,
      noAddressEvery,
    });
    const created = await omni.call('POST', '/api/v1/campaigns', {
      name: 'Aviso de vacunación',
      channel: 'sms',
      segmentId,
      content: { text: 'Hola {{ contact.first_name }}, su cita es mañana.' },
    });
    expect(created.status).toBe(201);
    campaignId = created.body.id;
    const draftStats = await stats();
    expect(draftStats.forecast.remaining).toBe(people);

    expect((await omni.call('POST', `/api/v1/campaigns/${campaignId}/pause`)).status).toBe(409);
    const started = await omni.call('POST', `/api/v1/campaigns/${campaignId}/start`);
    expect(started.status).toBe(200);
    expect(started.body.status).toBe('running');
    expect((await omni.call('POST', `/api/v1/campaigns/${campaignId}/start`)).status).toBe(409);

    // Pause mid-way: the chunk in flight finishes, then nothing more goes until resume.
    await eventually(async () => ((await stats()).sent >= 2000 ? true : undefined), 60_000);
    expect((await omni.call('POST', `/api/v1/campaigns/${campaignId}/pause`)).body.status).toBe('paused');
    const handle = omni.temporal.workflow.getHandle(`campaign-${campaignId}`);
    await eventually(async () => {
      const state = await handle.query(campaignStateQuery);
      const described = await handle.describe();
      return state.paused && (described.raw.pendingActivities?.length ?? 0) === 0 ? true : undefined;
    }, 30_000);
    // The stats read the rows the last sends wrote, a moment behind the SMSC on a loaded box; once
    // they agree, nothing more reaches the SMSC while paused.
    const whilePaused = await eventually(async () => {
      const sent = (await stats()).sent;
      return sent === smsc.messages().length ? sent : undefined;
    }, 30_000);
    expect(whilePaused).toBeLessThan(people - 30);
    expect((await omni.call('POST', `/api/v1/campaigns/${campaignId}/resume`)).body.status).toBe('running');

    await eventually(async () => {
      const row = await omni.call('GET', `/api/v1/campaigns/${campaignId}`);
      return row.body.status === 'completed' ? true : undefined;
    }, 120_000);

    const reachable = people - people / optOutEvery - people / noAddressEvery;
    const received = smsc.messages();
    expect(received.length).toBe(reachable);
    expect(new Set(received.map((m) => m.destination)).size).toBe(reachable);
    expect(received[0]!.text).toMatch(/^Hola Ana\d+, su cita es mañana\.$/);

    // Receipts: 7 % undelivered, every 50th none at all (pending), the rest delivered.
    let delivered = 0;
    let undelivered = 0;
    let pending = 0;
    const receipts: Promise<unknown>[] = [];
    received.forEach((message, i) => {
      const part = message.parts[0]!;
      if (i % 50 === 49) return void pending++;
      if (i % 100 < 7) {
        undelivered++;
        receipts.push(smsc.sendReceipt(part.messageId, 'UNDELIV', { err: '034' }));
      } else {
        delivered++;
        receipts.push(smsc.sendReceipt(part.messageId, 'DELIVRD'));
      }
    });
    await Promise.all(receipts);
    const final = await eventually(async () => {
      const s = await stats();
      return s.delivered === delivered && s.undelivered === undelivered ? s : undefined;
    }, 90_000);
    expect(final).toMatchObject({
      targeted: people,
      skipped: people / optOutEvery + people / noAddressEvery,
      skippedByReason: { opted_out: people / optOutEvery, no_address: people / noAddressEvery },
      queued: 0,
      sent: reachable,
      delivered,
      undelivered,
      pending,
      failed: 0,
    });
    expect(Object.values(final.undeliveredByCode as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(
      undelivered,
    );
    expect(final.series.reduce((sum: number, m: { sent: number }) => sum + m.sent, 0)).toBe(reachable);
    // One message row per person, whatever was retried.
    const [rows] = await queryRows<{ n: string; people: string }>(
      omni.handle.db,
      sql`select count(*) as n, count(distinct contact_id) as people from messages where campaign_id = ${campaignId}::uuid`,
    );
    expect(Number(rows!.n)).toBe(reachable);
    expect(Number(rows!.people)).toBe(reachable);
    expect(received.some((m) => m.destination === addressOf('sms', 1).slice(1))).toBe(false);
  }, 180_000);
});
