import { createSocket, type Socket } from 'node:dgram';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWavInfo, type Call } from '@omniflow/nodes/drivers/voice';
import { freeMediaPort, parseRtpPacket, runSipp } from '@omniflow/nodes/drivers/voice/testing';
import { createFilesystemRecordingStore } from '../src/recordings/filesystem-recording-store.ts';
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

// voice.gather and voice.record on real calls: sipp dials the built-in SIP endpoint, presses keys
// as RFC 4733 events and talks (a 440 Hz tone) from a pcap; the runs go through Temporal and
// PGlite and the recordings through the filesystem store the API serves. Needs root (sipp's raw
// socket for pcap replay).

const timeout = 180_000;
const ended = ['completed', 'failed', 'abandoned', 'cancelled'];

const edge = (id: string, from: string, port: string, to: string) => ({
  id,
  from: { node: from, port },
  to: { node: to },
});

/** call → gather (4 digits then #) → say → hang up; its timeout port says goodbye and hangs up. */
const pinFlow = {
  name: 'PIN',
  nodes: [
    { id: 'call', type: 'voice.inbound-call', config: { numbers: ['2000', '2001'] } },
    {
      id: 'pin',
      type: 'voice.gather',
      config: {
        prompt:
          'Marque su número de cliente de cuatro cifras y después pulse la tecla almohadilla, por favor',
        language: 'es',
        pattern: '\\d{4}',
        timeout: 'PT2S',
        maxRetries: 1,
        noInputPrompt: '',
      },
    },
    { id: 'thanks', type: 'voice.say', config: { text: 'Gracias', language: 'es' } },
    { id: 'goodbye', type: 'voice.say', config: { text: 'Adiós', language: 'es' } },
    { id: 'bye', type: 'voice.hangup', config: {} },
  ],
  edges: [
    edge('e1', 'call', 'next', 'pin'),
    edge('e2', 'pin', 'next', 'thanks'),
    edge('e3', 'pin', 'timeout', 'goodbye'),
    edge('e4', 'pin', 'invalid', 'goodbye'),
    edge('e5', 'thanks', 'next', 'bye'),
    edge('e6', 'goodbye', 'next', 'bye'),
  ],
};

/** call → voicemail (beep, at most 3 s) → say → hang up. */
const voicemailFlow = {
  name: 'Buzón',
  nodes: [
    { id: 'call', type: 'voice.inbound-call', config: { numbers: ['3000'] } },
    { id: 'record', type: 'voice.record', config: { mode: 'voicemail', maxLength: 'PT3S', beep: true } },
    { id: 'thanks', type: 'voice.say', config: { text: 'Gracias', language: 'es' } },
    { id: 'bye', type: 'voice.hangup', config: {} },
  ],
  edges: [
    edge('e1', 'call', 'next', 'record'),
    edge('e2', 'record', 'next', 'thanks'),
    edge('e3', 'thanks', 'next', 'bye'),
  ],
};

/** A message longer than the caller stays: they hang up while being recorded. */
const longVoicemailFlow = {
  name: 'Buzón largo',
  nodes: [
    { id: 'call', type: 'voice.inbound-call', config: { numbers: ['3001'] } },
    { id: 'record', type: 'voice.record', config: { maxLength: 'PT30S', beep: false } },
    { id: 'bye', type: 'voice.hangup', config: {} },
  ],
  edges: [edge('e1', 'call', 'next', 'record'), edge('e2', 'record', 'next', 'bye')],
};

/** Records the whole call in the background while a menu-less flow talks, until the caller leaves. */
const wholeCallFlow = {
  name: 'Grabación completa',
  nodes: [
    { id: 'call', type: 'voice.inbound-call', config: { numbers: ['3002'] } },
    { id: 'record', type: 'voice.record', config: { mode: 'whole-call' } },
    {
      id: 'ask',
      type: 'voice.gather',
      config: { prompt: 'Diga su nombre después de la señal', timeout: 'PT20S', maxRetries: 0, digits: 1 },
    },
  ],
  edges: [edge('e1', 'call', 'next', 'record'), edge('e2', 'record', 'next', 'ask')],
};

