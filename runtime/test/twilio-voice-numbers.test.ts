import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runs } from '@omniflow/db';
import { FakeTwilioVoice } from '@omniflow/nodes/drivers/voice/testing';
import { createApp } from '../src/api/create-app.ts';
import { loadRegistry } from '../src/server/load-registry.ts';
import { startTwimlVoiceHost, type TwimlVoiceHost } from '../src/voice/index.ts';
import { listen } from './support/serve-omniflow.ts';
import { eventually, publishFlow, startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

// Voice webhooks of several Twilio numbers, each on an account of its own: a call to a further
// number of a workspace is checked with THAT number's auth token and answered by that workspace.

const timeout = 120_000;
const numbers = {
  main: { number: '+34910000301', accountSid: `AC${'31'.repeat(16)}`, authToken: 'token-main' },
  extra: { number: '+34910000302', accountSid: `AC${'32'.repeat(16)}`, authToken: 'token-extra' },
};

const answering = (name: string, number: string, text: string) => ({
  name,
  nodes: [
    { id: 'call', type: 'voice.inbound-call', config: { numbers: [number] } },
    { id: 'hello', type: 'voice.say', config: { text, language: 'es' } },
    { id: 'bye', type: 'voice.hangup', config: {} },
  ],
  edges: [
    { id: 'e1', from: { node: 'call', port: 'next' }, to: { node: 'hello' } },
    { id: 'e2', from: { node: 'hello', port: 'next' }, to: { node: 'bye' } },
  ],
});

let omni: TestOmniflow;
let host: TwimlVoiceHost;
let server: Awaited<ReturnType<typeof listen>>;
let workspaceA: string;
let workspaceB: string;
const fakes: FakeTwilioVoice[] = [];

/** A Twilio number's console settings: its voice webhook URL, and the token it signs with. */
async function twilioCalling(workspaceId: string, authToken: string) {
  const voiceUrl = `${server.url}/api/v1/webhooks/twilio/${workspaceId}/voice`;
  const fake = new FakeTwilioVoice({ voiceUrl, statusCallbackUrl: `${voiceUrl}/status`, authToken });
  await fake.start();
  fakes.push(fake);
  return fake;
}

const runsOf = async (contact: string) =>
  omni.handle.db
    .select({ workspaceId: runs.workspaceId, status: runs.status })
    .from(runs)
    .where(eq(runs.contact, contact));

beforeAll(async () => {
  omni = await startTestOmniflow();
  host = await startTwimlVoiceHost({
    db: omni.handle.db,
    temporal: omni.temporal,
    address: inject('temporalAddress'),
    taskQueue: omni.taskQueue,
    registry: await loadRegistry({}),
  });
  server = await listen(createApp({ ...omni.deps, twimlVoice: host }));
  workspaceA = (await omni.handle.db.query.workspaces.findFirst())!.id;
  const saved = await omni.call('PUT', '/api/v1/channels/sms', {
    provider: 'twilio',
    config: { accountSid: numbers.main.accountSid, from: numbers.main.number },
    secrets: { authToken: numbers.main.authToken },
  });
  expect(saved.status).toBe(200);
  await publishFlow(omni, answering('Centralita A', numbers.main.number, 'Hola, esto es A'));

  // Workspace B has no Twilio settings of its own: only a further number, on another account.
  const login = await omni.app.request('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(omni.admin),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const asAdmin = { cookie, origin: 'http://localhost', authorization: '' };
  workspaceB = (await omni.call('POST', '/api/v1/workspaces', { name: 'B' }, asAdmin)).body.id;
  await omni.call('POST', `/api/v1/workspaces/${workspaceB}/switch`, undefined, asAdmin);
  const keyB = (await omni.call('POST', '/api/v1/api-keys', { name: 'B', role: 'admin' }, asAdmin)).body.key;
  const b = { authorization: `Bearer ${keyB}` };
  const added = await omni.call(
    'POST',
    '/api/v1/channels/sms/numbers',
    {
      name: 'Citas',
      provider: 'twilio',
      config: { accountSid: numbers.extra.accountSid, from: numbers.extra.number },
      secrets: { authToken: numbers.extra.authToken },
    },
    b,
  );
  expect(added.status).toBe(201);
  const flowB = await omni.call(
    'POST',
    '/api/v1/flows',
    answering('Citas B', numbers.extra.number, 'Citas de B'),
    b,
  );
  expect((await omni.call('POST', `/api/v1/flows/${flowB.body.id}/publish`, {}, b)).status).toBe(201);
}, timeout);

afterAll(async () => {
  await host?.stop();
  await server?.close();
  for (const fake of fakes) await fake.stop();
  await omni?.close();
});

describe('voice webhooks of several Twilio numbers', () => {
  it(
    'answers a call to a workspace’s further number, signed with that number’s token, with that workspace’s flow',
    async () => {
      const caller = '+34600333001';
      const twilio = await twilioCalling(workspaceB, numbers.extra.authToken);
      const call = await twilio.placeCall({ from: caller, to: numbers.extra.number });
      expect(call.end).toBe('hangup-verb');
      expect(call.said.map((s) => s.text)).toEqual(['Citas de B']);
      // Every later request of the call (the status callback too) passed the same check.
      expect(call.requests.every((r) => r.status < 300)).toBe(true);
      const [run] = await eventually(async () => {
        const found = await runsOf(caller);
        return found[0]?.status === 'completed' ? found : undefined;
      }, 60_000);
      expect(run!.workspaceId).toBe(workspaceB);
    },
    timeout,
  );

  it(
    'still answers the workspace’s own number with its own token',
    async () => {
      const caller = '+34600333002';
      const twilio = await twilioCalling(workspaceA, numbers.main.authToken);
      const call = await twilio.placeCall({ from: caller, to: numbers.main.number });
      expect(call.said.map((s) => s.text)).toEqual(['Hola, esto es A']);
      const [run] = await eventually(async () => {
        const found = await runsOf(caller);
        return found[0]?.status === 'completed' ? found : undefined;
      }, 60_000);
      expect(run!.workspaceId).toBe(workspaceA);
    },
    timeout,
  );

  it(
    'refuses a call to the further number signed with another number’s token (403), and no run starts',
    async () => {
      const caller = '+34600333003';
      // Signed with the workspace A number's token: the account that owns A's line, not this one.
      const forged = await twilioCalling(workspaceB, numbers.main.authToken);
      const call = await forged.placeCall({ from: caller, to: numbers.extra.number });
      expect(call.end).toBe('http-error');
      expect(call.requests[0]!.status).toBe(403);
      expect(JSON.parse(call.error!)).toMatchObject({ error: { code: 'SIGNATURE_INVALID' } });
      // And the main number's token no longer lets the main line's calls through the other way round.
      const backwards = await twilioCalling(workspaceA, numbers.extra.authToken);
      const other = await backwards.placeCall({ from: caller, to: numbers.main.number });
      expect(other.requests[0]!.status).toBe(403);
      expect(await runsOf(caller)).toEqual([]);
    },
    timeout,
  );

  it(
    'refuses another workspace’s number on this workspace’s webhook URL (404), whoever signed it',
    async () => {
      const caller = '+34600333004';
      const crossed = await twilioCalling(workspaceA, numbers.extra.authToken);
      const call = await crossed.placeCall({ from: caller, to: numbers.extra.number });
      expect(call.requests[0]!.status).toBe(404);
      expect(await runsOf(caller)).toEqual([]);
    },
    timeout,
  );
});
