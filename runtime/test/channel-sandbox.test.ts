import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactChannels, credentials } from '@omniflow/db';
import { createCredentialsStore } from '../src/credentials/credentials-store.ts';
import { loadSecretKeyring } from '../src/credentials/secret-keyring.ts';
import { channelDriversFromEnv } from '../src/messaging/channel-drivers.ts';
import { sendOnlyFlow } from './support/flows.ts';
import { publishFlow, runReaches, startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

const secretKey = randomBytes(32).toString('base64');
const whatsAppCloud = {
  provider: 'whatsapp-cloud',
  config: { phoneNumberId: '106540352242922' },
  secrets: { accessToken: 'token', appSecret: 'app-secret', verifyToken: 'verify-me' },
};

const survey = {
  name: 'Survey',
  nodes: [
    { id: 'hi', type: 'message.inbound', config: { channel: 'whatsapp' } },
    {
      id: 'happy',
      type: 'message.ask',
      config: { channel: 'whatsapp', question: '¿Te atendimos bien?', expect: 'text' },
    },
    { id: 'end', type: 'flow.end', config: { output: { answer: '{{ nodes.happy.output.answer }}' } } },
  ],
  edges: [
    { id: 'e1', from: { node: 'hi', port: 'next' }, to: { node: 'happy' } },
    { id: 'e2', from: { node: 'happy', port: 'answered' }, to: { node: 'end' } },
    { id: 'e3', from: { node: 'happy', port: 'timeout' }, to: { node: 'end' } },
  ],
};

// The drivers `omniflow api`/`worker` get without OMNIFLOW_SANDBOX=1: no sandbox behind a
// channel that has no provider.
describe('channels on a server that refuses the sandbox (omniflow api/worker)', () => {
  let omni: TestOmniflow;
  let workspaceId: string;

  beforeAll(async () => {
    const env = { OMNIFLOW_WEBCHAT_SECRET: randomBytes(24).toString('base64url') };
    omni = await startTestOmniflow({
      env: { OMNIFLOW_SECRET_KEY: secretKey },
      channels: channelDriversFromEnv(env, { sandbox: false }),
    });
    workspaceId = (await omni.handle.db.query.workspaces.findFirst())!.id;
  });
  afterAll(async () => omni?.close());

  const sms = (path: string) => omni.call('GET', `/api/v1/channels${path}`);

  it('fails a send on a channel with no provider with CHANNEL_NOT_CONFIGURED, recorded as failed', async () => {
    const flowId = await publishFlow(omni, sendOnlyFlow('Notice', 'sms', 'Tu cita es mañana'));
    const run = await omni.call('POST', '/api/v1/runs', { flowId, input: { phone: '+34600333444' } });
    const done = await runReaches(omni, run.body.id, ['completed', 'failed']);
    expect(done).toMatchObject({
      status: 'failed',
      failedNodeId: 'tell',
      error: { code: 'CHANNEL_NOT_CONFIGURED' },
    });
    expect(done.error.message).toContain('sms');
    expect(done.error.message).toContain('OMNIFLOW_SANDBOX=1');
    const sent = await omni.call('GET', `/api/v1/messages?runId=${run.body.id}`);
    expect(sent.body.items).toMatchObject([
      { direction: 'outbound', status: 'failed', errorCode: 'CHANNEL_NOT_CONFIGURED' },
    ]);

    const listed = await sms('');
    expect(listed.body.items.find((i: { channel: string }) => i.channel === 'sms')).toMatchObject({
      source: 'none',
      provider: null,
      sandbox: false,
    });
    expect(listed.body.sandboxInUse).toEqual([]);
  });

  it('says which channels published flows use are on the sandbox, in GET /channels and to any member', async () => {
    expect((await omni.call('PUT', '/api/v1/channels/sms', { provider: 'sandbox' })).status).toBe(200);
    const listed = await sms('');
    expect(listed.body.items.find((i: { channel: string }) => i.channel === 'sms')).toMatchObject({
      source: 'settings',
      provider: 'sandbox',
      sandbox: true,
    });
    expect(listed.body.sandboxInUse).toEqual([
      { channel: 'sms', flows: [{ id: expect.any(String), name: 'Notice' }] },
    ]);
    expect((await sms('/sandbox')).body).toEqual({ sandboxInUse: listed.body.sandboxInUse });

    // A channel on the sandbox that no published flow uses raises no warning.
    expect((await omni.call('DELETE', '/api/v1/channels/sms')).status).toBe(204);
    expect((await sms('/sandbox')).body).toEqual({ sandboxInUse: [] });
  });

  it('refuses a made-up message on a channel with a real provider (409 CHANNEL_NOT_SANDBOX), so no STOP lands', async () => {
    expect((await omni.call('PUT', '/api/v1/channels/whatsapp', whatsAppCloud)).status).toBe(200);
    const forged = await omni.call('POST', '/api/v1/sandbox/messages', {
      channel: 'whatsapp',
      from: '+34600111222',
      text: 'STOP',
    });
    expect(forged.status).toBe(409);
    expect(forged.body.error.code).toBe('CHANNEL_NOT_SANDBOX');
    expect(forged.body.error.message).toContain('whatsapp');
    const optOut = await omni.handle.db
      .select()
      .from(contactChannels)
      .where(and(eq(contactChannels.workspaceId, workspaceId), eq(contactChannels.address, '+34600111222')));
    expect(optOut).toEqual([]);

    // Nor on a channel with no provider at all: nothing there is a sandbox either.
    const unconfigured = await omni.call('POST', '/api/v1/sandbox/messages', {
      channel: 'sms',
      from: '+34600111222',
      text: 'BAJA',
    });
    expect(unconfigured.status).toBe(409);
    expect(unconfigured.body.error.message).toContain('OMNIFLOW_SANDBOX=1');

    // A channel an admin put on the sandbox takes them.
    await omni.call('PUT', '/api/v1/channels/sms', { provider: 'sandbox' });
    const onSandbox = await omni.call('POST', '/api/v1/sandbox/messages', {
      channel: 'sms',
      from: '+34600111222',
      text: 'BAJA',
    });
    expect(onSandbox.status).toBe(200);
    expect(onSandbox.body.outcome).toBe('opted-out');
    // An address no phone or mailbox has (the API fuzz found the 500 it caused) is a 400.
    const huge = await omni.call('POST', '/api/v1/sandbox/messages', {
      channel: 'sms',
      from: 'x'.repeat(300_000),
      text: 'hola',
    });
    expect(huge.status).toBe(400);
    expect(huge.body.error.message).toContain('at most 320 characters');
    await omni.call('DELETE', '/api/v1/channels/sms');
  });

  it('lets the phone simulator write on web chat, but never as a real visitor’s session', async () => {
    const phone = await omni.call('POST', '/api/v1/sandbox/messages', {
      channel: 'webchat',
      from: '+34600999888',
      text: 'hola',
    });
    expect(phone.status).toBe(200);
    const visitor = await omni.call('POST', '/api/v1/sandbox/messages', {
      channel: 'webchat',
      from: randomBytes(16).toString('hex'),
      text: 'STOP',
    });
    expect(visitor.status).toBe(409);
    expect(visitor.body.error.code).toBe('CHANNEL_NOT_SANDBOX');
  });

  it('keeps the builder simulator’s test conversation working on a channel with a real provider', async () => {
    const flowId = (await omni.call('POST', '/api/v1/flows', survey)).body.id as string;
    const started = await omni.call('POST', `/api/v1/flows/${flowId}/test-runs`, {
      message: { channel: 'whatsapp', text: 'hola' },
    });
    expect(started.status).toBe(201);
    const { id: runId, conversation } = started.body;
    await runReaches(omni, runId, ['waiting']);
    const reply = await omni.call('POST', '/api/v1/sandbox/messages', {
      channel: 'whatsapp',
      from: conversation.address,
      text: 'muy bien',
    });
    expect(reply.body).toEqual({ outcome: 'delivered', runId });
    expect(await runReaches(omni, runId, ['completed', 'failed'])).toMatchObject({
      status: 'completed',
      output: { answer: 'muy bien' },
    });
    // A sim- address no test run owns is no way around the check.
    const madeUp = await omni.call('POST', '/api/v1/sandbox/messages', {
      channel: 'whatsapp',
      from: 'sim-000000000000',
      text: 'hola',
    });
    expect(madeUp.status).toBe(409);
  });

  it('refuses WhatsApp settings its driver would refuse (422 naming the field) and keeps the saved ones', async () => {
    const refused = await omni.call('PUT', '/api/v1/channels/whatsapp', {
      ...whatsAppCloud,
      config: { phoneNumberId: 'abc' },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('CHANNEL_SETTINGS_INVALID');
    expect(refused.body.error.message).toContain('config.phoneNumberId');
    expect(refused.body.error.details.fields).toEqual([
      { field: 'config.phoneNumberId', message: expect.any(String) },
    ]);
    const listed = await omni.call('GET', '/api/v1/channels');
    expect(listed.body.items.find((i: { channel: string }) => i.channel === 'whatsapp').config).toMatchObject(
      {
        phoneNumberId: whatsAppCloud.config.phoneNumberId,
      },
    );
    const verify = await omni.app.request(
      '/api/v1/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=42',
    );
    expect(verify.status).toBe(200);
  });

  it('answers a webhook whose saved settings cannot build a driver with 503 and the reason, not 500', async () => {
    // A row saved before settings were checked with the driver's rules.
    const store = createCredentialsStore(omni.handle.db, () =>
      loadSecretKeyring({ OMNIFLOW_SECRET_KEY: secretKey }),
    );
    await store.save(workspaceId, 'whatsapp', {
      provider: 'whatsapp-cloud',
      config: { phoneNumberId: 'abc', apiVersion: 'v21.0' },
      secrets: whatsAppCloud.secrets,
    });
    const [row] = await omni.handle.db.select().from(credentials).where(eq(credentials.channel, 'whatsapp'));
    expect(row!.config).toMatchObject({ phoneNumberId: 'abc' });

    const webhook = await omni.app.request('/api/v1/webhooks/whatsapp', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': 'sha256=00' },
      body: '{}',
    });
    expect(webhook.status).toBe(503);
    const body = (await webhook.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('CHANNEL_SETTINGS_INVALID');
    expect(body.error.message).toContain('save them again');
    const handshake = await omni.app.request(
      '/api/v1/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=42',
    );
    expect(handshake.status).toBe(503);
  });
});
