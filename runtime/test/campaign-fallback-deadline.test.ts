import { Worker } from '@temporalio/worker';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  campaigns,
  contactChannels,
  contacts,
  newId,
  queryRows,
  segmentMembers,
  segments,
  workspaces,
} from '@omniflow/db';
import { NodeError } from '@omniflow/nodes/sdk';
import { SandboxDriver, type OutboundMessage, type SendContext } from '@omniflow/nodes/drivers/messaging';
import { createCampaignSendActivities } from '../src/campaigns/campaign-activities.ts';
import type { CampaignRunInput } from '../src/temporal/campaign-workflows.ts';
import { sandboxDrivers } from '../src/messaging/sandbox-drivers.ts';
import { startTimeSkipping, type TimeSkippingOmniflow } from './support/time-skipping.ts';

const taskQueue = 'campaign-fallback-deadline';
const sendQueues = { sms: `${taskQueue}-sms`, email: `${taskQueue}-email` };

const people = {
  // No receipt within the 30 minutes: email at the deadline.
  silent: { phone: '+51966000001', email: 'silent@example.test' },
  // The same, but no email address: stays on SMS.
  smsOnly: { phone: '+51966000002', email: null },
  // Delivered: never moved.
  delivered: { phone: '+51966000003', email: 'delivered@example.test' },
  // The provider refuses the number: email at once.
  refused: { phone: '+51966000004', email: 'refused@example.test' },
};

describe('the fallback deadline on the time-skipping test server', () => {
  let ts: TimeSkippingOmniflow;
  let workers: Worker[];
  let running: Promise<unknown>;
  let workspaceId: string;

  beforeAll(async () => {
    ts = await startTimeSkipping();
    workspaceId = newId();
    await ts.handle.db.insert(workspaces).values({ id: workspaceId, name: 'Clínica' });
    const drivers = sandboxDrivers({ db: ts.handle.db });
    const db = ts.handle.db;
    // An SMSC that delivers one number at once and refuses another, as receipts and errors would.
    const sms = new (class extends SandboxDriver {
      protected override async deliver(message: OutboundMessage, context?: SendContext) {
        if (message.to === people.refused.phone)
          throw new NodeError('SMS_REJECTED', 'Invalid destination address', false);
        const sent = await super.deliver(message, context);
        // Its receipt, as soon as the row is there: a campaign writes the row with the provider's
        // answer, as a real receipt (matched by provider id) finds it once written.
        if (message.to === people.delivered.phone)
          void (async () => {
            for (let tries = 0; tries < 2000; tries++) {
              const updated = await queryRows(
                db,
                sql`update messages set status = 'delivered' where contact_address = ${message.to}
                  and channel = 'sms' returning id`,
              );
              if (updated.length > 0) return;
              await new Promise((resolve) => setTimeout(resolve, 5));
            }
          })();
        return sent;
      }
    })('sms');
    const activities = createCampaignSendActivities({
      db,
      driverFor: async (_workspace, channel) => (channel === 'sms' ? sms : drivers[channel]),
    });
    workers = [
      await ts.worker(taskQueue),
      ...(await Promise.all(
        Object.values(sendQueues).map((queue) =>
          Worker.create({ connection: ts.env.nativeConnection, taskQueue: queue, activities }),
        ),
      )),
    ];
    running = Promise.all(workers.map((w) => w.run()));
  }, 60_000);
  afterAll(async () => {
    for (const w of workers ?? []) w.shutdown();
    await running;
    await ts?.close();
  });

  it('moves to email those not delivered on SMS within the fallback time, and only them', async () => {
    const db = ts.handle.db;
    const segmentId = newId();
    await db.insert(segments).values({ id: segmentId, workspaceId, name: segmentId, kind: 'static' });
    for (const person of Object.values(people)) {
      const contactId = newId();
      await db.insert(contacts).values({ id: contactId, workspaceId, firstName: 'Eva' });
      await db.insert(segmentMembers).values({ segmentId, contactId });
      const base = { workspaceId, contactId, consentAt: new Date(), consentSource: 'imported' as const };
      await db
        .insert(contactChannels)
        .values({ ...base, id: newId(), channel: 'sms', address: person.phone });
      if (person.email)
        await db
          .insert(contactChannels)
          .values({ ...base, id: newId(), channel: 'email', address: person.email });
    }
    const id = newId();
    await db.insert(campaigns).values({
      id,
      workspaceId,
      name: 'Recordatorio',
      kind: 'broadcast',
      status: 'running',
      segmentId,
      channels: ['sms', 'email'],
      fallbackAfterMinutes: 30,
      marketing: false,
      variants: [
        { key: 'A', share: 100, content: { text: 'Hola {{ contact.first_name }}', subject: 'Su cita' } },
      ],
    });
    const started = await ts.env.currentTimeMs();
    await ts.env.client.workflow.execute('campaignRun', {
      taskQueue,
      workflowId: `campaign-${id}`,
      args: [{ campaignId: id, sendQueue: sendQueues.sms, sendQueues } satisfies CampaignRunInput],
    });

    const sends = await queryRows<{ channel: string; contact_address: string; status: string; at: string }>(
      db,
      sql`select channel, contact_address, status, status_history->0->>'at' as at from messages
        where campaign_id = ${id}::uuid order by channel, contact_address`,
    );
    const at = (address: string) => Date.parse(sends.find((s) => s.contact_address === address)!.at);
    expect(sends.map((s) => [s.channel, s.contact_address, s.status])).toEqual([
      ['email', people.refused.email, 'sent'],
      ['email', people.silent.email, 'sent'],
      ['sms', people.silent.phone, 'sent'],
      ['sms', people.smsOnly.phone, 'sent'],
      ['sms', people.delivered.phone, 'delivered'],
      ['sms', people.refused.phone, 'failed'],
    ]);
    const deadline = at(people.silent.phone) + 30 * 60_000;
    expect(at(people.silent.email!)).toBeGreaterThanOrEqual(deadline);
    expect(at(people.silent.email!) - deadline).toBeLessThan(60_000);
    // A refusal does not wait for the deadline.
    expect(at(people.refused.email!) - at(people.refused.phone)).toBeLessThan(60_000);
    expect(at(people.silent.phone) - started).toBeLessThan(60_000);

    const recipients = await queryRows<{ channel: string; status: string; n: string }>(
      db,
      sql`select channel, status, count(*) as n from campaign_recipients where campaign_id = ${id}::uuid
        group by channel, status order by channel, status`,
    );
    expect(recipients.map((r) => [r.channel, r.status, Number(r.n)])).toEqual([
      ['email', 'sent', 2],
      ['sms', 'sent', 2],
    ]);
    const [row] = await db.select().from(campaigns).where(eq(campaigns.id, id));
    expect(row!.status).toBe('completed');
  }, 60_000);
});
