import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApplicationFailure } from '@temporalio/activity';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { messages, newId } from '@omniflow/db';
import { SandboxDriver } from '@omniflow/nodes/drivers/messaging';
import { createApp } from '../src/api/create-app.ts';
import { createApiKey } from '../src/api/api-keys.ts';
import { handOversSettled, transactionalWorkflowId } from '../src/transactional/accept-message.ts';
import { createStatusWebhookActivities } from '../src/transactional/status-webhook-activities.ts';
import { verifyStatusNotice } from '../src/transactional/status-webhook-signature.ts';
import { eventually, startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

// The send API's status webhook against a real HTTP receiver on loopback, real PostgreSQL and a
// real Temporal dev server; SMS goes to the sandbox, which reports sent then delivered.

interface Received {
  body: string;
  signature: string | undefined;
  notice: { id: string; status: string; channel: string; to: string; at: string; idempotencyKey?: string };
  answered: number;
}

describe.skipIf(!inject('postgresUrl'))('status webhook of the send API', () => {
  let omni: TestOmniflow;
  let receiver: Server;
  let url: string;
  let secret: string;
  const received: Received[] = [];
  // What the receiver answers to a notice: by default 200.
  let answerFor: (notice: Received['notice'], attempt: number) => number = () => 200;

  // The 202 does not wait for the workflow's start: it is under way once the hand-overs settle.
  const resultOf = async (id: string) => {
    await handOversSettled();
    return omni.temporal.workflow.getHandle(transactionalWorkflowId(id)).result();
  };
  const noticesOf = (id: string) => received.filter((r) => r.notice.id === id);
  const send = async (to: string, extra: object = {}) => {
    const sent = await omni.call('POST', '/api/v1/messages', {
      channel: 'sms',
      to,
      text: 'Su cita es mañana',
      ...extra,
    });
    expect(sent.status).toBe(202);
    return sent.body.id as string;
  };

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const notice = JSON.parse(body) as Received['notice'];
        const attempt = received.filter(
          (r) => r.notice.id === notice.id && r.notice.status === notice.status,
        ).length;
        const answered = answerFor(notice, attempt);
        received.push({
          body,
          signature: req.headers['omniflow-signature'] as string | undefined,
          notice,
          answered,
        });
        res.writeHead(answered).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/omniflow/statuses`;
    omni = await startTestOmniflow({
      db: 'postgres',
      channels: { sms: new SandboxDriver('sms') },
      env: { OMNIFLOW_HTTP_ALLOW_PRIVATE: '1' },
      appDeps: { channels: { sms: new SandboxDriver('sms') }, webhookAllowPrivate: true },
    });
  });
  afterAll(async () => {
    await handOversSettled();
    await omni?.close();
    await new Promise((resolve) => receiver?.close(resolve));
  });

  it('is set by an admin, who sees the secret once; others may not', async () => {
    expect((await omni.call('GET', '/api/v1/workspace/webhook')).status).toBe(404);
    const saved = await omni.call('PUT', '/api/v1/workspace/webhook', { url });
    expect(saved.status).toBe(200);
    expect(saved.body.url).toBe(url);
    expect(saved.body.secret).toMatch(/^whsec_[\w-]{43}$/);
    secret = saved.body.secret;
    const read = await omni.call('GET', '/api/v1/workspace/webhook');
    expect(read.body).toEqual({ url, updatedAt: expect.any(String) });
    // Changing the URL alone keeps the secret receivers check with.
    const again = await omni.call('PUT', '/api/v1/workspace/webhook', { url });
    expect(again.body.secret).toBeUndefined();

    const workspaceId = (await omni.handle.db.query.workspaces.findFirst())!.id;
    const designer = await createApiKey(omni.handle.db, workspaceId, 'billing', null, 'designer');
    const denied = await omni.app.request('/api/v1/workspace/webhook', {
      method: 'PUT',
      headers: { authorization: `Bearer ${designer.key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ url }),
    });
    expect(denied.status).toBe(403);
  });

  it('POSTs each status in order, signed, with the caller’s idempotency key', async () => {
    const id = await send('+51987650001', { idempotencyKey: 'order-77' });
    const notices = await eventually(async () => {
      const got = noticesOf(id);
      return got.some((r) => r.notice.status === 'delivered') ? got : undefined;
    });
    expect(notices.map((r) => r.notice.status)).toEqual(['queued', 'sent', 'delivered']);
    for (const r of notices) {
      expect(verifyStatusNotice(secret, r.signature, r.body)).toBe(true);
      expect(r.notice).toMatchObject({ id, channel: 'sms', to: '+51987650001', idempotencyKey: 'order-77' });
    }
    // A body changed on the way, or the wrong secret, does not verify.
    const [first] = notices;
    expect(verifyStatusNotice(secret, first!.signature, first!.body.replace('queued', 'sent'))).toBe(false);
    expect(verifyStatusNotice('whsec_other', first!.signature, first!.body)).toBe(false);
    // Nor a signature older than the receiver's tolerance (a replay).
    const later = new Date(Date.now() + 10 * 60_000);
    expect(verifyStatusNotice(secret, first!.signature, first!.body, { now: later })).toBe(false);
    const result = await resultOf(id);
    expect(result.map((r: { outcome: string }) => r.outcome)).toEqual([
      'delivered',
      'delivered',
      'delivered',
    ]);
  });

  it('sends a notice again after a 500, and keeps the order', async () => {
    answerFor = (notice, attempt) => (notice.status === 'sent' && attempt < 2 ? 500 : 200);
    const id = await send('+51987650002');
    const notices = await eventually(async () => {
      const got = noticesOf(id);
      return got.some((r) => r.notice.status === 'delivered') ? got : undefined;
    }, 30_000);
    expect(notices.map((r) => `${r.notice.status}:${r.answered}`)).toEqual([
      'queued:200',
      'sent:500',
      'sent:500',
      'sent:200',
      'delivered:200',
    ]);
    answerFor = () => 200;
  });

  it('stops a notice the receiver refuses with a 4xx, and records it', async () => {
    answerFor = (notice) => (notice.status === 'sent' ? 410 : 200);
    const id = await send('+51987650003');
    const result = await resultOf(id);
    expect(result).toEqual([
      expect.objectContaining({ index: 0, outcome: 'delivered' }),
      expect.objectContaining({ index: 1, outcome: 'rejected', code: 'WEBHOOK_REJECTED' }),
      expect.objectContaining({ index: 2, outcome: 'delivered' }),
    ]);
    expect(noticesOf(id).map((r) => `${r.notice.status}:${r.answered}`)).toEqual([
      'queued:200',
      'sent:410',
      'delivered:200',
    ]);
    answerFor = () => 200;
  });

  it('refuses URLs it must not POST to (422) and malformed input (400)', async () => {
    // An install that does not allow private targets, as production runs.
    const strict = createApp({ ...omni.deps, webhookAllowPrivate: false });
    const put = async (body: unknown) => {
      const response = await strict.request('/api/v1/workspace/webhook', {
        method: 'PUT',
        headers: { authorization: `Bearer ${omni.apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return {
        status: response.status,
        body: (await response.json()) as { error: { code: string; message: string } },
      };
    };
    for (const bad of [
      url,
      'http://10.1.2.3/hook',
      'http://[::1]:8080/',
      'http://localhost/x',
      'ftp://example.org/x',
      'not a url',
      'https://user:pw@example.org/x',
    ]) {
      const refused = await put({ url: bad });
      expect(refused.status, bad).toBe(422);
      expect(refused.body.error.code).toBe('WEBHOOK_URL_REFUSED');
    }
    expect((await put({ url: 'http://127.0.0.1/' })).body.error.message).toContain('loopback');
    expect((await put({})).status).toBe(400);
    expect((await put({ url, extra: 1 })).status).toBe(400);
    // The refused URLs changed nothing.
    expect((await omni.call('GET', '/api/v1/workspace/webhook')).body.url).toBe(url);
  });

  it('tells only news: a repeated status or a late receipt that another overtook is not sent', async () => {
    const id = newId();
    const at = (s: number) => new Date(Date.UTC(2026, 11, 7, 9, 0, s)).toISOString();
    await omni.handle.db.insert(messages).values({
      id,
      workspaceId: (await omni.handle.db.query.workspaces.findFirst())!.id,
      channel: 'sms',
      direction: 'outbound',
      contactAddress: '+51987650006',
      idempotencyKey: 'api:key:01a2:factura-8',
      body: { to: '+51987650006', text: 'x' },
      status: 'delivered',
      statusHistory: [
        { status: 'queued', at: at(0) },
        { status: 'delivered', at: at(2) },
        { status: 'sent', at: at(1) },
        { status: 'delivered', at: at(3) },
      ],
    });
    const activities = createStatusWebhookActivities({
      db: omni.handle.db,
      keyring: omni.deps.secretKeyring!,
      allowPrivate: true,
    });
    const outcomes = [];
    for (const index of [0, 1, 2, 3])
      outcomes.push((await activities.notifyMessageStatus(id, index)).outcome);
    expect(outcomes).toEqual(['delivered', 'delivered', 'unchanged', 'unchanged']);
    expect(noticesOf(id).map((r) => r.notice)).toEqual([
      { id, status: 'queued', channel: 'sms', to: '+51987650006', at: at(0), idempotencyKey: 'factura-8' },
      { id, status: 'delivered', channel: 'sms', to: '+51987650006', at: at(2), idempotencyKey: 'factura-8' },
    ]);
  });

  it('refuses at delivery a URL that reaches a private address, without retrying', async () => {
    // The URL was allowed when saved (this install allows private targets); a worker that does
    // not, or a name that now resolves inward, is caught when connecting.
    const id = await send('+51987650005');
    await resultOf(id);
    const before = received.length;
    const strict = createStatusWebhookActivities({
      db: omni.handle.db,
      keyring: omni.deps.secretKeyring!,
      allowPrivate: false,
    });
    const refused = await strict.notifyMessageStatus(id, 0).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApplicationFailure);
    expect(refused).toMatchObject({ type: 'HTTP_TARGET_BLOCKED', nonRetryable: true });
    expect(received.length).toBe(before);
  });

  it('is removed with DELETE, and then messages are not told', async () => {
    expect((await omni.call('DELETE', '/api/v1/workspace/webhook')).status).toBe(204);
    expect((await omni.call('DELETE', '/api/v1/workspace/webhook')).status).toBe(404);
    const id = await send('+51987650004');
    expect(await resultOf(id)).toEqual([]);
    expect(noticesOf(id)).toEqual([]);
  });
});