/** The help-desk menu, asking once more after a wrong key. */
const menuFlow = {
  name: 'Menú',
  nodes: [
    { id: 'call', type: 'voice.inbound-call', config: { numbers: ['2100'] } },
    {
      id: 'menu',
      type: 'voice.menu',
      config: {
        prompt: 'Pulse 1 para ventas, 2 para soporte',
        options: [
          { digit: '1', id: 'sales' },
          { digit: '2', id: 'support' },
        ],
        timeout: 'PT10S',
        maxRetries: 1,
      },
    },
    { id: 'sales', type: 'voice.say', config: { text: 'Ventas', language: 'es' } },
    { id: 'support', type: 'voice.say', config: { text: 'Soporte', language: 'es' } },
    { id: 'bye', type: 'voice.hangup', config: {} },
  ],
  edges: [
    edge('e1', 'call', 'next', 'menu'),
    edge('e2', 'menu', 'sales', 'sales'),
    edge('e3', 'menu', 'support', 'support'),
    edge('e4', 'sales', 'next', 'bye'),
    edge('e5', 'support', 'next', 'bye'),
  ],
};

let omni: TestOmniflow;
let endpoint: VoiceEndpoint;
let work: string;
/** Every call the endpoint took, by caller number: the test reads the driver's own key log. */
const callsByCaller = new Map<string, Call>();

function callerDir(name: string, digits: string, digitsAtMs: number, toneMs = 300) {
  return callerAudioDir(join(work, name), digits, digitsAtMs, toneMs);
}

interface Heard {
  atMs: number;
  marker: boolean;
}

/** Stands in for the caller's media port: when each 20 ms µ-law packet came, and talkspurt starts. */
async function audioListener(): Promise<{ socket: Socket; heard: Heard[] }> {
  const socket = createSocket('udp4');
  const heard: Heard[] = [];
  socket.on('message', (data) => {
    const packet = parseRtpPacket(data);
    if (packet?.payloadType === 0) heard.push({ atMs: Date.now(), marker: packet.marker });
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return { socket, heard };
}

async function dial(scenario: string, service: string, dir: string, caller: string, rtpPort?: number) {
  const sipp = await runSipp({
    scenario,
    target: `127.0.0.1:${endpoint.driver.port}`,
    service,
    transport: 'udp',
    mediaPort: await freeMediaPort(),
    cwd: dir,
    keys: { caller, rtp_port: rtpPort ?? (await freeMediaPort()) },
    timeoutSeconds: 120,
  });
  expect(sipp.code, sipp.output).toBe(0);
  const runId = await eventually(() => latestRunOf(omni, caller));
  return runReaches(omni, runId, ended, 60_000);
}

async function callRecordOf(caller: string) {
  return eventually(async () => {
    const calls = await omni.call('GET', `/api/v1/calls?number=${caller}`);
    const record = calls.body.items[0];
    // The record is complete once the path is in (written after the run settles).
    return record?.path.length > 0 ? record : undefined;
  }, 30_000);
}

const stepsOf = (run: { steps: Array<{ nodeId: string; port?: string }> }) =>
  run.steps.map((s) => [s.nodeId, s.port]);

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'omniflow-voice-nodes-'));
  const recordingStore = createFilesystemRecordingStore({ dir: join(work, 'recordings') });
  omni = await startTestOmniflow({ appDeps: { recordingStore } });
  endpoint = await startTestVoiceEndpoint(omni, work, 45000, {
    recordingStore,
    recordingScratchDir: join(work, 'scratch'),
  });
  endpoint.driver.onCall((call) => callsByCaller.set(call.from, call));
  for (const flow of [pinFlow, menuFlow, voicemailFlow, longVoicemailFlow, wholeCallFlow])
    await publishFlow(omni, flow);
}, timeout);

