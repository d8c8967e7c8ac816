import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getHeader } from '@omniflow/nodes/drivers/voice';
import { listen } from './support/serve-omniflow.ts';
import {
  eventually,
  publishFlow,
  runReaches,
  startTestOmniflow,
  type TestOmniflow,
} from './support/test-omniflow.ts';
import { openSipSocket, WebRtcSipCall } from './support/webrtc-sip-caller.ts';

// The builder's browser phone end to end, without a browser: SIP over the API's WebSocket
// (RFC 7118) signed in by the session cookie, and a real WebRTC peer (werift: ICE, DTLS-SRTP,
// G.711) where Chromium would be. Prompts are spoken by espeak-ng + sox through the same call
// pipeline SIP callers get; the key goes up as RFC 4733 events.

const timeout = 180_000;

const ivr = (numbers: string[]) => ({
  name: 'IVR del navegador',
  nodes: [
    { id: 'call', type: 'voice.inbound-call', config: { numbers } },
    {
      id: 'menu',
      type: 'voice.menu',
      config: {
        prompt: 'Hola. Pulse 1 para ventas',
        language: 'es',
        options: [{ digit: '1', id: 'sales', label: 'Ventas' }],
        timeout: 'PT20S',
        maxRetries: 0,
      },
    },
    { id: 'sales', type: 'voice.say', config: { text: 'Le pasamos con ventas, un momento', language: 'es' } },
    { id: 'bye', type: 'voice.hangup', config: {} },
  ],
  edges: [
    { id: 'e1', from: { node: 'call', port: 'next' }, to: { node: 'menu' } },
    { id: 'e2', from: { node: 'menu', port: 'sales' }, to: { node: 'sales' } },
    { id: 'e3', from: { node: 'sales', port: 'next' }, to: { node: 'bye' } },
  ],
});

let omni: TestOmniflow;
let served: Awaited<ReturnType<typeof listen>>;
let work: string;
let cookie: string;
let draftFlowId: string;

const socketUrl = () => `${served.url.replace(/^http/, 'ws')}/api/v1/phone/sip`;
const own = () => ({ origin: served.url });

/** Packets heard from index `from` on whose level is above µ-law silence. */
const loudPackets = (call: WebRtcSipCall, from = 0) => call.levels.slice(from).filter((l) => l > 200).length;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'omniflow-browser-phone-'));
  omni = await startTestOmniflow({ browserPhone: { promptDir: join(work, 'prompts') } });
  served = await listen(omni.app);
  await publishFlow(omni, ivr(['900100200']));
  const draft = await omni.call('POST', '/api/v1/flows', ivr(['900100300']));
  draftFlowId = draft.body.id;
  const login = await omni.app.request('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(omni.admin),
  });
  cookie = login.headers.get('set-cookie')!.split(';')[0]!;
}, timeout);

afterAll(async () => {
  await served?.close();
  await omni?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('browser phone: SIP over WebSocket and WebRTC into the call pipeline', () => {
  it('refuses a WebSocket without a session, with an API key, or from another site', async () => {
    await expect(openSipSocket(socketUrl(), own())).rejects.toThrow('HTTP 401');
    await expect(
      openSipSocket(socketUrl(), { ...own(), authorization: `Bearer ${omni.apiKey}` }),
    ).rejects.toThrow('HTTP 403');
    await expect(openSipSocket(socketUrl(), { cookie, origin: 'https://evil.example' })).rejects.toThrow(
      'HTTP 403',
    );
  });

  it('answers a call to a number no flow answers with 404, and ends a closed socket’s calls', async () => {
    const socket = await openSipSocket(socketUrl(), { cookie, ...own() });
    expect(socket.protocol).toBe('sip');
    const call = new WebRtcSipCall(socket, '555000111');
    const final = await call.invite();
    expect(final.status).toBe(404);
    expect(final.reason).toBe('No flow answers this number');
    await call.close();
    // Garbage is reported, never fatal: the socket still answers OPTIONS after it.
    socket.send('not sip at all\r\n\r\n');
    socket.send(
      'OPTIONS sip:omniflow@omniflow.invalid SIP/2.0\r\nVia: SIP/2.0/WSS c.invalid;branch=z9hG4bKopt\r\n' +
        'From: <sip:t@c.invalid>;tag=1\r\nTo: <sip:omniflow@omniflow.invalid>\r\nCall-ID: opt1\r\n' +
        'CSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n',
    );
    const options = await socket.next((m) => m.kind === 'response' && getHeader(m, 'call-id') === 'opt1');
    expect(options.kind === 'response' && options.status).toBe(200);
    socket.close();
  });

  it(
    'calls a published number: hears the greeting, presses 1, hears the next prompt, and the run takes that path',
    async () => {
      const socket = await openSipSocket(socketUrl(), { cookie, ...own() });
      const call = new WebRtcSipCall(socket, '900100200');
      const answered = await call.invite();
      expect(answered.status).toBe(200);
      const runId = getHeader(answered, 'x-omniflow-run-id')!;
      expect(runId).toBeTruthy();
      // The greeting: speech energy in what the browser hears.
      await eventually(async () => (loudPackets(call) > 25 ? true : undefined), 30_000);
      await call.speak(200);
      const heardBefore = call.levels.length;
      await eventually(async () => {
        const run = await omni.call('GET', `/api/v1/runs/${runId}`);
        return run.body.currentNodes?.includes('menu') ? true : undefined;
      });
      await call.press('1');
      // The next prompt ("Le pasamos con ventas"): new speech after the key.
      await eventually(async () => (loudPackets(call, heardBefore + 50) > 25 ? true : undefined), 30_000);
      // The flow hangs up after it: the browser gets a BYE.
      await socket.next((m) => m.kind === 'request' && m.method === 'BYE', 30_000);
      const run = await runReaches(omni, runId, ['completed']);
      expect(run.steps.map((s: { nodeId: string }) => s.nodeId)).toEqual(['call', 'menu', 'sales', 'bye']);
      const record = await eventually(async () => {
        const calls = await omni.call('GET', `/api/v1/calls?runId=${runId}`);
        const found = calls.body.items?.find((c: { runId: string }) => c.runId === runId);
        return found?.path ? found : undefined;
      });
      expect(record).toMatchObject({
        driver: 'browser',
        to: '900100200',
        digits: [{ nodeId: 'menu', digits: '1' }],
      });
      await call.close();
      socket.close();
    },
    timeout,
  );

  it(
    'calls a draft as a test run, and the browser hanging up ends the run’s call',
    async () => {
      const socket = await openSipSocket(socketUrl(), { cookie, ...own() });
      const call = new WebRtcSipCall(socket, `draft-${draftFlowId}`);
      const answered = await call.invite();
      expect(answered.status).toBe(200);
      const runId = getHeader(answered, 'x-omniflow-run-id')!;
      await eventually(async () => (loudPackets(call) > 10 ? true : undefined), 30_000);
      const run = await omni.call('GET', `/api/v1/runs/${runId}`);
      expect(run.body).toMatchObject({ flowId: draftFlowId, version: 0 });
      call.bye(answered);
      await socket.next((m) => m.kind === 'response' && getHeader(m, 'cseq') === '2 BYE');
      const ended = await runReaches(omni, runId, ['completed', 'failed', 'abandoned', 'cancelled']);
      expect(ended.status).toBe('abandoned');
      expect(ended.steps.map((s: { nodeId: string }) => s.nodeId)).toContain('menu');
      await call.close();
      socket.close();
    },
    timeout,
  );
});
