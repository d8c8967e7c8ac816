import { createSocket, type Socket } from 'node:dgram';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freeMediaPort, parseRtpPacket, runSipp } from '@omniflow/nodes/drivers/voice/testing';
import { eventSignal } from '../src/temporal/workflow-api.ts';
import { waitsForEventFlow } from './support/flows.ts';
import type { VoiceEndpoint } from '../src/voice/index.ts';
import {
  eventually,
  latestRunOf,
  publishFlow,
  runReaches,
  startTestOmniflow,
  type TestOmniflow,
} from './support/test-omniflow.ts';
import { callerAudioDir, startTestVoiceEndpoint } from './support/voice-endpoint.ts';

// Real calls end to end: sipp dials the built-in SIP endpoint on loopback, the run goes through
// Temporal and PGlite, prompts are spoken by espeak-ng + sox. sipp replays the caller's RTP (the
// keys, as RFC 4733 events) from a pcap over a raw socket, so this needs root, as CI runs.

const timeout = 180_000;

const helpDesk = {
  name: 'Mesa de ayuda IVR',
  nodes: [
    { id: 'call', type: 'voice.inbound-call', config: { numbers: ['1000'] } },
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
        timeout: 'PT20S',
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

/** A menu nobody answers, with its timeout port unwired: the run completes with the caller on the line. */
const unwiredTimeout = {
  name: 'Menú sin salida',
  nodes: [
    { id: 'call', type: 'voice.inbound-call', config: { numbers: ['1001'] } },
    {
      id: 'menu',
      type: 'voice.menu',
      config: { prompt: 'Pulse 1', options: [{ digit: '1', id: 'one' }], timeout: 'PT1S', maxRetries: 0 },
    },
  ],
  edges: [{ id: 'e1', from: { node: 'call', port: 'next' }, to: { node: 'menu' } }],
};

let omni: TestOmniflow;
let endpoint: VoiceEndpoint;
let work: string;

/** A folder with the caller's audio: silence, then `digits` as RFC 4733 events at `digitsAtMs`. */
function callerDir(name: string, digits: string, digitsAtMs: number) {
  return callerAudioDir(join(work, name), digits, digitsAtMs, 500);
}

/** A UDP socket standing in for the caller's media port: counts the 20 ms µ-law packets we send. */
async function audioListener(): Promise<{ socket: Socket; packets: () => number }> {
  const socket = createSocket('udp4');
  let count = 0;
  socket.on('message', (data) => {
    const packet = parseRtpPacket(data);
    if (packet?.payloadType === 0 && packet.payload.length === 160) count++;
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return { socket, packets: () => count };
}

function call(scenario: string, service: string, dir: string, caller: string, rtpPort: number) {
  return freeMediaPort().then((mediaPort) =>
    runSipp({
      scenario,
      target: `127.0.0.1:${endpoint.driver.port}`,
      service,
      transport: 'udp',
      mediaPort,
      cwd: dir,
      keys: { caller, rtp_port: rtpPort },
      timeoutSeconds: 120,
    }),
  );
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'omniflow-ivr-'));
  omni = await startTestOmniflow();
  endpoint = await startTestVoiceEndpoint(omni, work, 44000);
  await publishFlow(omni, helpDesk);
  await publishFlow(omni, unwiredTimeout);
}, timeout);

afterAll(async () => {
  await endpoint?.stop();
  await omni?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('a voice IVR flow called by sipp', () => {
  it(
    'plays the menu, routes digit 2 to the support branch and hangs up',
    async () => {
      const listener = await audioListener();
      // The key comes well after the spoken prompt (about 3 s), so the caller hears all of it.
      const dir = await callerDir('support', '2', 7000);
      const sipp = await call('uac-ivr-menu.xml', '1000', dir, '600111222', listener.socket.address().port);
      listener.socket.close();
      expect(sipp.code, sipp.output).toBe(0);

      const runId = await eventually(() => latestRunOf(omni, '600111222'));
      const run = await runReaches(omni, runId, ['completed', 'failed', 'abandoned', 'cancelled'], 60_000);
      expect(run.status).toBe('completed');
      const path = run.steps.map((s: { nodeId: string; port?: string }) => [s.nodeId, s.port]);
      expect(path).toEqual([
        ['call', 'next'],
        ['menu', 'support'],
        ['support', 'next'],
        ['bye', 'next'],
      ]);
      expect(run.steps[1].output).toMatchObject({ digit: '2', option: 'support' });
      expect(run.input).toMatchObject({ from: '600111222', to: '1000' });
      // Two spoken prompts, each over a second: at least 2 s of 20 ms packets reached the caller.
      expect(listener.packets()).toBeGreaterThan(100);
    },
    timeout,
  );

  it(
    'hangs up on the caller when the run ends without a hangup node',
    async () => {
      const listener = await audioListener();
      const dir = await callerDir('no-exit', '', 200);
      // uac-ivr-menu.xml passes only once our BYE comes.
      const sipp = await call('uac-ivr-menu.xml', '1001', dir, '600777888', listener.socket.address().port);
      listener.socket.close();
      expect(sipp.code, sipp.output).toBe(0);
      const runId = await eventually(() => latestRunOf(omni, '600777888'));
      const run = await runReaches(omni, runId, ['completed', 'failed', 'abandoned', 'cancelled'], 60_000);
      expect(run.status).toBe('completed');
      expect(run.steps.at(-1)).toMatchObject({ nodeId: 'menu', port: 'timeout' });
    },
    timeout,
  );

  it(
    'refuses a call to a number no flow answers',
    async () => {
      const dir = await callerDir('refused', '', 100);
      const sipp = await call('uac-refused.xml', '2999', dir, '600333444', await freeMediaPort());
      expect(sipp.code, sipp.output).toBe(0);
      expect(await latestRunOf(omni, '600333444')).toBeUndefined();
    },
    timeout,
  );

  it(
    'ends the run as abandoned at the menu when the caller hangs up there',
    async () => {
      const listener = await audioListener();
      // No key: the caller listens for 4.5 s (uac-offer-record.xml) and hangs up.
      const dir = await callerDir('hangs-up', '', 200);
      const sipp = await call(
        'uac-offer-record.xml',
        '1000',
        dir,
        '600555666',
        listener.socket.address().port,
      );
      listener.socket.close();
      expect(sipp.code, sipp.output).toBe(0);

      const runId = await eventually(() => latestRunOf(omni, '600555666'));
      const run = await runReaches(omni, runId, ['completed', 'failed', 'abandoned', 'cancelled'], 60_000);
      expect(run.status).toBe('abandoned');
      expect(run.error).toMatchObject({ code: 'CALLER_HUNG_UP', nodeId: 'menu' });
      expect(run.steps.map((s: { nodeId: string }) => s.nodeId)).toEqual(['call', 'menu']);
      expect(endpoint.calls.size).toBe(0);
    },
    timeout,
  );

  it('leaves a run no call started alone when a call.hangup signal reaches it', async () => {
    const flowId = await publishFlow(omni, waitsForEventFlow('Not a call'));
    const started = await omni.call('POST', '/api/v1/runs', { flowId, input: {} });
    await runReaches(omni, started.body.id, ['waiting']);
    await omni.temporal.workflow.getHandle(started.body.id).signal(eventSignal, { type: 'call.hangup' });
    // The update is handled after the signal; an abandoned run would refuse it with 409.
    const reply = await omni.call('POST', `/api/v1/runs/${started.body.id}/events`, { type: 'reply' });
    expect(reply.status).toBe(200);
    expect(reply.body.status).toBe('completed');
  });
});