afterAll(async () => {
  await endpoint?.stop();
  await omni?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('voice.gather on a real call', () => {
  it(
    'collects four digits ended by #, cutting the prompt off at the first key',
    async () => {
      const listener = await audioListener();
      // The prompt lasts about 5 s; the keys come 2.5 s into the call, while it plays.
      const dir = await callerDir('pin', '1234#', 2500);
      const run = await dial('uac-ivr-menu.xml', '2000', dir, '600100001', listener.socket.address().port);
      listener.socket.close();
      expect(run.status).toBe('completed');
      expect(stepsOf(run)).toEqual([
        ['call', 'next'],
        ['pin', 'next'],
        ['thanks', 'next'],
        ['bye', 'next'],
      ]);
      expect(run.steps[1].output).toEqual({ digits: '1234', attempts: 1 });

      // Barge-in: after the first key, the prompt's packets stop within one 20 ms packet
      // (one may be on the wire); the next sound is the next prompt's first packet (marker bit).
      const firstKey = callsByCaller.get('600100001')!.pressedKeys![0]!;
      expect(firstKey.key).toBe('1');
      const keyAt = firstKey.at.getTime();
      const before = listener.heard.filter((p) => p.atMs < keyAt);
      const after = listener.heard.filter((p) => p.atMs >= keyAt);
      const nextPrompt = after.findIndex((p) => p.marker);
      const trailing = nextPrompt === -1 ? after.length : nextPrompt;
      expect(before.length, 'the prompt was playing when the key came').toBeGreaterThan(25);
      expect(keyAt - before.at(-1)!.atMs, 'the prompt was still playing').toBeLessThan(60);
      expect(trailing).toBeLessThanOrEqual(2);

      const record = await callRecordOf('600100001');
      expect(record).toMatchObject({
        from: '600100001',
        to: '2000',
        hangupSide: 'flow',
        path: ['call', 'pin', 'thanks', 'bye'],
        digits: [{ nodeId: 'pin', digits: '1234#' }],
      });
      expect(record.answeredAt).not.toBeNull();
      expect(record.durationMs).toBeGreaterThan(2500);
    },
    timeout,
  );

  it(
    'asks again after an answer the pattern refuses and goes on with the right one',
    async () => {
      // 12# is refused (not four digits); three seconds later 4321# is accepted.
      const dir = await callerDir('retry', '12#,,,4321#', 1500);
      const run = await dial('uac-ivr-menu.xml', '2000', dir, '600100002');
      expect(run.status).toBe('completed');
      expect(run.steps[1]).toMatchObject({
        nodeId: 'pin',
        port: 'next',
        output: { digits: '4321', attempts: 2 },
      });
      const record = await callRecordOf('600100002');
      expect(record.digits.map((d: { digits: string }) => d.digits).join('')).toBe('12#4321#');
    },
    timeout,
  );

  it(
    'leaves by the timeout port when the caller presses nothing',
    async () => {
      const dir = await callerDir('silent', '', 200);
      const run = await dial('uac-ivr-menu.xml', '2001', dir, '600100003');
      expect(run.status).toBe('completed');
      expect(stepsOf(run)).toEqual([
        ['call', 'next'],
        ['pin', 'timeout'],
        ['goodbye', 'next'],
        ['bye', 'next'],
      ]);
      expect(run.steps[1].output).toEqual({ digits: '', attempts: 2 });
      expect((await callRecordOf('600100003')).digits).toEqual([]);
    },
    timeout,
  );
});

describe('voice.menu on a real call', () => {
  it(
    'answers a delayed offer, says invalid after a wrong key and takes the right one',
    async () => {
      // 9 cuts the prompt off and is refused; three seconds later 1 picks sales.
      const dir = await callerDir('menu-retry', '9,,,1', 1500);
      const run = await dial('uac-delayed-offer.xml', '2100', dir, '600100004');
      expect(run.status).toBe('completed');
      expect(stepsOf(run)).toEqual([
        ['call', 'next'],
        ['menu', 'sales'],
        ['sales', 'next'],
        ['bye', 'next'],
      ]);
      expect(run.steps[1].output).toEqual({ digit: '1', option: 'sales', attempts: 2 });
      const record = await callRecordOf('600100004');
      expect(record).toMatchObject({
        path: ['call', 'menu', 'sales', 'bye'],
        digits: [{ nodeId: 'menu', digits: '91' }],
        hangupSide: 'flow',
      });
    },
    timeout,
  );
});

describe('voice.record on a real call', () => {
  it(
    'saves a voicemail that is not silent, listed by the API and playable',
    async () => {
      // The caller talks (a 440 Hz tone) from 1 s for 4 s; the message is cut at 3 s.
      const dir = await callerDir('voicemail', '', 1000, 4000);
      const run = await dial('uac-ivr-menu.xml', '3000', dir, '600200001');
      expect(run.status).toBe('completed');
      const output = run.steps[1].output;
      expect(output).toMatchObject({ reason: 'max-length', silent: false });
      expect(output.durationMs).toBeGreaterThanOrEqual(2900);

      const listed = await omni.call('GET', '/api/v1/recordings?number=600200001');
      expect(listed.body.items).toHaveLength(1);
      const recording = listed.body.items[0];
      expect(recording).toMatchObject({
        id: output.recordingId,
        runId: run.id,
        nodeId: 'record',
        to: '3000',
      });
      const record = await callRecordOf('600200001');
      expect(recording.callRecordId).toBe(record.id);

      const audio = await omni.app.request(`/api/v1/recordings/${recording.id}/audio`, {
        headers: { authorization: `Bearer ${omni.apiKey}` },
      });
      expect(audio.status).toBe(200);
      expect(audio.headers.get('content-type')).toBe('audio/wav');
      const wav = readWavInfo(new Uint8Array(await audio.arrayBuffer()));
      expect(wav).toMatchObject({ sampleRate: 8000, channels: 1, bitsPerSample: 16 });
      expect(wav!.durationMs).toBeGreaterThanOrEqual(2900);
    },
    timeout,
  );

  it(
    'keeps the message when the caller hangs up while being recorded, and the run ends abandoned',
    async () => {
      // uac-offer-record.xml hangs up 4.5 s after the answer; the caller talks from 1 s.
      const dir = await callerDir('hangs-up', '', 1000, 5000);
      const run = await dial('uac-offer-record.xml', '3001', dir, '600200002');
      expect(run.status).toBe('abandoned');
      expect(run.error).toMatchObject({ code: 'CALLER_HUNG_UP', nodeId: 'record' });

      const listed = await eventually(async () => {
        const answer = await omni.call('GET', '/api/v1/recordings?number=600200002');
        return answer.body.items.length > 0 ? answer.body.items : undefined;
      });
      expect(listed[0]).toMatchObject({ runId: run.id, nodeId: 'record' });
      expect(listed[0].durationMs).toBeGreaterThan(2000);
      const record = await callRecordOf('600200002');
      expect(record).toMatchObject({ hangupSide: 'caller', path: ['call', 'record'] });
    },
    timeout,
  );

  it(
    'records the rest of the call in the background, both sides, and saves it when the caller hangs up',
    async () => {
      // The caller is silent for 2.5 s (while the flow's prompt plays), then talks until the BYE at 4.5 s.
      const dir = await callerDir('whole-call', '', 2500, 2500);
      const run = await dial('uac-offer-record.xml', '3002', dir, '600200003');
      expect(run.status).toBe('abandoned');
      expect(run.steps[1]).toMatchObject({
        nodeId: 'record',
        output: { reason: 'started', recordingId: null },
      });
      const listed = await eventually(async () => {
        const answer = await omni.call('GET', '/api/v1/recordings?number=600200003');
        return answer.body.items.length > 0 ? answer.body.items : undefined;
      });
      expect(listed[0]).toMatchObject({ nodeId: 'record', runId: run.id });
      // From the record node to the hang-up: about 4 s.
      expect(listed[0].durationMs).toBeGreaterThan(3000);
      const audio = await omni.app.request(`/api/v1/recordings/${listed[0].id}/audio`, {
        headers: { authorization: `Bearer ${omni.apiKey}` },
      });
      const wav = Buffer.from(await audio.arrayBuffer());
      const info = readWavInfo(wav)!;
      const peak = (fromMs: number, toMs: number) => {
        let max = 0;
        const last = Math.min(info.dataOffset + info.dataBytes, info.dataOffset + toMs * 16);
        for (let at = info.dataOffset + fromMs * 16; at + 1 < last; at += 2)
          max = Math.max(max, Math.abs(wav.readInt16LE(at)));
        return max;
      };
      // The prompt, heard while the caller was silent, is in it: the flow's side.
      expect(peak(0, 1000)).toBeGreaterThan(1000);
      // So is the caller's tone, near the end, after the prompt is long over.
      expect(peak(info.durationMs - 1000, info.durationMs - 200)).toBeGreaterThan(1000);
    },
    timeout,
  );
});
