import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { campaigns, newId, webhookDeliveries } from '@omniflow/db';
import { SandboxDriver } from '@omniflow/nodes/drivers/messaging';
import { eq, sql } from 'drizzle-orm';
import { createApp } from '../src/api/create-app.ts';
import { createApiKey } from '../src/api/api-keys.ts';
import { createCampaignControlActivities } from '../src/campaigns/campaign-activities.ts';
import { recordCall } from '../src/recordings/record-call.ts';
import { handOversSettled } from '../src/transactional/accept-message.ts';
import { emitWebhookEvents } from '../src/webhooks/emit-webhook-events.ts';
import { createWebhookDispatcher } from '../src/webhooks/webhook-dispatcher.ts';
import { webhookEventTypes } from '../src/webhooks/webhook-event-types.ts';
import { eventually, publishFlow, startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';
import { verifyFromDocs } from './webhooks/doc-verifier.ts';

// Outbound webhooks against a real HTTP receiver on loopback, real PostgreSQL and a real Temporal
// dev server (the worker's dispatcher sends); every request is checked with a verifier written
// from docs/webhooks.md alone.

interface Received {
  path: string;
  body: string;
  event: { id: string; type: string; createdAt: string; workspaceId: string; data: Record<string, unknown> };
  headers: Record<string, string | string[] | undefined>;
  answered: number;
  verified: boolean;
}

const approval = {
  schemaVersion: 1,
  name: 'Webhook run',
  trigger: { node: 'start' },
  nodes: [
    { id: 'start', type: 'flow.start', version: 1, config: {}, position: { x: 0, y: 0 } },
    {
      id: 'end',
      type: 'flow.end',
      version: 1,
      config: { output: { done: 'yes' } },
      position: { x: 0, y: 100 },
    },
  ],
  edges: [{ id: 'e1', from: { node: 'start', port: 'next' }, to: { node: 'end' } }],
  variables: [],
};

describe.skipIf(!inject('postgresUrl'))('outbound webhooks', () => {
  let omni: TestOmniflow;
  let worker: Worker;
  let receiver: Server;
  let base: string;
  let workspaceId: string;
  const received: Received[] = [];
  let allId = '';
  // Each subscription gets a path of its own; what the receiver answers there, and its secret.
  const answers = new Map<string, (attempt: number) => number>();
  const secrets = new Map<string, string>();

  const listen = (server: Server, port = 0) =>
    new Promise<number>((resolve) =>
      server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
    );
  const receiverOn = () =>
    createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const path = req.url ?? '';
        const signature = req.headers['omniflow-signature'];
        const verified = verifyFromDocs(
          secrets.get(path) ?? '',
          typeof signature === 'string' ? signature : undefined,
          body,
        );
        const event = JSON.parse(body) as Received['event'];
        const attempt = received.filter((r) => r.path === path && r.event.id === event.id).length;
        const answered = verified ? (answers.get(path)?.(attempt) ?? 200) : 401;
        received.push({ path, body, event, headers: req.headers, answered, verified });
        res.writeHead(answered).end();
      });
    });
  const stopServer = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

  const subscribe = async (path: string, events: readonly string[], answer?: (attempt: number) => number) => {
    const made = await omni.call('POST', '/api/v1/webhook-subscriptions', { url: `${base}${path}`, events });
    expect(made.status).toBe(201);
    expect(made.body.secret).toMatch(/^whsec_/);
    secrets.set(path, made.body.secret);
    if (answer) answers.set(path, answer);
    return made.body.id as string;
  };
  const at = (path: string) => received.filter((r) => r.path === path);
  const deliveriesOf = async (id: string) =>
    (await omni.call('GET', `/api/v1/webhook-subscriptions/${id}/deliveries`)).body.deliveries as {
      id: string;
      eventId: string;
      eventType: string;
      state: string;
      nextAttemptAt: string | null;
      attempts: { statusCode: number | null; durationMs: number; error: string | null }[];
    }[];

  beforeAll(async () => {
    receiver = receiverOn();
    base = `http://127.0.0.1:${await listen(receiver)}`;
    omni = await startTestOmniflow({
      db: 'postgres',
      worker: false,
      channels: { sms: new SandboxDriver('sms') },
      env: {
        OMNIFLOW_HTTP_ALLOW_PRIVATE: '1',
        OMNIFLOW_WEBHOOK_POLL_MS: '100',
        OMNIFLOW_WEBHOOK_RETRY_BASE_MS: '300',
      },
      appDeps: { channels: { sms: new SandboxDriver('sms') }, webhookAllowPrivate: true },
    });
    worker = await omni.startWorker();
    workspaceId = (await omni.handle.db.query.workspaces.findFirst())!.id;
  });
  afterAll(async () => {
    await handOversSettled();
    await omni?.close();
    await stopServer(receiver);
  });

  it('delivers run, message, call and campaign events, each signed as the documentation says', async () => {
    const path = '/all';
    const id = await subscribe(path, webhookEventTypes);
    allId = id;

    // A run: started and completed.
    const flow = await omni.call('POST', '/api/v1/flows', approval);
    expect(flow.status).toBe(201);
    expect((await omni.call('POST', `/api/v1/flows/${flow.body.id}/publish`, {})).status).toBe(201);
    const run = await omni.call('POST', '/api/v1/runs', { flowId: flow.body.id, input: {} });
    expect(run.status).toBe(201);

    // A message through the send API: the SMS sandbox reports sent, then delivered.
    const sent = await omni.call('POST', '/api/v1/messages', {
      channel: 'sms',
      to: '+51987650101',
      text: 'Su cita es mañana',
    });
    expect(sent.status).toBe(202);

    // A person writes on the sandbox SMS channel.
    const inbound = await omni.call('POST', '/api/v1/sandbox/messages', {
      channel: 'sms',
      from: '+51987650109',
      text: 'hola',
    });
    expect(inbound.status).toBe(200);

    // A call's record, written at its start and at its end as a voice activity does.
    const startedAt = new Date();
    const call = {
      workspaceId,
      callId: `sip-${newId()}`,
      driver: 'sip',
      from: '+51987650102',
      to: '100',
      startedAt,
    };
    await recordCall(omni.handle.db, call);
    await recordCall(omni.handle.db, {
      ...call,
      answeredAt: startedAt,
      endedAt: new Date(),
      hangupSide: 'caller',
    });

    // A scheduled campaign whose time comes, then ends.
    const campaignId = newId();
    await omni.handle.db.insert(campaigns).values({
      id: campaignId,
      workspaceId,
      name: 'Recordatorio',
      kind: 'broadcast',
      channels: ['sms'],
      status: 'scheduled',
    });
    const control = createCampaignControlActivities(omni.handle.db, {});
    await control.campaignStarted(campaignId);
    await control.campaignFinished(campaignId, 'completed');

    const expected = [
      'run.started',
      'run.completed',
      'message.sent',
      'message.delivered',
      'message.received',
      'call.started',
      'call.ended',
      'campaign.started',
      'campaign.finished',
    ];
    await eventually(async () => {
      const types = new Set(at(path).map((r) => r.event.type));
      return expected.every((t) => types.has(t)) ? true : undefined;
    });
    for (const r of at(path)) {
      expect(r.verified, `${r.event.type} verifies`).toBe(true);
      expect(r.headers['omniflow-event-id']).toBe(r.event.id);
      expect(r.headers['omniflow-event-type']).toBe(r.event.type);
      expect(r.headers['content-type']).toBe('application/json');
      expect(r.event.workspaceId).toBe(workspaceId);
      expect(Number.isNaN(Date.parse(r.event.createdAt))).toBe(false);
    }
    const byType = (type: string) => at(path).find((r) => r.event.type === type)!.event.data;
    expect(byType('run.completed')).toMatchObject({
      flowId: flow.body.id,
      version: 1,
      runId: run.body.id,
      status: 'completed',
      output: { done: 'yes' },
    });
    expect(byType('run.started')).toMatchObject({ runId: run.body.id, flowId: flow.body.id, version: 1 });
    expect(byType('message.delivered')).toMatchObject({
      messageId: sent.body.id,
      channel: 'sms',
      status: 'delivered',
      to: '+51987650101',
    });
    expect(byType('message.received')).toMatchObject({ channel: 'sms', from: '+51987650109', text: 'hola' });
    expect(byType('call.ended')).toMatchObject({ from: '+51987650102', hangupSide: 'caller' });
    expect(byType('campaign.finished')).toMatchObject({
      campaignId,
      name: 'Recordatorio',
      status: 'completed',
    });
    // The end written twice (the path is added after the hang-up) is one event.
    expect(at(path).filter((r) => r.event.type === 'call.ended')).toHaveLength(1);

    // The log holds each delivery with its one successful attempt.
    const log = await deliveriesOf(id);
    expect(log.every((d) => d.state === 'delivered' && d.attempts.length === 1)).toBe(true);
    expect(log[0]!.attempts[0]!.statusCode).toBe(200);
  });

  it('fails the documented check with a wrong secret, a changed body or an old timestamp', async () => {
    const request = received.find((r) => r.verified)!;
    const header = request.headers['omniflow-signature'] as string;
    expect(verifyFromDocs(secrets.get(request.path)!, header, request.body)).toBe(true);
    expect(verifyFromDocs('whsec_not-the-secret', header, request.body)).toBe(false);
    expect(verifyFromDocs(secrets.get(request.path)!, header, `${request.body} `)).toBe(false);
    const later = Date.now() + 301_000;
    expect(verifyFromDocs(secrets.get(request.path)!, header, request.body, later)).toBe(false);
  });

  it('retries a receiver that answers 500, and the log shows both attempts', async () => {
    const path = '/flaky';
    const id = await subscribe(path, ['call.started'], (attempt) => (attempt === 0 ? 500 : 200));
    const call = await recordCall(omni.handle.db, {
      workspaceId,
      callId: `sip-${newId()}`,
      driver: 'sip',
      from: '+51987650103',
      to: '100',
      startedAt: new Date(),
    });
    const log = await eventually(async () => {
      const found = (await deliveriesOf(id)).find((d) => d.state === 'delivered');
      return found;
    });
    expect(log.attempts.map((a) => a.statusCode)).toEqual([500, 200]);
    expect(log.attempts[0]!.error).toContain('500');
    expect(log.attempts.every((a) => a.durationMs >= 0)).toBe(true);
    expect(at(path).map((r) => r.answered)).toEqual([500, 200]);
    // Both tries were the same event, signed afresh each time.
    expect(new Set(at(path).map((r) => r.event.id)).size).toBe(1);
    expect(at(path)[0]!.event.data.callId).toBe(call.id);
  });

  it('keeps retrying while the receiver is down and delivers once it is back, losing nothing', async () => {
    const down = createServer();
    const port = await listen(down);
    await stopServer(down);
    const path = '/later';
    const id = await subscribe(path, ['message.received']);
    // The subscription points at a port where nothing listens yet.
    await omni.call('PATCH', `/api/v1/webhook-subscriptions/${id}`, {
      url: `http://127.0.0.1:${port}${path}`,
    });
    const events = Array.from({ length: 5 }, (_, i) => ({
      workspaceId,
      type: 'message.received' as const,
      key: `down-${i}-${newId()}`,
      data: { messageId: newId(), channel: 'sms', status: 'received', from: `+5198765020${i}` },
    }));
    await emitWebhookEvents(omni.handle.db, events);
    const failing = await eventually(async () => {
      const log = await deliveriesOf(id);
      return log.length === 5 && log.every((d) => d.attempts.length >= 2) ? log : undefined;
    });
    for (const d of failing) {
      expect(d.state).toBe('pending');
      expect(d.nextAttemptAt).not.toBeNull();
      expect(d.attempts.every((a) => a.statusCode === null && a.error)).toBe(true);
    }
    const back = receiverOn();
    await listen(back, port);
    try {
      await eventually(async () => (at(path).length >= 5 ? true : undefined), 30_000);
      expect(new Set(at(path).map((r) => r.event.data.from))).toEqual(
        new Set(events.map((e) => e.data.from)),
      );
      expect(at(path).every((r) => r.verified)).toBe(true);
    } finally {
      await stopServer(back);
    }
  });

  it('keeps events in the outbox across a worker restart', async () => {
    const path = '/restart';
    const id = await subscribe(path, ['campaign.paused']);
    await worker.shutdown();
    await eventually(async () => (worker.getState() === 'STOPPED' ? true : undefined));
    await emitWebhookEvents(omni.handle.db, [
      { workspaceId, type: 'campaign.paused', data: { campaignId: newId(), status: 'paused' } },
    ]);
    const pending = await omni.handle.db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.subscriptionId, id));
    expect(pending.map((d) => d.state)).toEqual(['pending']);
    worker = await omni.startWorker();
    await eventually(async () => (at(path).length === 1 ? true : undefined));
    expect(at(path)[0]!.verified).toBe(true);
  });

  it('replays a delivery with the same event id', async () => {
    const path = '/replay';
    const id = await subscribe(path, ['campaign.resumed']);
    await emitWebhookEvents(omni.handle.db, [
      { workspaceId, type: 'campaign.resumed', data: { campaignId: newId(), status: 'running' } },
    ]);
    const [first] = await eventually(async () => {
      const log = await deliveriesOf(id);
      return log[0]?.state === 'delivered' ? log : undefined;
    });
    const replay = await omni.call(
      'POST',
      `/api/v1/webhook-subscriptions/${id}/deliveries/${first!.id}/replay`,
    );
    expect(replay.status).toBe(202);
    expect(replay.body.eventId).toBe(first!.eventId);
    await eventually(async () => (at(path).length === 2 ? true : undefined));
    expect(at(path).map((r) => r.event.id)).toEqual([first!.eventId, first!.eventId]);
    expect(at(path)[1]!.body).toBe(at(path)[0]!.body);
    expect(at(path).every((r) => r.verified)).toBe(true);
    const after = await eventually(async () => {
      const log = await deliveriesOf(id);
      return log[0]?.attempts.length === 2 && log[0].state === 'delivered' ? log : undefined;
    });
    expect(after).toHaveLength(1);
    // Another subscription's delivery, or none, is 404.
    const missing = await omni.call(
      'POST',
      `/api/v1/webhook-subscriptions/${id}/deliveries/${newId()}/replay`,
    );
    expect(missing.status).toBe(404);
  });

  it('keeps nothing for a paused subscription, and sends again once resumed', async () => {
    const path = '/paused';
    const id = await subscribe(path, ['campaign.started']);
    const paused = await omni.call('PATCH', `/api/v1/webhook-subscriptions/${id}`, { active: false });
    expect(paused.body.active).toBe(false);
    expect(paused.body.secret).toBeUndefined();
    await emitWebhookEvents(omni.handle.db, [
      { workspaceId, type: 'campaign.started', data: { campaignId: newId() } },
    ]);
    expect(await deliveriesOf(id)).toEqual([]);
    await omni.call('PATCH', `/api/v1/webhook-subscriptions/${id}`, { active: true });
    await emitWebhookEvents(omni.handle.db, [
      { workspaceId, type: 'campaign.started', data: { campaignId: newId() } },
    ]);
    await eventually(async () => (at(path).length === 1 ? true : undefined));
  });

  it('refuses bad input with clear 400s and 422s, and non-admins with 403', async () => {
    const strict = createApp({ ...omni.deps, webhookAllowPrivate: false });
    const post = async (body: unknown, language = 'en') => {
      const response = await strict.request('/api/v1/webhook-subscriptions', {
        method: 'POST',
        headers: {
          authorization: `Bearer ${omni.apiKey}`,
          'content-type': 'application/json',
          'accept-language': language,
        },
        body: JSON.stringify(body),
      });
      return {
        status: response.status,
        body: (await response.json()) as { error: { code: string; message: string } },
      };
    };
    const events = ['message.delivered'];
    for (const url of [
      'http://10.1.2.3/hook',
      'http://127.0.0.1:9/x',
      'http://[::1]/',
      'ftp://example.org/x',
      'not a url',
      'https://u:p@example.org/',
    ]) {
      const refused = await post({ url, events });
      expect(refused.status, url).toBe(422);
      expect(refused.body.error.code).toBe('WEBHOOK_URL_REFUSED');
    }
    expect((await post({ url: 'http://127.0.0.1/', events })).body.error.message).toContain('loopback');
    expect((await post({ url: 'http://127.0.0.1/', events }, 'es')).body.error.message).toContain('privada');
    expect((await post({ url: 'not a url', events })).body.error.message).toContain('is not a URL');

    const unknown = await post({ url: 'https://example.org/x', events: ['message.exploded'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(unknown.body.error)).toContain('message.delivered');
    expect((await post({ url: 'https://example.org/x', events: [] })).status).toBe(400);
    expect((await post({ events })).status).toBe(400);
    expect((await post({ url: 'https://example.org/x', events, secret: 'mine' })).status).toBe(400);

    const id = newId();
    expect((await omni.call('GET', `/api/v1/webhook-subscriptions/${id}`)).status).toBe(404);
    expect((await omni.call('PATCH', `/api/v1/webhook-subscriptions/${id}`, { active: true })).status).toBe(
      404,
    );
    expect((await omni.call('DELETE', `/api/v1/webhook-subscriptions/${id}`)).status).toBe(404);
    expect((await omni.call('GET', '/api/v1/webhook-subscriptions/not-an-id')).status).toBe(400);
    const existing = (await omni.call('GET', '/api/v1/webhook-subscriptions')).body.subscriptions[0].id;
    expect((await omni.call('PATCH', `/api/v1/webhook-subscriptions/${existing}`, {})).status).toBe(400);
    const badUrl = await strict.request(`/api/v1/webhook-subscriptions/${existing}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${omni.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ url: 'http://192.168.1.1/' }),
    });
    expect(badUrl.status).toBe(422);

    const { key } = await createApiKey(omni.handle.db, workspaceId, 'reader', null, 'supervisor');
    const forbidden = await omni.call('GET', '/api/v1/webhook-subscriptions', undefined, {
      authorization: `Bearer ${key}`,
    });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.message).toContain('admin');
    // Listing never shows a secret.
    const list = await omni.call('GET', '/api/v1/webhook-subscriptions');
    expect(JSON.stringify(list.body)).not.toContain('whsec_');
  });

  it('keeps a burst of 5,000 events in a handful of statements and delivers every one, signed', async () => {
    // The catch-all subscription of the first test would double the work: it goes.
    expect((await omni.call('DELETE', `/api/v1/webhook-subscriptions/${allId}`)).status).toBe(204);
    const path = '/burst';
    await subscribe(path, ['message.delivered']);
    const db = omni.handle.db;
    let statements = 0;
    const counting = new Proxy(db, {
      get(target, property, receiver) {
        if (property !== 'execute') return Reflect.get(target, property, receiver);
        return (...args: Parameters<typeof db.execute>) => {
          statements++;
          return target.execute(...args);
        };
      },
    });
    const events = Array.from({ length: 5000 }, (_, i) => ({
      workspaceId,
      type: 'message.delivered' as const,
      key: `burst-${i}`,
      data: {
        messageId: newId(),
        channel: 'sms',
        status: 'delivered',
        to: `+519876${String(i).padStart(5, '0')}`,
      },
    }));
    const keptFrom = performance.now();
    await emitWebhookEvents(counting, events);
    const keptMs = performance.now() - keptFrom;
    // 500 events a statement (statementBatcher's batch), not one each.
    expect(statements).toBeLessThanOrEqual(12);
    const sentFrom = performance.now();
    await eventually(async () => (at(path).length >= 5000 ? true : undefined), 120_000);
    const sentMs = performance.now() - sentFrom;
    expect(at(path).every((r) => r.verified)).toBe(true);
    expect(new Set(at(path).map((r) => r.event.id)).size).toBe(5000);
    console.log(
      `Outbound webhooks: 5000 events kept in ${statements} statements, ${Math.round(keptMs)} ms; ` +
        `delivered to a loopback receiver in ${Math.round(sentMs)} ms (${Math.round(5000 / (sentMs / 1000))}/s)`,
    );
  }, 180_000);

  it('forgets ended deliveries older than the log keeps, never a pending one', async () => {
    const path = '/old';
    const id = await subscribe(path, ['run.failed']);
    await emitWebhookEvents(omni.handle.db, [
      { workspaceId, type: 'run.failed', data: { runId: newId(), status: 'failed' } },
      { workspaceId, type: 'run.failed', data: { runId: newId(), status: 'failed' } },
    ]);
    await eventually(async () => (at(path).length === 2 ? true : undefined));
    const [kept] = await deliveriesOf(id);
    await omni.handle.db.execute(
      sql`update webhook_deliveries set created_at = now() - interval '40 days' where subscription_id = ${id}`,
    );
    await omni.handle.db.execute(
      sql`update webhook_deliveries set state = 'pending', next_attempt_at = now() + interval '1 day' where id = ${kept!.id}`,
    );
    const dispatcher = createWebhookDispatcher({
      db: omni.handle.db,
      keyring: omni.deps.secretKeyring!,
      allowPrivate: true,
    });
    expect(await dispatcher.pruneLog(30)).toBe(1);
    expect((await deliveriesOf(id)).map((d) => d.id)).toEqual([kept!.id]);
  });

  it('removes a subscription with its log', async () => {
    const id = await subscribe('/gone', ['run.failed']);
    expect((await omni.call('DELETE', `/api/v1/webhook-subscriptions/${id}`)).status).toBe(204);
    expect((await omni.call('GET', `/api/v1/webhook-subscriptions/${id}/deliveries`)).status).toBe(404);
  });
  it('tells run.started and run.completed of a subflow’s child run as of any run', async () => {
    const path = '/subflows';
    await subscribe(path, ['run.started', 'run.completed']);
    const child = await publishFlow(omni, { ...approval, name: 'Webhook child' });
    const parent = await publishFlow(omni, {
      ...approval,
      name: 'Webhook parent',
      nodes: [
        approval.nodes[0],
        {
          id: 'call',
          type: 'flow.call',
          version: 1,
          config: { flowId: child, inputs: { who: 'Ana' } },
          position: { x: 0, y: 50 },
        },
        { ...approval.nodes[1], config: { output: { child: '{{ nodes.call.output.done }}' } } },
      ],
      edges: [
        { id: 'e1', from: { node: 'start', port: 'next' }, to: { node: 'call' } },
        { id: 'e2', from: { node: 'call', port: 'done' }, to: { node: 'end' } },
      ],
    });
    const run = await omni.call('POST', '/api/v1/runs', { flowId: parent, input: {} });
    expect(run.status).toBe(201);
    const events = await eventually(async () => {
      const got = at(path).map((r) => r.event);
      return got.length >= 4 ? got : undefined;
    }, 60_000);
    const childRunId = (await omni.call('GET', `/api/v1/runs/${run.body.id}`)).body.childRuns[0].id as string;
    const of = (runId: string) =>
      events
        .filter((e) => e.data.runId === runId)
        .map((e) => [e.type, e.data.flowId])
        .sort();
    expect(of(childRunId)).toEqual([
      ['run.completed', child],
      ['run.started', child],
    ]);
    expect(of(run.body.id)).toEqual([
      ['run.completed', parent],
      ['run.started', parent],
    ]);
    expect(events.find((e) => e.type === 'run.started' && e.data.runId === childRunId)!.data).toEqual({
      runId: childRunId,
      flowId: child,
      version: 1,
    });
    expect(at(path).every((r) => r.verified)).toBe(true);
  });
});
