import { Worker } from '@temporalio/worker';
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The app first: it extends zod for OpenAPI before any schema is built.
import { eventually, startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';
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
import { createCampaignControl } from '../src/campaigns/campaign-control.ts';
import { campaignTaskQueue } from '../src/campaigns/campaign-task-queue.ts';
import { localInstant } from '../src/campaigns/local-time.ts';
import { addPeriods, localParts } from '../src/campaigns/recurrence.ts';
import { sandboxDrivers } from '../src/messaging/sandbox-drivers.ts';
import { flowWorkerParts } from '../src/worker/flow-worker.ts';
import { startTimeSkipping, type TimeSkippingOmniflow } from './support/time-skipping.ts';

const taskQueue = 'campaign-recurring';
const zone = 'America/Lima';

describe('a daily campaign on the time-skipping test server', () => {
  let ts: TimeSkippingOmniflow;
  let workers: Worker[];
  let running: Promise<unknown>;
  let workspaceId: string;
  let segmentId: string;

  beforeAll(async () => {
    ts = await startTimeSkipping();
    workspaceId = newId();
    await ts.handle.db.insert(workspaces).values({ id: workspaceId, name: 'Municipio', timezone: zone });
    const drivers = sandboxDrivers({ db: ts.handle.db });
    workers = [
      // The flow worker as production builds it, with a client: an ended occurrence starts the next.
      await Worker.create({
        connection: ts.env.nativeConnection,
        taskQueue,
        ...(await flowWorkerParts({
          db: ts.handle.db,
          registry: ts.registry,
          temporal: ts.env.client,
          taskQueue,
        })),
      }),
      await Worker.create({
        connection: ts.env.nativeConnection,
        taskQueue: campaignTaskQueue('sms', taskQueue),
        activities: createCampaignSendActivities({
          db: ts.handle.db,
          driverFor: async (_workspace, channel) => drivers[channel],
        }),
      }),
    ];
    running = Promise.all(workers.map((w) => w.run()));
    segmentId = newId();
    await ts.handle.db
      .insert(segments)
      .values({ id: segmentId, workspaceId, name: 'Vecinos', kind: 'static' });
  }, 60_000);
  afterAll(async () => {
    for (const w of workers ?? []) w.shutdown();
    await running;
    await ts?.close();
  });

  async function person(phone: string) {
    const contactId = newId();
    await ts.handle.db.insert(contacts).values({ id: contactId, workspaceId, firstName: 'Rosa' });
    await ts.handle.db.insert(contactChannels).values({
      id: newId(),
      workspaceId,
      contactId,
      channel: 'sms',
      address: phone,
      consentAt: new Date(),
      consentSource: 'imported',
    });
    await ts.handle.db.insert(segmentMembers).values({ segmentId, contactId });
  }

  const occurrences = (parentId: string) =>
    ts.handle.db.select().from(campaigns).where(eq(campaigns.parentId, parentId)).orderBy(asc(campaigns.id));

  const sentTo = async (campaignId: string) =>
    (
      await queryRows<{ contact_address: string; at: string }>(
        ts.handle.db,
        sql`select contact_address, status_history->0->>'at' as at from messages where campaign_id = ${campaignId}::uuid`,
      )
    ).map((r) => ({ to: r.contact_address, at: new Date(r.at) }));

  it('sends each occurrence once to the segment as it is then, a day apart in the workspace zone, until cancelled', async () => {
    await person('+51955500001');
    await person('+51955500002');
    const parentId = newId();
    await ts.handle.db.insert(campaigns).values({
      id: parentId,
      workspaceId,
      name: 'Recojo de basura',
      kind: 'broadcast',
      segmentId,
      channels: ['sms'],
      variants: [
        { key: 'A', share: 100, content: { text: 'Hola {{ contact.first_name }}, mañana pasa el camión' } },
      ],
      schedule: { mode: 'now', recurrence: 'daily' },
      marketing: false,
    });
    const control = createCampaignControl({ db: ts.handle.db, temporal: ts.env.client, taskQueue });
    const startedAt = new Date(await ts.env.currentTimeMs());
    const parent = await control.start(workspaceId, parentId, startedAt);
    expect(parent!.status).toBe('running');

    const [first] = await occurrences(parentId);
    expect(first).toMatchObject({ parentId, status: 'running', segmentId, channels: ['sms'] });
    await ts.env.client.workflow.getHandle(`campaign-${first!.id}`).result();
    expect((await sentTo(first!.id)).map((m) => m.to).sort()).toEqual(['+51955500001', '+51955500002']);

    // The first one's end created the second, for the same time tomorrow in Lima.
    const afterFirst = await occurrences(parentId);
    expect(afterFirst.map((o) => o.status)).toEqual(['completed', 'scheduled']);
    const second = afterFirst[1]!;
    const firstAt = localParts(new Date(first!.schedule.at!), zone);
    const secondAt = localParts(new Date(second.schedule.at!), zone);
    expect(secondAt.time).toBe(firstAt.time);
    expect(Date.parse(second.schedule.at!) - Date.parse(first!.schedule.at!)).toBe(86_400_000);

    // Someone joins the segment before it: the second occurrence reads the segment when it begins.
    await person('+51955500003');
    await ts.env.client.workflow.getHandle(`campaign-${second.id}`).result();
    const secondSent = await sentTo(second.id);
    expect(secondSent.map((m) => m.to).sort()).toEqual(['+51955500001', '+51955500002', '+51955500003']);
    for (const m of secondSent) {
      expect(m.at.getTime()).toBeGreaterThanOrEqual(Date.parse(second.schedule.at!));
      expect(m.at.getTime() - Date.parse(second.schedule.at!)).toBeLessThan(60_000);
    }
    // Once each: the first occurrence's people got nothing more from it.
    expect((await sentTo(first!.id)).length).toBe(2);

    // Pausing the series pauses the occurrence waiting; cancelling it ends the series there.
    const third = (await occurrences(parentId))[2]!;
    expect(third.status).toBe('scheduled');
    expect((await control.pause(workspaceId, parentId))!.status).toBe('paused');
    expect((await ts.handle.db.select().from(campaigns).where(eq(campaigns.id, third.id)))[0]!.status).toBe(
      'paused',
    );
    expect((await control.cancel(workspaceId, parentId))!.status).toBe('cancelled');
    await ts.env.client.workflow.getHandle(`campaign-${third.id}`).result();
    const final = await occurrences(parentId);
    expect(final.map((o) => o.status)).toEqual(['completed', 'completed', 'cancelled']);
    expect(await sentTo(third.id)).toEqual([]);
  }, 120_000);

  it("sends a weekly series at 09:00 in each person's own zone, the next a week later", async () => {
    const weeklySegment = newId();
    await ts.handle.db
      .insert(segments)
      .values({ id: weeklySegment, workspaceId, name: 'Semanal', kind: 'static' });
    for (const [phone, timezone] of [
      ['+51955510001', 'America/Lima'],
      ['+34655510002', 'Europe/Madrid'],
    ] as const) {
      const contactId = newId();
      await ts.handle.db.insert(contacts).values({ id: contactId, workspaceId, firstName: 'Luz', timezone });
      await ts.handle.db.insert(contactChannels).values({
        id: newId(),
        workspaceId,
        contactId,
        channel: 'sms',
        address: phone,
        consentAt: new Date(),
        consentSource: 'imported',
      });
      await ts.handle.db.insert(segmentMembers).values({ segmentId: weeklySegment, contactId });
    }
    const parentId = newId();
    await ts.handle.db.insert(campaigns).values({
      id: parentId,
      workspaceId,
      name: 'Boletín',
      kind: 'broadcast',
      segmentId: weeklySegment,
      channels: ['sms'],
      variants: [{ key: 'A', share: 100, content: { text: 'Boletín de la semana' } }],
      schedule: { mode: 'local', localTime: '09:00', recurrence: 'weekly' },
      marketing: false,
    });
    const control = createCampaignControl({ db: ts.handle.db, temporal: ts.env.client, taskQueue });
    const now = new Date(await ts.env.currentTimeMs());
    await control.start(workspaceId, parentId, now);
    const [first] = await occurrences(parentId);
    const day = first!.schedule.localDate!;
    // The first day whose 09:00 in Lima (the workspace's zone) is still ahead.
    expect(localInstant(day, '09:00', zone).getTime()).toBeGreaterThan(now.getTime());
    expect(localInstant(day, '09:00', zone).getTime() - now.getTime()).toBeLessThanOrEqual(86_400_000);
    await ts.env.client.workflow.getHandle(`campaign-${first!.id}`).result();
    const sent = new Map((await sentTo(first!.id)).map((m) => [m.to, m.at.getTime()]));
    const lima = localInstant(day, '09:00', 'America/Lima').getTime();
    const madrid = Math.max(localInstant(day, '09:00', 'Europe/Madrid').getTime(), now.getTime());
    expect(sent.get('+51955510001')! - lima).toBeGreaterThanOrEqual(0);
    expect(sent.get('+51955510001')! - lima).toBeLessThan(60_000);
    expect(sent.get('+34655510002')! - madrid).toBeGreaterThanOrEqual(0);
    expect(sent.get('+34655510002')! - madrid).toBeLessThan(60_000);
    const next = (await occurrences(parentId))[1]!;
    expect(next.schedule).toEqual({
      mode: 'local',
      localTime: '09:00',
      localDate: addPeriods(day, 'weekly', 1),
    });
    expect((await control.cancel(workspaceId, parentId))!.status).toBe('cancelled');
    await ts.env.client.workflow.getHandle(`campaign-${next.id}`).result();
    expect((await occurrences(parentId)).map((o) => o.status)).toEqual(['completed', 'cancelled']);
  }, 120_000);
});

describe('recurring campaigns through the API', () => {
  let omni: TestOmniflow;
  beforeAll(async () => {
    omni = await startTestOmniflow();
  }, 60_000);
  afterAll(async () => {
    await omni?.close();
  });

  it('refuses an unknown recurrence, lists occurrences under their campaign, and cancels the series', async () => {
    const workspace = (await omni.handle.db.query.workspaces.findFirst())!;
    const segmentId = newId();
    await omni.handle.db
      .insert(segments)
      .values({ id: segmentId, workspaceId: workspace.id, name: 'Todos', kind: 'static' });
    const bad = await omni.call('POST', '/api/v1/campaigns', {
      name: 'Cada hora',
      channel: 'sms',
      segmentId,
      content: { text: 'Hola' },
      schedule: { mode: 'now', recurrence: 'hourly' },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('Repeat daily, weekly or monthly');

    const created = await omni.call('POST', '/api/v1/campaigns', {
      name: 'Boletín semanal',
      channel: 'sms',
      segmentId,
      content: { text: 'Hola' },
      schedule: { mode: 'now', recurrence: 'weekly' },
    });
    expect(created.status).toBe(201);
    expect(created.body.schedule).toEqual({ mode: 'now', recurrence: 'weekly' });
    const id = created.body.id;
    expect((await omni.call('POST', `/api/v1/campaigns/${id}/start`)).body.status).toBe('running');
    // The first occurrence goes now (to nobody: the segment is empty) and the next waits a week.
    const listed = await eventually(async () => {
      const res = await omni.call('GET', `/api/v1/campaigns/${id}/occurrences`);
      return res.body.occurrences.length === 2 ? res.body.occurrences : undefined;
    }, 30_000);
    expect(listed.map((o: { status: string }) => o.status)).toEqual(['scheduled', 'completed']);
    expect(listed.every((o: { parentId: string }) => o.parentId === id)).toBe(true);
    const next = listed[0];
    expect(Date.parse(next.schedule.at) - Date.parse(listed[1].schedule.at)).toBe(7 * 86_400_000);
    // The workspace's list shows the series once; its occurrences are under it.
    const all = (await omni.call('GET', '/api/v1/campaigns')).body.campaigns.map((c: { id: string }) => c.id);
    expect(all).toContain(id);
    expect(all).not.toContain(next.id);

    expect((await omni.call('POST', `/api/v1/campaigns/${id}/cancel`)).body.status).toBe('cancelled');
    await omni.temporal.workflow.getHandle(`campaign-${next.id}`).result();
    const after = (await omni.call('GET', `/api/v1/campaigns/${id}/occurrences`)).body.occurrences;
    expect(after.map((o: { status: string }) => o.status)).toEqual(['cancelled', 'completed']);
    expect((await omni.call('GET', `/api/v1/campaigns/${newId()}/occurrences`)).status).toBe(404);
  }, 60_000);
});
