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
import { createCampaignSendActivities } from '../src/campaigns/campaign-activities.ts';
import type { CampaignRunInput } from '../src/temporal/campaign-workflows.ts';
import { localInstant } from '../src/campaigns/local-time.ts';
import { sandboxDrivers } from '../src/messaging/sandbox-drivers.ts';
import { startTimeSkipping, type TimeSkippingOmniflow } from './support/time-skipping.ts';

const taskQueue = 'campaign-schedule';
const sendQueue = 'campaign-schedule-sms';

/** The instant the sandbox's message to `address` was queued: the workflow's clock when it went. */
async function queuedAt(ts: TimeSkippingOmniflow, campaignId: string) {
  const rows = await queryRows<{ contact_address: string; at: string }>(
    ts.handle.db,
    sql`select contact_address, status_history->0->>'at' as at from messages where campaign_id = ${campaignId}::uuid`,
  );
  return new Map(rows.map((r) => [r.contact_address, new Date(r.at)]));
}

describe('campaign schedules on the time-skipping test server', () => {
  let ts: TimeSkippingOmniflow;
  let workers: Worker[];
  let running: Promise<unknown>;
  let workspaceId: string;

  beforeAll(async () => {
    ts = await startTimeSkipping();
    workspaceId = newId();
    await ts.handle.db.insert(workspaces).values({ id: workspaceId, name: 'Clínica' });
    const drivers = sandboxDrivers({ db: ts.handle.db });
    workers = [
      await ts.worker(taskQueue),
      await Worker.create({
        connection: ts.env.nativeConnection,
        taskQueue: sendQueue,
        activities: createCampaignSendActivities({
          db: ts.handle.db,
          driverFor: async (_workspace, channel) => drivers[channel],
        }),
      }),
    ];
    running = Promise.all(workers.map((w) => w.run()));
  }, 60_000);
  afterAll(async () => {
    for (const w of workers ?? []) w.shutdown();
    await running;
    await ts?.close();
  });

  async function campaignFor(
    people: { phone: string; timezone: string }[],
    values: Partial<typeof campaigns.$inferInsert>,
  ) {
    const segmentId = newId();
    await ts.handle.db
      .insert(segments)
      .values({ id: segmentId, workspaceId, name: segmentId, kind: 'static' });
    for (const person of people) {
      const contactId = newId();
      await ts.handle.db
        .insert(contacts)
        .values({ id: contactId, workspaceId, firstName: 'Eva', timezone: person.timezone });
      await ts.handle.db.insert(contactChannels).values({
        id: newId(),
        workspaceId,
        contactId,
        channel: 'sms',
        address: person.phone,
        consentAt: new Date(),
        consentSource: 'imported',
      });
      await ts.handle.db.insert(segmentMembers).values({ segmentId, contactId });
    }
    const id = newId();
    await ts.handle.db.insert(campaigns).values({
      id,
      workspaceId,
      name: 'Recordatorio',
      kind: 'broadcast',
      status: 'running',
      segmentId,
      channels: ['sms'],
      variants: [{ key: 'A', share: 100, content: { text: 'Hola {{ contact.first_name }}' } }],
      ...values,
    });
    return id;
  }

  const run = (campaignId: string) =>
    ts.env.client.workflow.execute('campaignRun', {
      taskQueue,
      workflowId: `campaign-${campaignId}`,
      args: [{ campaignId, sendQueue } satisfies CampaignRunInput],
    });

  it('sends to Lima and Madrid at 09:00 local time on the chosen day', async () => {
    const start = new Date(await ts.env.currentTimeMs());
    const day = new Date(start.getTime() + 2 * 86_400_000).toISOString().slice(0, 10);
    const id = await campaignFor(
      [
        { phone: '+51911111111', timezone: 'America/Lima' },
        { phone: '+51922222222', timezone: 'America/Lima' },
        { phone: '+34611111111', timezone: 'Europe/Madrid' },
      ],
      { schedule: { mode: 'local', localTime: '09:00', localDate: day } },
    );
    await run(id);
    const at = await queuedAt(ts, id);
    const lima = localInstant(day, '09:00', 'America/Lima');
    const madrid = localInstant(day, '09:00', 'Europe/Madrid');
    // Lima is 5 h behind UTC, Madrid 1 or 2 h ahead: six or seven hours apart.
    expect([6, 7]).toContain((lima.getTime() - madrid.getTime()) / 3_600_000);
    for (const phone of ['+51911111111', '+51922222222']) {
      expect(at.get(phone)!.getTime() - lima.getTime()).toBeGreaterThanOrEqual(0);
      expect(at.get(phone)!.getTime() - lima.getTime()).toBeLessThan(60_000);
    }
    expect(at.get('+34611111111')!.getTime() - madrid.getTime()).toBeGreaterThanOrEqual(0);
    expect(at.get('+34611111111')!.getTime() - madrid.getTime()).toBeLessThan(60_000);
    const [row] = await ts.handle.db.select().from(campaigns).where(eq(campaigns.id, id));
    expect(row!.status).toBe('completed');
  }, 60_000);

  it('defers a send that falls in quiet hours to the minute they end', async () => {
    const now = new Date(await ts.env.currentTimeMs());
    const hhmm = (d: Date) => d.toISOString().slice(11, 16);
    // Quiet from an hour ago until two hours from now, in UTC (wrapping midnight when it must).
    const quiet = {
      from: hhmm(new Date(now.getTime() - 3_600_000)),
      to: hhmm(new Date(now.getTime() + 7_200_000)),
    };
    const id = await campaignFor([{ phone: '+51933333333', timezone: 'UTC' }], {
      schedule: { mode: 'now' },
      quietHours: quiet,
    });
    await run(id);
    const sentAt = (await queuedAt(ts, id)).get('+51933333333')!;
    const end = new Date(now.getTime() + 7_200_000);
    end.setUTCSeconds(0, 0);
    expect(sentAt.getTime() - end.getTime()).toBeGreaterThanOrEqual(0);
    expect(sentAt.getTime() - end.getTime()).toBeLessThan(60_000);
  }, 60_000);

  it('skips opted-out people and those without consent for marketing, with the reason', async () => {
    const id = await campaignFor(
      [
        { phone: '+51944444444', timezone: 'UTC' },
        { phone: '+51955555555', timezone: 'UTC' },
      ],
      { schedule: { mode: 'now' } },
    );
    await ts.handle.db.execute(
      sql`update contact_channels set opted_out_at = now() where address = '+51944444444'`,
    );
    await ts.handle.db.execute(
      sql`update contact_channels set consent_at = null where address = '+51955555555'`,
    );
    await run(id);
    const reasons = await queryRows<{ skip_reason: string }>(
      ts.handle.db,
      sql`select skip_reason from campaign_recipients where campaign_id = ${id}::uuid order by skip_reason`,
    );
    expect(reasons.map((r) => r.skip_reason)).toEqual(['no_consent', 'opted_out']);
  }, 60_000);
});
