import { eq } from 'drizzle-orm';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { messages, templates, newId, quotas } from '@omniflow/db';
import { SandboxDriver } from '@omniflow/nodes/drivers/messaging';
import { createApiKey } from '../src/api/api-keys.ts';
import { startPendingSends } from '../src/transactional/start-pending-sends.ts';
import { handOversSettled } from '../src/transactional/accept-message.ts';
import { eventually, startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

// The transactional send API on real PostgreSQL and a real Temporal dev server: SMS and email
// go to sandboxes (which report delivered), WhatsApp has no provider.

const xmlParser = new XMLParser({ parseTagValue: false });

describe.skipIf(!inject('postgresUrl'))('POST /api/v1/messages (transactional send API)', () => {
  let omni: TestOmniflow;
  let workspaceId: string;
  let designerKey: string;
  let agentKey: string;
  let designerKeyId: string;

  async function request(
    method: string,
    path: string,
    body?: string,
    headers: Record<string, string> = {},
    key = designerKey,
  ) {
    const started = performance.now();
    const response = await omni.app.request(path, {
      method,
      headers: { authorization: `Bearer ${key}`, ...headers },
      ...(body === undefined ? {} : { body }),
    });
    const ms = performance.now() - started;
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    return {
      status: response.status,
      type,
      text,
      ms,
      body: type.includes('json') ? JSON.parse(text) : xmlParser.parse(text),
    };
  }
  const post = (body: object, key?: string) =>
    request('POST', '/api/v1/messages', JSON.stringify(body), { 'content-type': 'application/json' }, key);

  const delivered = (id: string) =>
    eventually(async () => {
      const got = await request('GET', `/api/v1/messages/${id}`);
      return got.body.status === 'delivered' ? got : undefined;
    });

  beforeAll(async () => {
    omni = await startTestOmniflow({
      db: 'postgres',
      channels: { sms: new SandboxDriver('sms'), email: new SandboxDriver('email') },
      // The API's own (as a separate process has): otherwise both apply each sandbox receipt.
      appDeps: { channels: { sms: new SandboxDriver('sms'), email: new SandboxDriver('email') } },
    });
    workspaceId = (await omni.handle.db.query.workspaces.findFirst())!.id;
    const designer = await createApiKey(omni.handle.db, workspaceId, 'billing app', null, 'designer');
    designerKey = designer.key;
    designerKeyId = designer.id;
    agentKey = (await createApiKey(omni.handle.db, workspaceId, 'inbox', null, 'agent')).key;
  });
  afterAll(async () => {
    await handOversSettled();
    await omni?.close();
  });

  it('answers 202 with the id, sends it in the background, and shows its status with history', async () => {
    const sent = await post({ channel: 'sms', to: '+51987654321', text: 'Su código es 4821' });
    expect(sent.status).toBe(202);
    expect(sent.body).toMatchObject({
      channel: 'sms',
      to: '+51987654321',
      status: 'queued',
      apiKeyId: designerKeyId,
    });
    const got = await delivered(sent.body.id);
    expect(got.body.statusHistory.map((s: { status: string }) => s.status)).toEqual([
      'queued',
      'sent',
      'delivered',
    ]);
    const [row] = await omni.handle.db.select().from(messages).where(eq(messages.id, sent.body.id));
    expect(row).toMatchObject({
      apiKeyId: designerKeyId,
      runId: null,
      body: { to: '+51987654321', text: 'Su código es 4821' },
    });
  });

  it('sends the same message once for the same idempotencyKey (200 with the first one)', async () => {
    const body = { channel: 'sms', to: '+51987000001', text: 'Pago recibido', idempotencyKey: 'invoice-991' };
    const [first, again] = [await post(body), await post(body)];
    expect([first.status, again.status]).toEqual([202, 200]);
    expect(again.body.id).toBe(first.body.id);
    const concurrent = await Promise.all(
      [1, 2, 3].map(() => post({ ...body, idempotencyKey: 'invoice-992' })),
    );
    expect(new Set(concurrent.map((r) => r.body.id)).size).toBe(1);
    expect(concurrent.map((r) => r.status).sort()).toEqual([200, 200, 202]);
    await delivered(first.body.id);
    const rows = await omni.handle.db
      .select()
      .from(messages)
      .where(eq(messages.contactAddress, '+51987000001'));
    expect(rows).toHaveLength(2);
    const reused = await post({ ...body, to: '+51987000002' });
    expect(reused.status).toBe(409);
    expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('takes XML and answers XML, errors included', async () => {
    const xml = `<?xml version="1.0"?><message><channel>sms</channel><to>+34600111222</to>
      <text>Cita confirmada &amp; pagada</text><idempotencyKey>007</idempotencyKey></message>`;
    const sent = await request('POST', '/api/v1/messages', xml, { 'content-type': 'application/xml' });
    expect(sent.status).toBe(202);
    expect(sent.type).toContain('application/xml');
    const id: string = sent.body.message.id;
    expect(sent.body.message).toMatchObject({ channel: 'sms', to: '+34600111222', status: 'queued' });
    await delivered(id);
    const got = await request('GET', `/api/v1/messages/${id}`, undefined, { accept: 'application/xml' });
    expect(got.body.message.status).toBe('delivered');
    expect(got.body.message.statusHistory.item.map((s: { status: string }) => s.status)).toEqual([
      'queued',
      'sent',
      'delivered',
    ]);
    const [row] = await omni.handle.db.select().from(messages).where(eq(messages.id, id));
    expect(row!.body).toMatchObject({ text: 'Cita confirmada & pagada' });

    const malformed = await request('POST', '/api/v1/messages', '<message><to>+346', {
      'content-type': 'application/xml',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('INVALID_XML');
    const missing = await request('POST', '/api/v1/messages', '<message><channel>sms</channel></message>', {
      'content-type': 'application/xml',
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(missing.body.error.message).toContain('to');
    const entity = await request(
      'POST',
      '/api/v1/messages',
      '<!DOCTYPE m [<!ENTITY a "aaaa">]><message><channel>sms</channel></message>',
      { 'content-type': 'application/xml' },
    );
    expect(entity.status).toBe(400);
  });

  it('refuses bad input with 400 in JSON, and what it cannot send with 422', async () => {
    const notJson = await request('POST', '/api/v1/messages', '{"channel": ', {
      'content-type': 'application/json',
    });
    expect([notJson.status, notJson.body.error.code]).toEqual([400, 'INVALID_JSON']);
    for (const bad of [
      { channel: 'fax', to: '+51987654321', text: 'x' },
      { channel: 'sms', to: '987654321', text: 'x' },
      { channel: 'sms', to: '+51987654321' },
      { channel: 'sms', to: '+51987654321', text: 'x', template: 'y' },
      { channel: 'email', to: 'not-an-address', text: 'x', subject: 's' },
      { channel: 'sms', to: '+51987654321', text: 'x', extra: true },
    ]) {
      const refused = await post(bad);
      expect(refused.status, JSON.stringify(bad)).toBe(400);
      expect(refused.body.error.code).toBe('VALIDATION_FAILED');
    }
    const noProvider = await post({ channel: 'whatsapp', to: '+51987654321', text: 'Hola' });
    expect([noProvider.status, noProvider.body.error.code]).toEqual([422, 'CHANNEL_NOT_CONFIGURED']);
    const noTemplate = await post({ channel: 'sms', to: '+51987654321', template: 'nope' });
    expect([noTemplate.status, noTemplate.body.error.code]).toEqual([422, 'TEMPLATE_NOT_FOUND']);
    const wrongType = await request('POST', '/api/v1/messages', 'channel=sms', {
      'content-type': 'text/plain',
    });
    expect(wrongType.status).toBe(415);
  });

  it('renders a library template with the variables sent', async () => {
    await omni.handle.db.insert(templates).values({
      id: newId(),
      workspaceId,
      name: 'otp',
      kind: 'text',
      variants: { es: { body: 'Hola {{ name }}, tu código es {{ vars.code }}' } },
    });
    const sent = await post({
      channel: 'sms',
      to: '+51987000003',
      template: 'otp',
      variables: { name: 'Ana', code: 1234 },
    });
    expect(sent.status).toBe(202);
    const [row] = await omni.handle.db.select().from(messages).where(eq(messages.id, sent.body.id));
    expect(row!.body).toMatchObject({ text: 'Hola Ana, tu código es 1234' });
  });

  it('lets designer and admin keys send, not agents; an agent reads a status', async () => {
    const refused = await post({ channel: 'sms', to: '+51987654321', text: 'x' }, agentKey);
    expect([refused.status, refused.body.error.code]).toEqual([403, 'FORBIDDEN']);
    const admin = await post({ channel: 'sms', to: '+51987000004', text: 'x' }, omni.apiKey);
    expect(admin.status).toBe(202);
    const read = await request('GET', `/api/v1/messages/${admin.body.id}`, undefined, {}, agentKey);
    expect(read.status).toBe(200);
    const unknown = await request('GET', `/api/v1/messages/${newId()}`);
    expect(unknown.status).toBe(404);
  });

  it('refuses with QUOTA_EXHAUSTED once the bag is used up', async () => {
    // The sandbox's sends never count, so the bag is set already used up by an adjustment.
    await omni.handle.db
      .insert(quotas)
      .values({ id: newId(), workspaceId, channel: 'email', period: 'month', amount: 0 });
    // Balances are read once a second (quotas/quota-gate.ts): the bag shows within about that.
    const mail = { channel: 'email', to: 'ana@example.org', text: 'Factura', subject: 'Factura' };
    const refused = await eventually(async () => {
      const answer = await post(mail);
      return answer.status === 202 ? undefined : answer;
    });
    expect([refused.status, refused.text]).toEqual([422, expect.stringContaining('QUOTA_EXHAUSTED')]);
  });

  it('starts the send of a message whose API process stopped before handing it over', async () => {
    const id = newId();
    await omni.handle.db.insert(messages).values({
      id,
      workspaceId,
      channel: 'sms',
      direction: 'outbound',
      contactAddress: '+51987000555',
      apiKeyId: designerKeyId,
      idempotencyKey: `api:${id}`,
      body: { to: '+51987000555', text: 'Recuperado' },
      status: 'queued',
      statusHistory: [{ status: 'queued', at: new Date().toISOString() }],
      createdAt: new Date(Date.now() - 60_000),
    });
    const deps = { db: omni.handle.db, temporal: omni.temporal, taskQueue: omni.taskQueue };
    expect(await startPendingSends(deps)).toBeGreaterThanOrEqual(1);
    await delivered(id);
    // Started once: a second sweep finds nothing queued, and a second start would be refused.
    expect(await startPendingSends(deps)).toBe(0);
  });
});
