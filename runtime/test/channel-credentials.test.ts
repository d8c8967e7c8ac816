import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { credentials, newId, users } from '@omniflow/db';
import { LoopbackSmsc } from '@omniflow/nodes/drivers/sms/testing';
import { hashPassword } from '../src/auth/passwords.ts';
import { createCredentialsStore } from '../src/credentials/credentials-store.ts';
import { loadSecretKeyring } from '../src/credentials/secret-keyring.ts';
import { sendOnlyFlow } from './support/flows.ts';
import { publishFlow, runReaches, startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';
import { loadRegistry } from '../src/server/load-registry.ts';
import { sandboxDrivers } from '../src/messaging/sandbox-drivers.ts';
import { createFlowWorker } from '../src/worker/flow-worker.ts';

const secretKey = randomBytes(32).toString('base64');
const smpp = { systemId: 'omniflow', password: 'smpp-pass-9' };
const twilioToken = 'a-twilio-auth-token-0123456789';

const databases = [
  { db: 'pglite' as const, enabled: true },
  { db: 'postgres' as const, enabled: Boolean(inject('postgresUrl')) },
];

describe.each(databases)('channel settings on $db', ({ db, enabled }) => {
  let omni: TestOmniflow;
  let smsc: LoopbackSmsc;
  let workspaceId: string;

  beforeAll(async () => {
    if (!enabled) return;
    smsc = await LoopbackSmsc.start(smpp);
    omni = await startTestOmniflow({ db, worker: false, env: { OMNIFLOW_SECRET_KEY: secretKey } });
    workspaceId = (await omni.handle.db.query.workspaces.findFirst())!.id;
  });
  afterAll(async () => {
    await omni?.close();
    await smsc?.stop();
  });

  const smppBody = () => ({
    provider: 'smpp',
    config: { ...smsc.address, systemId: smpp.systemId, sourceAddress: 'Omniflow' },
    secrets: { password: smpp.password },
  });

  it.skipIf(!enabled)(
    'saves a provider with its secret sealed: never in the row, never answered',
    async () => {
      const saved = await omni.call('PUT', '/api/v1/channels/sms', smppBody());
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({
        channel: 'sms',
        provider: 'smpp',
        source: 'settings',
        config: {
          host: '127.0.0.1',
          port: smsc.address.port,
          systemId: 'omniflow',
          sourceAddress: 'Omniflow',
        },
        secretsSet: ['password'],
      });
      const listed = await omni.call('GET', '/api/v1/channels');
      expect(
        listed.body.items.map((i: { channel: string; source: string }) => [i.channel, i.source]),
      ).toEqual([
        ['whatsapp', 'sandbox'],
        ['sms', 'settings'],
        ['webchat', 'sandbox'],
        ['email', 'sandbox'],
      ]);
      expect(JSON.stringify(saved.body) + JSON.stringify(listed.body)).not.toContain(smpp.password);

      const [row] = await omni.handle.db
        .select()
        .from(credentials)
        .where(eq(credentials.workspaceId, workspaceId));
      const stored = JSON.stringify(row);
      expect(stored).not.toContain(smpp.password);
      expect(stored).not.toContain(Buffer.from(smpp.password).toString('base64'));
      expect(row!.keyId).toBe(loadSecretKeyring({ OMNIFLOW_SECRET_KEY: secretKey }).current.id);
    },
  );

  it.skipIf(!enabled)(
    'opens with the install key, keeps a secret left out, and names the key when it is wrong',
    async () => {
      const store = createCredentialsStore(omni.handle.db, () =>
        loadSecretKeyring({ OMNIFLOW_SECRET_KEY: secretKey }),
      );
      expect((await store.read(workspaceId, 'sms'))!.settings).toMatchObject({
        provider: 'smpp',
        secrets: { password: smpp.password },
      });

      const changed = await omni.call('PUT', '/api/v1/channels/sms', {
        ...smppBody(),
        secrets: {},
        config: { ...smppBody().config, windowSize: 5 },
      });
      expect(changed.status).toBe(200);
      expect((await store.read(workspaceId, 'sms'))!.settings).toMatchObject({
        config: { windowSize: 5 },
        secrets: { password: smpp.password },
      });

      const wrong = createCredentialsStore(omni.handle.db, () =>
        loadSecretKeyring({ OMNIFLOW_SECRET_KEY: randomBytes(32).toString('hex') }),
      );
      await expect(wrong.read(workspaceId, 'sms')).rejects.toMatchObject({
        code: 'SECRET_KEY_MISMATCH',
        message: expect.stringContaining('Set OMNIFLOW_SECRET_KEY to the key they were saved with'),
      });
    },
  );

  it.skipIf(!enabled)('tests SMPP settings by binding to the SMSC', async () => {
    const tested = await omni.call('POST', '/api/v1/channels/sms/test');
    expect(tested.body).toEqual({ ok: true, message: `Bound to 127.0.0.1:${smsc.address.port}` });
    await omni.call('PUT', '/api/v1/channels/sms', { ...smppBody(), secrets: { password: 'wrong' } });
    const refused = await omni.call('POST', '/api/v1/channels/sms/test');
    expect(refused.body).toMatchObject({ ok: false, code: 'CHANNEL_AUTH_FAILED' });
  });

  it.skipIf(!enabled)(
    'refuses bodies that are malformed (400) or do not fit (422), with what to fix',
    async () => {
      const badPort = await omni.call('PUT', '/api/v1/channels/sms', {
        ...smppBody(),
        config: { ...smppBody().config, port: '2775' },
      });
      expect(badPort.status).toBe(400);
      expect(badPort.body.error.message).toContain('port must be a number');

      const unknown = await omni.call('PUT', '/api/v1/channels/sms', { provider: 'nexmo', config: {} });
      expect(unknown.status).toBe(400);

      const badChannel = await omni.call('PUT', '/api/v1/channels/fax', smppBody());
      expect(badChannel.status).toBe(400);

      const wrongChannel = await omni.call('PUT', '/api/v1/channels/whatsapp', smppBody());
      expect(wrongChannel.status).toBe(422);
      expect(wrongChannel.body.error).toMatchObject({
        code: 'PROVIDER_NOT_FOR_CHANNEL',
        message: 'smpp does not serve the whatsapp channel; use whatsapp-cloud or sandbox',
      });

      // Switching provider needs the new provider's secrets; the old ones are not carried over.
      const noToken = await omni.call('PUT', '/api/v1/channels/sms', {
        provider: 'twilio',
        config: { accountSid: `AC${'1'.repeat(32)}`, from: '+34911000002' },
      });
      expect(noToken.status).toBe(422);
      expect(noToken.body.error).toMatchObject({
        code: 'SECRETS_MISSING',
        message: 'twilio needs secrets.authToken',
      });

      const noSender = await omni.call('PUT', '/api/v1/channels/sms', {
        provider: 'twilio',
        config: { accountSid: `AC${'1'.repeat(32)}` },
        secrets: { authToken: twilioToken },
      });
      expect(noSender.status).toBe(400);
      expect(noSender.body.error.message).toContain('Twilio needs a sender');
    },
  );

  it.skipIf(!enabled)(
    'serves the WhatsApp webhook with saved settings: the verify token is the saved secret',
    async () => {
      const saved = await omni.call('PUT', '/api/v1/channels/whatsapp', {
        provider: 'whatsapp-cloud',
        config: { phoneNumberId: '106540352242922' },
        secrets: { accessToken: 'graph-token', appSecret: 'app-secret', verifyToken: 'saved-verify-token' },
      });
      expect(saved.status).toBe(200);
      const handshake = (token: string) =>
        omni.app.request(
          `/api/v1/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${token}&hub.challenge=42`,
        );
      const ok = await handshake('saved-verify-token');
      expect([ok.status, await ok.text()]).toEqual([200, '42']);
      expect((await handshake('another')).status).toBe(403);
      expect((await omni.call('DELETE', '/api/v1/channels/whatsapp')).status).toBe(204);
      expect((await handshake('saved-verify-token')).status).toBe(404);
    },
  );

  it.skipIf(!enabled)('lets only admins see or change channel settings', async () => {
    await omni.handle.db.insert(users).values({
      id: newId(),
      workspaceId,
      email: `designer-${db}@example.test`,
      passwordHash: await hashPassword('designer password'),
      role: 'designer',
    });
    const login = await omni.app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `designer-${db}@example.test`, password: 'designer password' }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const asDesigner = { cookie, authorization: '', origin: 'http://localhost' };
    for (const [method, path, body] of [
      ['GET', '/api/v1/channels', undefined],
      ['PUT', '/api/v1/channels/sms', { provider: 'sandbox' }],
      ['DELETE', '/api/v1/channels/sms', undefined],
    ] as const) {
      const refused = await omni.call(method, path, body, asDesigner);
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('FORBIDDEN');
    }
    const signedOut = await omni.call('GET', '/api/v1/channels', undefined, { authorization: '' });
    expect(signedOut.status).toBe(401);
  });

  it.skipIf(!enabled)('forgets a channel: it falls back to the sandbox', async () => {
    expect((await omni.call('DELETE', '/api/v1/channels/sms')).status).toBe(204);
    expect((await omni.call('DELETE', '/api/v1/channels/sms')).status).toBe(404);
    const listed = await omni.call('GET', '/api/v1/channels');
    expect(listed.body.items[1]).toMatchObject({ channel: 'sms', provider: 'sandbox', source: 'sandbox' });
    expect(await omni.handle.db.select().from(credentials)).toEqual([]);
  });
});

