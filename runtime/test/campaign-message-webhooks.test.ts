import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contacts, newId, queryRows, webhookDeliveries, webhookSubscriptions } from '@omniflow/db';
import { startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';
import { messageRecorder, type CampaignMessage } from '../src/campaigns/campaign-message-rows.ts';

/**
 * A campaign's message rows build webhook events only for the types a workspace's active
 * subscriptions want (wanted-event-types.ts): the events still reach those that do.
 */
describe('campaign message events and webhook subscriptions', () => {
  let omni: TestOmniflow;
  let workspaceId: string;
  let contactId: string;

  beforeAll(async () => {
    omni = await startTestOmniflow({ worker: false });
    workspaceId = (await omni.handle.db.query.workspaces.findFirst())!.id;
    contactId = newId();
    await omni.handle.db.insert(contacts).values({ id: contactId, workspaceId, firstName: 'Eva' });
  }, 60_000);
  afterAll(async () => omni?.close());

  const row = (campaignId: string): CampaignMessage => {
    const id = newId();
    return {
      id,
      w: workspaceId,
      cp: campaignId,
      ch: 'sms',
      a: '+51911111111',
      c: contactId,
      k: `campaign:${campaignId}:${id}`,
      b: { text: 'Hola' },
      h: [{ status: 'queued', at: new Date().toISOString() }],
    };
  };
  const subscribe = async (events: string[], active = true) => {
    const id = newId();
    await omni.handle.db.insert(webhookSubscriptions).values({
      id,
      workspaceId,
      url: 'https://example.test/hook',
      events,
      active,
      secretSealed: 'v1.test',
      keyId: 'test',
    });
    return id;
  };
  const deliveriesOf = (subscriptionId: string) =>
    omni.handle.db
      .select({ type: webhookDeliveries.eventType, body: webhookDeliveries.body })
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.subscriptionId, subscriptionId));

  it('writes the rows and no delivery while nobody subscribes', async () => {
    const campaignId = newId();
    const record = messageRecorder(omni.handle.db);
    await Promise.all([
      record({ kind: 'sent', row: row(campaignId), providerMessageId: 'p-1', segments: 1 }),
      record({ kind: 'failed', row: row(campaignId), code: 'SMS_REJECTED', message: 'no' }),
    ]);
    const written = await queryRows<{ status: string; n: number }>(
      omni.handle.db,
      sql`select status, count(*)::int as n from messages where campaign_id = ${campaignId}::uuid group by 1 order by 1`,
    );
    expect(written).toEqual([
      { status: 'failed', n: 1 },
      { status: 'sent', n: 1 },
    ]);
    expect(await omni.handle.db.select().from(webhookDeliveries)).toEqual([]);
  });

  it('delivers each event only to the subscriptions that want it, active ones only', async () => {
    const sentOnly = await subscribe(['message.sent']);
    const failedOnly = await subscribe(['message.failed', 'run.completed']);
    const paused = await subscribe(['message.sent', 'message.failed'], false);
    const campaignId = newId();
    const record = messageRecorder(omni.handle.db);
    const sent = row(campaignId);
    const failed = row(campaignId);
    await Promise.all([
      record({ kind: 'sent', row: sent, providerMessageId: 'p-2', segments: 1 }),
      record({ kind: 'failed', row: failed, code: 'SMS_REJECTED', message: 'no' }),
      record({ kind: 'handover', row: row(campaignId) }),
    ]);
    const toSent = await deliveriesOf(sentOnly);
    expect(toSent.map((d) => d.type)).toEqual(['message.sent', 'message.sent']);
    expect(toSent.map((d) => JSON.parse(d.body).data.messageId)).toContain(sent.id);
    const toFailed = await deliveriesOf(failedOnly);
    expect(toFailed.map((d) => d.type)).toEqual(['message.failed']);
    expect(JSON.parse(toFailed[0]!.body).data).toMatchObject({
      messageId: failed.id,
      campaignId,
      errorCode: 'SMS_REJECTED',
    });
    expect(await deliveriesOf(paused)).toEqual([]);
  });
});
