import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { queryRows } from '@omniflow/db';
import { LoopbackSmsc } from '@omniflow/nodes/drivers/sms/testing';
import { seedAudience } from './support/campaign-audience.ts';
import { eventually, startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

const credentials = { systemId: 'omniflow', password: 'quota' };
const people = 450;
const bag = { amount: 280, overdraft: 20 };

describe.skipIf(!inject('postgresUrl'))('a campaign running out of its SMS bag', () => {
  let smsc: LoopbackSmsc;
  let omni: TestOmniflow;

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

  it('sends up to the bag and its overdraft, skips the rest with reason quota, and the ledger adds up', async () => {
    const workspace = await omni.handle.db.query.workspaces.findFirst();
    const { segmentId } = await seedAudience(omni.handle.db, {
      workspaceId: workspace!.id,
      count: people,
      channel: 'sms',
    });
    const refused = await omni.call('PUT', '/api/v1/quotas/sms', { period: 'month', amount: -5 });
    expect(refused.status).toBe(400);
    const set = await omni.call('PUT', '/api/v1/quotas/sms', { period: 'month', ...bag });
    expect(set.status).toBe(200);

    const created = await omni.call('POST', '/api/v1/campaigns', {
      name: 'Aviso',
      channel: 'sms',
      segmentId,
      content: { text: 'Hola {{ contact.first_name }}' },
    });
    const id = created.body.id as string;
    expect((await omni.call('POST', `/api/v1/campaigns/${id}/start`)).status).toBe(200);
    await eventually(async () => {
      const row = await omni.call('GET', `/api/v1/campaigns/${id}`);
      return row.body.status === 'completed' ? true : undefined;
    }, 60_000);

    // Chunks of 200: the first goes whole, the second is cut at the bag and overdraft, the third skipped.
    const allowed = bag.amount + bag.overdraft;
    expect(smsc.messages()).toHaveLength(allowed);
    for (const message of smsc.messages()) await smsc.sendReceipt(message.parts[0]!.messageId, 'DELIVRD');
    const stats = await eventually(async () => {
      const s = (await omni.call('GET', `/api/v1/campaigns/${id}/stats`)).body;
      return s.delivered === allowed ? s : undefined;
    }, 30_000);
    expect(stats).toMatchObject({
      targeted: people,
      skipped: people - allowed,
      skippedByReason: { quota: people - allowed },
      sent: allowed,
      delivered: allowed,
      reached: allowed,
      quotas: [
        { channel: 'sms', warning: true, exhausted: true, remaining: -bag.overdraft, limit: bag.amount },
      ],
    });

    // Every delivered message is one ledger row; the balance is the bag less their sum.
    const [ledger] = await queryRows<{ n: string; total: string; messages: string }>(
      omni.handle.db,
      sql`select count(*) as n, sum(delta) as total, count(distinct message_id) as messages from quota_ledger
        where workspace_id = ${workspace!.id}::uuid and channel = 'sms'`,
    );
    expect([Number(ledger!.n), Number(ledger!.total), Number(ledger!.messages)]).toEqual([
      allowed,
      -allowed,
      allowed,
    ]);
    const balance = (await omni.call('GET', '/api/v1/quotas')).body.items[0];
    expect(balance).toMatchObject({ used: allowed, remaining: bag.amount - allowed, exhausted: true });

    // A second campaign to the same people: nothing is left, so every send is skipped for the bag.
    const again = await omni.call('POST', '/api/v1/campaigns', {
      name: 'Aviso 2',
      channel: 'sms',
      segmentId,
      marketing: false,
      content: { text: 'Hola otra vez' },
    });
    await omni.call('POST', `/api/v1/campaigns/${again.body.id}/start`);
    const second = await eventually(async () => {
      const s = (await omni.call('GET', `/api/v1/campaigns/${again.body.id}/stats`)).body;
      return s.status === 'completed' ? s : undefined;
    }, 60_000);
    expect(second).toMatchObject({ sent: 0, skippedByReason: { quota: people } });
    expect(smsc.messages()).toHaveLength(allowed);
  }, 150_000);
});
