import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { queryRows } from '@omniflow/db';
import { parseMail } from '@omniflow/nodes/drivers/email';
import { SmtpSink, type ReceivedMail } from '@omniflow/nodes/drivers/email/testing';
import { workerChannels } from '../src/messaging/worker-channels.ts';
import { campaignWorkers } from '../src/worker/campaign-workers.ts';
import { flowWorkerParts } from '../src/worker/flow-worker.ts';
import { seedAudience } from './support/campaign-audience.ts';
import { listen } from './support/serve-omniflow.ts';
import { eventually, startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

const people = 200;
const optOutEvery = 50;
const testMinutes = 120;
const publicUrl = 'https://omniflow.test';
// A mail program's own fetch (not a provider's image proxy, which would not count as an open).
const reader = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Thunderbird/128.0';

interface Mail {
  to: string;
  subject: string;
  pixel: string | undefined;
}

async function read(mail: ReceivedMail): Promise<Mail> {
  const { parsed } = await parseMail(mail.raw);
  const html = typeof parsed.html === 'string' ? parsed.html : '';
  return {
    to: mail.recipients[0] ?? '',
    subject: parsed.subject ?? '',
    pixel: /src="([^"]*\/email-links\/open\/[^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&'),
  };
}

/**
 * The A/B email broadcast of issue #14: two subject lines to a test share of the audience, the
 * winner picked by opens (pixel hits over HTTP against the served API), then sent to the rest
 * after the test period, which the time-skipping test server jumps.
 */
describe.skipIf(!inject('postgresUrl'))('an email broadcast with A/B subject lines', () => {
  let env: TestWorkflowEnvironment;
  let omni: TestOmniflow;
  let served: Awaited<ReturnType<typeof listen>>;
  let sink: SmtpSink;
  let workers: Worker[];
  let running: Promise<unknown>;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const path = inject('testServerPath');
    env = await TestWorkflowEnvironment.createTimeSkipping(
      path ? { server: { executable: { type: 'existing-path', path } } } : {},
    );
    sink = await SmtpSink.start();
    omni = await startTestOmniflow({
      db: 'postgres',
      worker: false,
      env: { OMNIFLOW_PUBLIC_URL: publicUrl },
      appDeps: { temporal: env.client },
    });
    served = await listen(omni.app);
    const channels = workerChannels({ db: omni.handle.db, env: omni.env });
    close = () => channels.resolver.close();
    workers = [
      await Worker.create({
        connection: env.nativeConnection,
        taskQueue: omni.taskQueue,
        ...(await flowWorkerParts({
          db: omni.handle.db,
          registry: omni.deps.registry,
          env: omni.env,
          channels,
        })),
      }),
      ...(await campaignWorkers({
        connection: env.nativeConnection,
        namespace: 'default',
        taskQueue: omni.taskQueue,
        db: omni.handle.db,
        channels,
        env: omni.env,
      })),
    ];
    running = Promise.all(workers.map((w) => w.run()));
    const saved = await omni.call('PUT', '/api/v1/channels/email', {
      provider: 'smtp',
      config: {
        host: '127.0.0.1',
        port: sink.port,
        security: 'none',
        fromAddress: 'ofertas@omniflow.test',
        fromName: 'Ofertas',
      },
    });
    expect(saved.status).toBe(200);
  }, 120_000);
  afterAll(async () => {
    for (const w of workers ?? []) if (w.getState() === 'RUNNING') w.shutdown();
    await running;
    await close?.();
    await served?.close();
    await omni?.close();
    await sink?.close();
    await env?.teardown();
  });

  async function newsletter() {
    const template = await omni.call('POST', '/api/v1/templates', {
      name: `oferta-${Math.random().toString(36).slice(2, 8)}`,
      kind: 'email',
      variants: {
        es: {
          subject: 'Oferta',
          body: '<mj-section><mj-column><mj-text>Hola {{ contact.first_name }}, tenemos una oferta.</mj-text></mj-column></mj-section>',
        },
      },
    });
    expect(template.status).toBe(201);
    return template.body.id as string;
  }

  it('refuses shares that do not add up to 100, and opens measured on SMS (422, es/en)', async () => {
    const templateId = await newsletter();
    const shares = await omni.call('POST', '/api/v1/campaigns', {
      name: 'Mal repartida',
      channel: 'email',
      variants: [
        { key: 'A', share: 60, content: { templateId, subject: 'Uno' } },
        { key: 'B', share: 30, content: { templateId, subject: 'Dos' } },
      ],
      ab: { metric: 'open', testMinutes: 60, testShare: 20 },
    });
    expect(shares.status).toBe(422);
    expect(shares.body.error).toMatchObject({
      code: 'AB_SHARES',
      message: "The variants' shares add up to 90 %: make them add up to 100 %",
    });
    const sms = await omni.call(
      'POST',
      '/api/v1/campaigns',
      {
        name: 'SMS medido por aperturas',
        channel: 'sms',
        variants: [
          { key: 'A', share: 50, content: { text: 'Uno' } },
          { key: 'B', share: 50, content: { text: 'Dos' } },
        ],
        ab: { metric: 'open', testMinutes: 60, testShare: 20 },
      },
      { 'accept-language': 'es-PE,es;q=0.9' },
    );
    expect(sms.status).toBe(422);
    expect(sms.body.error.code).toBe('AB_METRIC_CHANNEL');
    expect(sms.body.error.message).toMatch(/^Las aperturas y los clics solo se miden en el correo/);
    const one = await omni.call('POST', '/api/v1/campaigns', {
      name: 'Una sola variante',
      channel: 'sms',
      variants: [{ key: 'A', share: 100, content: { text: 'Uno' } }],
      ab: { metric: 'reply', testMinutes: 60, testShare: 20 },
    });
    expect(one.status).toBe(422);
    expect(one.body.error.code).toBe('AB_VARIANTS');
    const patched = await omni.call('POST', '/api/v1/campaigns', {
      name: 'Correo a medias',
      channel: 'email',
      variants: [
        { key: 'A', share: 50, content: { templateId, subject: 'Uno' } },
        { key: 'B', share: 50, content: { templateId, subject: 'Dos' } },
      ],
      ab: { metric: 'click', testMinutes: 60, testShare: 20 },
    });
    expect(patched.status).toBe(201);
    // Moving the draft to SMS meets its own click metric.
    const moved = await omni.call('PATCH', `/api/v1/campaigns/${patched.body.id}`, { channel: 'sms' });
    expect(moved.status).toBe(422);
    expect(moved.body.error.code).toBe('AB_METRIC_CHANNEL');
  });

  it('picks the winner by opens after the test period and sends it to the rest, one mail each', async () => {
    const workspace = await omni.handle.db.query.workspaces.findFirst();
    const { segmentId } = await seedAudience(omni.handle.db, {
      workspaceId: workspace!.id,
      count: people,
      channel: 'email',
      optOutEvery,
    });
    const templateId = await newsletter();
    const created = await omni.call('POST', '/api/v1/campaigns', {
      name: 'Oferta de verano',
      channel: 'email',
      segmentId,
      variants: [
        { key: 'A', share: 50, content: { templateId, subject: 'Solo hoy: 20 % menos' } },
        {
          key: 'B',
          share: 50,
          content: { templateId, subject: '{{ contact.first_name }}, tu regalo te espera' },
        },
      ],
      ab: { metric: 'open', testMinutes, testShare: 40 },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(created.body.ab).toMatchObject({ metric: 'open', testMinutes, testShare: 40, winner: null });
    expect((await omni.call('POST', `/api/v1/campaigns/${id}/start`)).status).toBe(200);

    // The test share is mailed now; the rest wait for the winner.
    const reachable = people - people / optOutEvery;
    const held = await eventually(async () => {
      const [row] = await queryRows<{ held: string; pending: string; total: string }>(
        omni.handle.db,
        sql`select count(*) filter (where status = 'held') as held,
            count(*) filter (where status = 'pending') as pending, count(*) as total
          from campaign_recipients where campaign_id = ${id}::uuid`,
      );
      const heldCount = Number(row!.held);
      return Number(row!.total) === people &&
        Number(row!.pending) === 0 &&
        sink.mails.length === reachable - heldCount
        ? heldCount
        : undefined;
    }, 60_000);
    expect(held).toBeGreaterThan(reachable * 0.4);
    expect(held).toBeLessThan(reachable * 0.8);
    const heldAddresses = (
      await queryRows<{ address: string }>(
        omni.handle.db,
        sql`select address from campaign_recipients where campaign_id = ${id}::uuid and status = 'held'`,
      )
    ).map((r) => r.address);
    const during = (await omni.call('GET', `/api/v1/campaigns/${id}/stats`)).body;
    expect(during.held).toBe(held);

    const tested = await Promise.all(sink.mails.map(read));
    const bySubject = (b: boolean) => tested.filter((m) => m.subject.endsWith('tu regalo te espera') === b);
    const a = bySubject(false);
    const b = bySubject(true);
    expect(a.length).toBeGreaterThan(0);
    expect(b.length).toBeGreaterThan(0);
    expect(a.every((m) => m.subject === 'Solo hoy: 20 % menos')).toBe(true);
    // B's readers open more: every other B mail against one A mail in five, over HTTP.
    const opened = [...b.filter((_, i) => i % 2 === 0), ...a.filter((_, i) => i % 5 === 0)];
    for (const mail of opened) {
      expect(mail.pixel).toBeDefined();
      const url = new URL(mail.pixel!);
      const hit = await fetch(`${served.url}${url.pathname}`, { headers: { 'user-agent': reader } });
      expect(hit.status).toBe(200);
      expect(hit.headers.get('content-type')).toBe('image/gif');
    }
    // A forged pixel counts nothing.
    const forged = await fetch(
      `${served.url}${new URL(a[0]!.pixel!).pathname.replace(/[^/]+$/, 'x'.repeat(22))}`,
    );
    expect(forged.status).toBe(404);

    // Waiting on the result lets the time-skipping server jump the test period.
    await env.client.workflow.getHandle(`campaign-${id}`).result();

    const campaign = (await omni.call('GET', `/api/v1/campaigns/${id}`)).body;
    expect(campaign.status).toBe('completed');
    expect(campaign.ab).toMatchObject({ winner: 'B', decision: 'rate' });
    const results = Object.fromEntries(
      campaign.ab.results.map((r: { key: string; sent: number; hits: number }) => [r.key, r]),
    );
    expect(results.A).toMatchObject({ sent: a.length, hits: a.filter((_, i) => i % 5 === 0).length });
    expect(results.B).toMatchObject({ sent: b.length, hits: b.filter((_, i) => i % 2 === 0).length });

    const all = await Promise.all(sink.mails.map(read));
    expect(all.length).toBe(reachable);
    expect(new Set(all.map((m) => m.to)).size).toBe(reachable);
    const rest = all.filter((m) => heldAddresses.includes(m.to));
    expect(rest.length).toBe(held);
    for (const mail of rest) expect(mail.subject).toMatch(/^Ana\d+, tu regalo te espera$/);

    const stats = (await omni.call('GET', `/api/v1/campaigns/${id}/stats`)).body;
    expect(stats).toMatchObject({
      targeted: people,
      held: 0,
      queued: 0,
      sent: reachable,
      opened: opened.length,
    });
    const perVariant = Object.fromEntries(
      stats.variants.map((v: { variant: string; sent: number; opened: number }) => [v.variant, v]),
    );
    expect(perVariant.A).toMatchObject({ sent: a.length, opened: a.filter((_, i) => i % 5 === 0).length });
    expect(perVariant.B).toMatchObject({ sent: b.length + held });
  }, 180_000);
});
