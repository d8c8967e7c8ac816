import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { callRecords } from '@omniflow/db';
import { FakeTwilioVoice } from '@omniflow/nodes/drivers/voice/testing';
import { createApp } from '../src/api/create-app.ts';
import { loadRegistry } from '../src/server/load-registry.ts';
import { startTwimlVoiceHost, type TwimlVoiceHost } from '../src/voice/index.ts';
import { listen } from './support/serve-omniflow.ts';
import {
  eventually,
  latestRunOf,
  publishFlow,
  runReaches,
  startTestOmniflow,
  type TestOmniflow,
} from './support/test-omniflow.ts';

// Calls from a Twilio-compatible provider end to end: a loopback fake Twilio (published wire
// format: signed form POSTs, TwiML parsed and run verb by verb, status callbacks) calls the API's
// voice webhook; the run goes through Temporal, and its voice nodes run on the API's call queue.

const timeout = 120_000;
const account = { accountSid: `AC${'5'.repeat(32)}`, authToken: 'twilio-voice-auth-token' };
const ourNumber = '+34910000100';

const helpDesk = {
  name: 'Mesa de ayuda Twilio',
  nodes: [
    { id: 'call', type: 'voice.inbound-call', config: { numbers: [ourNumber] } },
    {
      id: 'menu',
      type: 'voice.menu',
      config: {
        prompt: 'Pulse 1 para ventas, 2 para soporte',
        language: 'es',
        options: [
          { digit: '1', id: 'sales', label: 'Ventas' },
          { digit: '2', id: 'support', label: 'Soporte' },
        ],
        timeout: 'PT5S',
        maxRetries: 0,
      },
    },
    { id: 'sales', type: 'voice.say', config: { text: 'Le pasamos con ventas', language: 'es' } },
    { id: 'support', type: 'voice.say', config: { text: 'Le pasamos con soporte', language: 'es' } },
    { id: 'bye', type: 'voice.hangup', config: {} },
  ],
  edges: [
    { id: 'e1', from: { node: 'call', port: 'next' }, to: { node: 'menu' } },
    { id: 'e2', from: { node: 'menu', port: 'sales' }, to: { node: 'sales' } },
    { id: 'e3', from: { node: 'menu', port: 'support' }, to: { node: 'support' } },
    { id: 'e4', from: { node: 'sales', port: 'next' }, to: { node: 'bye' } },
    { id: 'e5', from: { node: 'support', port: 'next' }, to: { node: 'bye' } },
  ],
};

let omni: TestOmniflow;
let host: TwimlVoiceHost;
let server: Awaited<ReturnType<typeof listen>>;
let twilio: FakeTwilioVoice;
let voiceUrl: string;

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
  const workspace = (await omni.handle.db.query.workspaces.findFirst())!;
  const saved = await omni.call('PUT', '/api/v1/channels/sms', {
    provider: 'twilio',
    config: { accountSid: account.accountSid, from: ourNumber },
    secrets: { authToken: account.authToken },
  });
  expect(saved.status).toBe(200);
  voiceUrl = `${server.url}/api/v1/webhooks/twilio/${workspace.id}/voice`;
  twilio = new FakeTwilioVoice({
    voiceUrl,
    statusCallbackUrl: `${voiceUrl}/status`,
    authToken: account.authToken,
  });
  await twilio.start();
  await publishFlow(omni, helpDesk);
}, timeout);

afterAll(async () => {
  await host?.stop();
  await server?.close();
  await twilio?.stop();
  await omni?.close();
});

const finished = ['completed', 'failed', 'abandoned', 'cancelled'];