describe('a worker started with another secret key', () => {
  let omni: TestOmniflow;
  let smsc: LoopbackSmsc;

  beforeAll(async () => {
    smsc = await LoopbackSmsc.start(smpp);
    omni = await startTestOmniflow({ worker: false, env: { OMNIFLOW_SECRET_KEY: secretKey } });
  });
  afterAll(async () => {
    await omni?.close();
    await smsc?.stop();
  });

  it('fails the send with SECRET_KEY_MISMATCH naming the keys, and sends nothing', async () => {
    const saved = await omni.call('PUT', '/api/v1/channels/sms', {
      provider: 'smpp',
      config: { ...smsc.address, systemId: smpp.systemId, sourceAddress: 'Omniflow' },
      secrets: { password: smpp.password },
    });
    expect(saved.status).toBe(200);
    const otherKey = randomBytes(32).toString('base64');
    const worker = await createFlowWorker({
      address: inject('temporalAddress'),
      taskQueue: omni.taskQueue,
      db: omni.handle.db,
      registry: await loadRegistry({}),
      env: { ...process.env, OMNIFLOW_SECRET_KEY: otherKey, OMNIFLOW_CHANNEL_REFRESH_MS: '60000' },
      messagingDrivers: sandboxDrivers(),
    });
    const running = worker.run();
    try {
      const flowId = await publishFlow(omni, sendOnlyFlow('Aviso', 'sms', 'Hola'));
      const started = await omni.call('POST', '/api/v1/runs', { flowId, input: { phone: '+34600555001' } });
      const run = await runReaches(omni, started.body.id, ['failed', 'completed']);
      expect(run).toMatchObject({
        status: 'failed',
        failedNodeId: 'tell',
        error: {
          code: 'SECRET_KEY_MISMATCH',
          message: expect.stringContaining(`sealed with key ${saved.body.keyId}, but the key in use`),
        },
      });
      expect(smsc.received).toEqual([]);
      expect(smsc.binds).toEqual([]);
    } finally {
      worker.shutdown();
      await running;
    }
  });
});
