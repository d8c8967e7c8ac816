import type { Client } from '@temporalio/client';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { campaigns, newId, queryRows } from '@omniflow/db';
// The app first: it extends zod for OpenAPI before any schema is built.
import { eventually, publishFlow, startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';
import { createCampaignControlActivities } from '../src/campaigns/campaign-activities.ts';
import { createCampaignControl } from '../src/campaigns/campaign-control.ts';
import { journeyWorkflowId, startJourneyChunk } from '../src/campaigns/journey-starts.ts';

const people = 50;

/** start → SMS → wait for a reply (a day) → on a reply an email, else the end: a 2-step journey. */
const journeyFlow = {
  name: 'Bienvenida',
  nodes: [
    { id: 'start', type: 'flow.start', config: {} },
    {
      id: 'hello',
      type: 'message.send',
      config: { channel: 'sms', to: '{{ input.phone }}', text: 'Hola {{ input.firstName }}, ¿te llamamos?' },
    },
    { id: 'reply', type: 'logic.wait-for-event', config: { event: 'reply', timeout: 'P1D' } },
    {
      id: 'thanks',
      type: 'email.send',
      config: { to: '{{ input.email }}', subject: 'Gracias', body: 'Gracias, {{ input.firstName }}' },
    },
    { id: 'end', type: 'flow.end', config: {} },
  ],
  edges: [
    { id: 'e1', from: { node: 'start', port: 'next' }, to: { node: 'hello' } },
    { id: 'e2', from: { node: 'hello', port: 'sent' }, to: { node: 'reply' } },
    { id: 'e3', from: { node: 'reply', port: 'received' }, to: { node: 'thanks' } },
    { id: 'e4', from: { node: 'reply', port: 'timeout' }, to: { node: 'end' } },
    { id: 'e5', from: { node: 'thanks', port: 'sent' }, to: { node: 'end' } },
  ],
};

describe.skipIf(!inject('postgresUrl'))('journey campaigns: a published flow per person', () => {
  let omni: TestOmniflow;
  let workspaceId: string;
  let flowId: string;

  beforeAll(async () => {
    omni = await startTestOmniflow({ db: 'postgres' });
    workspaceId = (await omni.handle.db.query.workspaces.findFirst())!.id;
    flowId = await publishFlow(omni, journeyFlow);
  }, 60_000);
  afterAll(async () => {
    await omni?.close();
  });

  let batches = 0;
  /** `count` people with a phone and an email, in a static segment of their own. */
  async function audience(count: number) {
    const batch = ++batches;
    const segmentId = newId();
    const ws = sql`${workspaceId}::uuid`;
    await omni.handle.db.execute(
      sql`insert into segments (id, workspace_id, name, kind) values (${segmentId}::uuid, ${ws}, ${`journey ${batch}`}, 'static')`,
    );
    await omni.handle.db.execute(sql`insert into contacts (id, workspace_id, first_name, attributes)
      select gen_random_uuid(), ${ws}, 'Ana' || n, jsonb_build_object('batch', ${batch}::int, 'n', n)
      from generate_series(1, ${count}) n`);
    for (const [channel, address] of [
      ['sms', sql`'+5199' || lpad(${batch}::text, 2, '0') || lpad(c.attributes->>'n', 5, '0')`],
      ['email', sql`'j' || ${batch}::text || '-' || (c.attributes->>'n') || '@example.test'`],
    ] as const)
      await omni.handle.db
        .execute(sql`insert into contact_channels (id, workspace_id, contact_id, channel, address, consent_at, consent_source)
        select gen_random_uuid(), ${ws}, c.id, ${channel}, ${address}, now(), 'imported'
        from contacts c where c.workspace_id = ${ws} and (c.attributes->>'batch')::int = ${batch}`);
    await omni.handle.db.execute(sql`insert into segment_members (segment_id, contact_id)
      select ${segmentId}::uuid, id from contacts where workspace_id = ${ws} and (attributes->>'batch')::int = ${batch}`);
    return segmentId;
  }

  const journeyRuns = (campaignId: string) =>
    queryRows<{ id: string; contact_id: string; status: string; temporal_workflow_id: string }>(
      omni.handle.db,
      sql`select id, input->>'contactId' as contact_id, status, temporal_workflow_id from runs
        where input->>'campaignId' = ${campaignId}`,
    );

  it('refuses a journey without a flow, or with a flow never published (422)', async () => {
    const segmentId = await audience(1);
    const noFlow = await omni.call('POST', '/api/v1/campaigns', {
      name: 'Sin flujo',
      kind: 'journey',
      channel: 'sms',
      segmentId,
    });
    expect(noFlow.status).toBe(422);
    expect(noFlow.body.error.code).toBe('JOURNEY_FLOW_REQUIRED');
    const draft = await omni.call('POST', '/api/v1/flows', { ...journeyFlow, name: 'Borrador' });
    const unpublished = await omni.call('POST', '/api/v1/campaigns', {
      name: 'Flujo sin publicar',
      kind: 'journey',
      channel: 'sms',
      segmentId,
      flowId: draft.body.id,
    });
    expect(unpublished.status).toBe(422);
    expect(unpublished.body.error.code).toBe('JOURNEY_FLOW_NOT_PUBLISHED');
    const unknown = await omni.call('POST', '/api/v1/campaigns', {
      name: 'Flujo ajeno',
      kind: 'journey',
      channel: 'sms',
      segmentId,
      flowId: '0190c3a0-0000-7000-8000-000000000000',
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.code).toBe('FLOW_NOT_FOUND');
    // A broadcast draft turned into a journey needs its flow too.
    const broadcast = await omni.call('POST', '/api/v1/campaigns', {
      name: 'Difusión',
      channel: 'sms',
      segmentId,
      content: { text: 'Hola' },
    });
    const turned = await omni.call('PATCH', `/api/v1/campaigns/${broadcast.body.id}`, { kind: 'journey' });
    expect(turned.status).toBe(422);
    expect(turned.body.error.code).toBe('JOURNEY_FLOW_REQUIRED');
    const withFlow = await omni.call('PATCH', `/api/v1/campaigns/${broadcast.body.id}`, {
      kind: 'journey',
      flowId,
    });
    expect(withFlow.body).toMatchObject({ kind: 'journey', flowId });
    const mismatched = await omni.call('POST', '/api/v1/campaigns', {
      name: 'X',
      kind: 'voice',
      channel: 'sms',
    });
    expect(mismatched.status).toBe(422);
    expect(mismatched.body.error.code).toBe('KIND_CHANNEL_MISMATCH');
    expect(
      (await omni.call('POST', '/api/v1/campaigns', { name: 'X', kind: 'survey', channel: 'sms' })).status,
    ).toBe(400);
    // A draft whose flow lost its way (written before the check, or by hand) is refused at start.
    const created = await omni.call('POST', '/api/v1/campaigns', {
      name: 'Luego sin flujo',
      kind: 'journey',
      channel: 'sms',
      segmentId,
      flowId,
    });
    expect(created.status).toBe(201);
    await omni.handle.db
      .update(campaigns)
      .set({ flowId: draft.body.id })
      .where(eq(campaigns.id, created.body.id));
    const start = await omni.call('POST', `/api/v1/campaigns/${created.body.id}/start`);
    expect(start.status).toBe(422);
    expect(start.body.error.code).toBe('JOURNEY_FLOW_NOT_PUBLISHED');
    const after = await omni.call('GET', `/api/v1/campaigns/${created.body.id}`);
    expect(after.body.status).toBe('draft');
  });

  it('starts one run per person with the contact in its input; replies branch; stats join the runs', async () => {
    const segmentId = await audience(people);
    const created = await omni.call('POST', '/api/v1/campaigns', {
      name: 'Bienvenida',
      kind: 'journey',
      channel: 'sms',
      segmentId,
      flowId,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: 'journey', flowId });
    const id = created.body.id;
    expect((await omni.call('POST', `/api/v1/campaigns/${id}/start`)).body.status).toBe('running');
    await eventually(async () => {
      const row = await omni.call('GET', `/api/v1/campaigns/${id}`);
      return row.body.status === 'completed' ? true : undefined;
    }, 60_000);

    const runs = await journeyRuns(id);
    expect(runs.length).toBe(people);
    expect(new Set(runs.map((r) => r.contact_id)).size).toBe(people);
    for (const r of runs) expect(r.temporal_workflow_id).toBe(journeyWorkflowId(id, r.contact_id));
    const recipients = await queryRows<{ status: string; run_id: string; contact_id: string }>(
      omni.handle.db,
      sql`select status, run_id, contact_id from campaign_recipients where campaign_id = ${id}::uuid`,
    );
    expect(recipients.every((r) => r.status === 'started')).toBe(true);
    const runOf = new Map(runs.map((r) => [r.contact_id, r.id]));
    const [one] = await queryRows<{ input: Record<string, unknown> }>(
      omni.handle.db,
      sql`select input from runs where id = ${runs[0]!.id}::uuid`,
    );
    // The person as nodes reach them: id, names, addresses, custom fields, and the campaign.
    expect(one!.input).toMatchObject({
      campaignId: id,
      contactId: runs[0]!.contact_id,
      contact: expect.stringMatching(/^\+5199/),
      phone: expect.stringMatching(/^\+5199/),
      email: expect.stringMatching(/@example\.test$/),
      firstName: expect.stringMatching(/^Ana\d+$/),
      attributes: { batch: expect.any(Number), n: expect.any(Number) },
    });
    for (const r of recipients) expect(r.run_id).toBe(runOf.get(r.contact_id));

    // Every person's first step: one SMS each, addressed from the run's input, with their name.
    const sms = await eventually(async () => {
      const rows = await queryRows<{ contact_address: string; body: { text: string } }>(
        omni.handle.db,
        sql`select m.contact_address, m.body from messages m join runs u on u.id = m.run_id
          where u.input->>'campaignId' = ${id} and m.channel = 'sms' and m.direction = 'outbound'`,
      );
      return rows.length === people ? rows : undefined;
    }, 60_000);
    expect(new Set(sms.map((m) => m.contact_address)).size).toBe(people);
    expect(sms[0]!.body.text).toMatch(/^Hola Ana\d+, ¿te llamamos\?$/);

    // Five people reply: their journeys take the other branch (an email) and end.
    const repliers = runs.slice(0, 5);
    await eventually(async () => {
      const stats = (await omni.call('GET', `/api/v1/campaigns/${id}/stats`)).body;
      return stats.journeys.running === people ? true : undefined;
    }, 30_000);
    for (const r of repliers) {
      const answered = await omni.call('POST', `/api/v1/runs/${r.id}/events`, {
        type: 'reply',
        data: { text: 'sí' },
      });
      expect(answered.status).toBe(200);
    }
    const stats = await eventually(async () => {
      const s = (await omni.call('GET', `/api/v1/campaigns/${id}/stats`)).body;
      return s.journeys.completed === 5 ? s : undefined;
    }, 30_000);
    expect(stats.journeys).toEqual({ started: people, running: people - 5, completed: 5, failed: 0 });
    expect(stats.targeted).toBe(people);
    const emails = await queryRows<{ run_id: string }>(
      omni.handle.db,
      sql`select m.run_id from messages m join runs u on u.id = m.run_id
        where u.input->>'campaignId' = ${id} and m.channel = 'email'`,
    );
    expect(emails.map((e) => e.run_id).sort()).toEqual(repliers.map((r) => r.id).sort());
  }, 120_000);

  /** A journey campaign, targeted but not run by campaignRun: the chunk activity is called directly. */
  async function targeted(count: number) {
    const segmentId = await audience(count);
    const created = await omni.call('POST', '/api/v1/campaigns', {
      name: 'Directo',
      kind: 'journey',
      channel: 'sms',
      segmentId,
      flowId,
    });
    const id = created.body.id as string;
    await omni.handle.db.update(campaigns).set({ status: 'running' }).where(eq(campaigns.id, id));
    const control = createCampaignControlActivities(omni.handle.db);
    const now = new Date().toISOString();
    await control.campaignTargetPage({ campaignId: id, limit: 1000, now });
    return { id, now };
  }

  /**
   * A Temporal client whose starts freeze after `after` of them, as a killed worker's would: the
   * first frozen one reaches Temporal (its workflow runs) but its answer never comes back.
   */
  function freezingClient(after: number): Client {
    let calls = 0;
    const real = omni.temporal;
    const workflow = new Proxy(real.workflow, {
      get(target, prop, receiver) {
        if (prop !== 'start') return Reflect.get(target, prop, receiver);
        return async (...args: Parameters<Client['workflow']['start']>) => {
          const n = ++calls;
          if (n <= after) return target.start(...args);
          if (n === after + 1) await target.start(...args);
          return new Promise(() => {});
        };
      },
    });
    return new Proxy(real, { get: (t, p, r) => (p === 'workflow' ? workflow : Reflect.get(t, p, r)) });
  }

  it('starts each person once when a chunk dies mid-way and is tried again', async () => {
    const { id, now } = await targeted(people);
    const chunk = { campaignId: id, now, limit: 200 };
    // The first attempt dies after 20 starts (plus one that reached Temporal unanswered).
    void startJourneyChunk(
      { db: omni.handle.db, temporal: freezingClient(20), taskQueue: omni.taskQueue, window: 4 },
      chunk,
    );
    await eventually(async () => {
      const rows = await journeyRuns(id);
      return rows.filter((r) => r.id).length >= 21 ? true : undefined;
    });
    const [frozen] = await queryRows<{ n: string }>(
      omni.handle.db,
      sql`select count(*) as n from campaign_recipients where campaign_id = ${id}::uuid and status = 'pending' and run_id is not null`,
    );
    // Marked first: every person of the chunk has a run id before the first start.
    expect(Number(frozen!.n)).toBe(people);

    const retried = await startJourneyChunk(
      { db: omni.handle.db, temporal: omni.temporal, taskQueue: omni.taskQueue, window: 4 },
      chunk,
    );
    expect(retried).toMatchObject({ picked: people, sent: people });
    const runs = await journeyRuns(id);
    expect(runs.length).toBe(people);
    expect(new Set(runs.map((r) => r.contact_id)).size).toBe(people);
    // One SMS per person: no journey ran twice.
    const sms = await eventually(async () => {
      const rows = await queryRows<{ contact_address: string }>(
        omni.handle.db,
        sql`select m.contact_address from messages m join runs u on u.id = m.run_id
          where u.input->>'campaignId' = ${id} and m.channel = 'sms'`,
      );
      return rows.length >= people ? rows : undefined;
    }, 30_000);
    expect(sms.length).toBe(people);
    expect(new Set(sms.map((m) => m.contact_address)).size).toBe(people);
    // A third attempt finds nothing pending.
    expect(
      await startJourneyChunk(
        { db: omni.handle.db, temporal: omni.temporal, taskQueue: omni.taskQueue },
        chunk,
      ),
    ).toMatchObject({
      picked: 0,
    });
  }, 90_000);

  it('stops starting when the campaign is cancelled mid-chunk; the rest stay pending', async () => {
    const { id, now } = await targeted(people);
    let starts = 0;
    const real = omni.temporal;
    const workflow = new Proxy(real.workflow, {
      get(target, prop, receiver) {
        if (prop !== 'start') return Reflect.get(target, prop, receiver);
        return async (...args: Parameters<Client['workflow']['start']>) => {
          // The operator cancels as the tenth journey starts (the row moves first, as the API does).
          if (++starts === 10)
            await omni.handle.db.update(campaigns).set({ status: 'cancelled' }).where(eq(campaigns.id, id));
          return target.start(...args);
        };
      },
    });
    const temporal = new Proxy(real, {
      get: (t, p, r) => (p === 'workflow' ? workflow : Reflect.get(t, p, r)),
    });
    const result = await startJourneyChunk(
      { db: omni.handle.db, temporal, taskQueue: omni.taskQueue, window: 2 },
      { campaignId: id, now, limit: 200 },
    );
    // The window in flight finishes; nothing after it starts.
    expect(result.sent).toBeGreaterThanOrEqual(10);
    expect(result.sent).toBeLessThanOrEqual(14);
    expect((await journeyRuns(id)).length).toBe(result.sent);
    const [pending] = await queryRows<{ n: string }>(
      omni.handle.db,
      sql`select count(*) as n from campaign_recipients where campaign_id = ${id}::uuid and status = 'pending'`,
    );
    expect(Number(pending!.n)).toBe(people - result.sent);
    // A chunk tried after the cancel starts nobody.
    expect(
      await startJourneyChunk(
        { db: omni.handle.db, temporal: omni.temporal, taskQueue: omni.taskQueue },
        { campaignId: id, now, limit: 200 },
      ),
    ).toMatchObject({ picked: 0, sent: 0 });
  }, 60_000);

  it('keeps every person on the flow version published when the campaign started', async () => {
    const pinnedFlowId = await publishFlow(omni, { ...journeyFlow, name: 'Versionado' });
    const segmentId = await audience(20);
    const draft = async () =>
      (
        await omni.call('POST', '/api/v1/campaigns', {
          name: 'Versión fija',
          kind: 'journey',
          channel: 'sms',
          segmentId,
          flowId: pinnedFlowId,
        })
      ).body.id as string;
    const id = await draft();
    // The start as the API makes it; its campaignRun is left out, so the chunks below are the only sends.
    const idle = { workflow: { start: async () => undefined } } as unknown as Client;
    const control = createCampaignControl({ db: omni.handle.db, temporal: idle, taskQueue: omni.taskQueue });
    expect(await control.start(workspaceId, id)).toMatchObject({ status: 'running', flowVersion: 1 });
    const now = new Date().toISOString();
    await createCampaignControlActivities(omni.handle.db).campaignTargetPage({
      campaignId: id,
      limit: 100,
      now,
    });
    const deps = { db: omni.handle.db, temporal: omni.temporal, taskQueue: omni.taskQueue };
    expect(await startJourneyChunk(deps, { campaignId: id, now, limit: 8 })).toMatchObject({ sent: 8 });

    // v2 is published mid-campaign: a different first message.
    const changed = structuredClone(journeyFlow);
    changed.nodes[1]!.config.text = 'Versión 2';
    expect((await omni.call('PUT', `/api/v1/flows/${pinnedFlowId}`, changed)).status).toBe(200);
    const republished = await omni.call('POST', `/api/v1/flows/${pinnedFlowId}/publish`, {});
    expect(republished.body.version).toBe(2);

    expect(await startJourneyChunk(deps, { campaignId: id, now, limit: 100 })).toMatchObject({ sent: 12 });
    const versions = await queryRows<{ version: number; n: string }>(
      omni.handle.db,
      sql`select version, count(*) as n from runs where input->>'campaignId' = ${id} group by version`,
    );
    expect(versions.map((v) => [v.version, Number(v.n)])).toEqual([[1, 20]]);
    const texts = await eventually(async () => {
      const rows = await queryRows<{ text: string }>(
        omni.handle.db,
        sql`select m.body->>'text' as text from messages m join runs u on u.id = m.run_id
          where u.input->>'campaignId' = ${id} and m.channel = 'sms'`,
      );
      return rows.length === 20 ? rows : undefined;
    }, 30_000);
    expect(texts.every((t) => t.text.startsWith('Hola'))).toBe(true);

    // A campaign started now takes v2.
    const later = await draft();
    expect(await control.start(workspaceId, later)).toMatchObject({ flowVersion: 2 });
  }, 90_000);

  it('a cancel through the API ends a running journey campaign', async () => {
    const segmentId = await audience(5);
    const created = await omni.call('POST', '/api/v1/campaigns', {
      name: 'Para cancelar',
      kind: 'journey',
      channel: 'sms',
      segmentId,
      flowId,
      schedule: { mode: 'at', at: new Date(Date.now() + 3_600_000).toISOString() },
    });
    const id = created.body.id;
    expect((await omni.call('POST', `/api/v1/campaigns/${id}/start`)).body.status).toBe('scheduled');
    expect((await omni.call('POST', `/api/v1/campaigns/${id}/cancel`)).body.status).toBe('cancelled');
    await omni.temporal.workflow.getHandle(`campaign-${id}`).result();
    expect(await journeyRuns(id)).toEqual([]);
  }, 30_000);
});