describe('a voice IVR flow called through Twilio webhooks', () => {
  it(
    'reads the menu with <Say>, routes digit 2 to support and hangs up; the call record says twiml',
    async () => {
      const caller = '+34600111001';
      const call = await twilio.placeCall({ from: caller, to: ourNumber, digits: ['2'] });
      console.log(
        'TwiML requests of one call (ms):',
        call.requests
          .map((r) => `${new URL(r.url).pathname.split('/voice')[1] || '/'} ${r.ms.toFixed(0)}`)
          .join(', '),
      );
      expect(call.end).toBe('hangup-verb');
      expect(call.said).toEqual([
        { text: 'Pulse 1 para ventas, 2 para soporte', language: 'es-ES' },
        { text: 'Le pasamos con soporte', language: 'es-ES' },
      ]);

      const runId = await eventually(() => latestRunOf(omni, caller));
      const run = await runReaches(omni, runId, finished, 60_000);
      expect(run.status).toBe('completed');
      expect(run.steps.map((s: { nodeId: string; port?: string }) => [s.nodeId, s.port])).toEqual([
        ['call', 'next'],
        ['menu', 'support'],
        ['support', 'next'],
        ['bye', 'next'],
      ]);
      expect(run.input).toMatchObject({ callId: call.sid, from: caller, to: ourNumber });
      const record = await eventually(async () => {
        const [row] = await omni.handle.db.select().from(callRecords).where(eq(callRecords.callId, call.sid));
        return row?.endedAt ? row : undefined;
      });
      expect(record).toMatchObject({ driver: 'twiml', hangupSide: 'flow', runId });
      expect(host.calls.size).toBe(0);
    },
    timeout,
  );

  it(
    'refuses a webhook with a bad signature: 403 and no run',
    async () => {
      const caller = '+34600111002';
      const call = await twilio.placeCall({ from: caller, to: ourNumber, signature: 'wrong' });
      expect(call.requests[0]!.status).toBe(403);
      expect(JSON.parse(call.error!)).toMatchObject({ error: { code: 'SIGNATURE_INVALID' } });
      expect(await latestRunOf(omni, caller)).toBeUndefined();
    },
    timeout,
  );

  it(
    'rejects a call to a number no published flow holds',
    async () => {
      const caller = '+34600111003';
      const call = await twilio.placeCall({ from: caller, to: '+34910999999' });
      expect(call).toMatchObject({ end: 'rejected', rejectReason: 'rejected' });
      expect(await latestRunOf(omni, caller)).toBeUndefined();
    },
    timeout,
  );

  it(
    'ends the run as abandoned at the menu when the caller hangs up there',
    async () => {
      const caller = '+34600111004';
      const call = await twilio.placeCall({ from: caller, to: ourNumber, hangUpAt: { verb: 'Gather' } });
      expect(call.end).toBe('caller');
      const runId = await eventually(() => latestRunOf(omni, caller));
      const run = await runReaches(omni, runId, finished, 60_000);
      expect(run.status).toBe('abandoned');
      expect(run.error).toMatchObject({ code: 'CALLER_HUNG_UP', nodeId: 'menu' });
      const [record] = await omni.handle.db
        .select()
        .from(callRecords)
        .where(eq(callRecords.callId, call.sid));
      expect(record).toMatchObject({ driver: 'twiml', hangupSide: 'caller' });
    },
    timeout,
  );

  it(
    'keeps 20 concurrent calls apart: each caller hears the branch of the key they pressed',
    async () => {
      const callers = Array.from({ length: 20 }, (_, i) => ({
        from: `+3460022${String(i).padStart(4, '0')}`,
        digit: i % 2 ? '1' : '2',
      }));
      const calls = await Promise.all(
        callers.map((c) => twilio.placeCall({ from: c.from, to: ourNumber, digits: [c.digit] })),
      );
      calls.forEach((call, i) => {
        expect(call.end).toBe('hangup-verb');
        expect(call.said[1]!.text).toBe(
          callers[i]!.digit === '1' ? 'Le pasamos con ventas' : 'Le pasamos con soporte',
        );
      });
      // From the caller's keys reaching us to the TwiML of the next prompt: through Temporal
      // (menu activity ends, workflow task, say activity starts) and back.
      const latencies = calls
        .map((call) => call.requests.find((r) => r.url.includes('/gathered/'))!.ms)
        .sort((a, b) => a - b);
      const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
      console.log(
        `TwiML digits → next prompt, 20 concurrent calls: p50 ${at(0.5).toFixed(0)} ms, max ${at(1).toFixed(0)} ms`,
      );
      for (const c of callers) {
        const run = await runReaches(
          omni,
          (await eventually(() => latestRunOf(omni, c.from)))!,
          finished,
          60_000,
        );
        expect(run.status).toBe('completed');
      }
    },
    timeout,
  );

  it('answers 404 for a workspace that does not exist and 400 for a body that is not a call', async () => {
    const unknown = await fetch(`${server.url}/api/v1/webhooks/twilio/${randomUUID()}/voice`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'CallSid=CA1',
    });
    expect(unknown.status).toBe(404);
    const { twilioSignature } = await import('@omniflow/nodes/drivers/sms');
    const params = new URLSearchParams({ From: '+34600111005' });
    const malformed = await fetch(voiceUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': twilioSignature(account.authToken, voiceUrl, params),
      },
      body: params.toString(),
    });
    expect(malformed.status).toBe(400);
    expect((await malformed.json()) as object).toMatchObject({ error: { code: 'WEBHOOK_INVALID' } });
  });
});
