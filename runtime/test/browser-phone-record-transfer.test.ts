import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getHeader, readWavInfo } from '@omniflow/nodes/drivers/voice';
import { createFilesystemRecordingStore } from '../src/recordings/filesystem-recording-store.ts';
import { listen } from './support/serve-omniflow.ts';
import { eventually, runReaches, startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';
import { openSipSocket, WebRtcSipCall } from './support/webrtc-sip-caller.ts';

// Every path of an IVR can be tried from the builder's browser phone: a voicemail records the
// browser's microphone leg (a real WebRTC peer, werift, where Chromium would be) into the run's
// recordings like a SIP caller's, and a transfer, which no browser leg can make, is simulated:
// the tester hears where a real call would go and the run goes on by `answered`, marked so.

const timeout = 180_000;

const call = { id: 'call', type: 'voice.inbound-call', config: { numbers: ['900100400'] } };
const bye = { id: 'bye', type: 'voice.hangup', config: {} };

const voicemail = {
  name: 'Buzón de prueba',
  nodes: [
    call,
    {
      id: 'record',
      type: 'voice.record',
      config: { mode: 'voicemail', maxLength: 'PT20S', beep: true, finishOnKey: '#' },
    },
    bye,
  ],
  edges: [
    { id: 'e1', from: { node: 'call', port: 'next' }, to: { node: 'record' } },
    { id: 'e2', from: { node: 'record', port: 'next' }, to: { node: 'bye' } },
  ],
};

const silentVoicemail = {
  ...voicemail,
  name: 'Buzón sin voz',
  nodes: [
    call,
    {
      id: 'record',
      type: 'voice.record',
      config: { mode: 'voicemail', maxLength: 'PT2S', beep: false, finishOnKey: '' },
    },
    bye,
  ],
};

const transfer = {
  name: 'Transferencia de prueba',
  nodes: [
    call,
    {
      id: 'transfer',
      type: 'voice.transfer',
      config: { target: 'sip:soporte@pbx.example', mode: 'blind', language: 'es' },
    },
    {
      id: 'queue',
      type: 'voice.enqueue',
      config: { queue: 'soporte', agents: ['sip:ana@pbx.example'], maxWait: 'PT1M', language: 'es' },
    },
    { id: 'thanks', type: 'voice.say', config: { text: 'Gracias por llamar', language: 'es' } },
    bye,
  ],
  edges: [
    { id: 'e1', from: { node: 'call', port: 'next' }, to: { node: 'transfer' } },
    { id: 'e2', from: { node: 'transfer', port: 'answered' }, to: { node: 'queue' } },
    { id: 'e7', from: { node: 'queue', port: 'connected' }, to: { node: 'thanks' } },
    { id: 'e8', from: { node: 'queue', port: 'timeout' }, to: { node: 'bye' } },
    { id: 'e3', from: { node: 'thanks', port: 'next' }, to: { node: 'bye' } },
    { id: 'e4', from: { node: 'transfer', port: 'failed' }, to: { node: 'bye' } },
    { id: 'e5', from: { node: 'transfer', port: 'busy' }, to: { node: 'bye' } },
    { id: 'e6', from: { node: 'transfer', port: 'no-answer' }, to: { node: 'bye' } },
  ],
};

let omni: TestOmniflow;
let served: Awaited<ReturnType<typeof listen>>;
let work: string;
let cookie: string;

const socketUrl = () => `${served.url.replace(/^http/, 'ws')}/api/v1/phone/sip`;
const loudPackets = (phone: WebRtcSipCall, from = 0) =>
  phone.levels.slice(from).filter((l) => l > 200).length;
const stepsOf = (run: { steps: Array<{ nodeId: string; port: string | null }> }) =>
  run.steps.map((s) => [s.nodeId, s.port]);

/** Calls a new draft of `graph` from the stand-in browser; answers the phone, its socket and run. */
async function callDraft(graph: object) {
  const flow = await omni.call('POST', '/api/v1/flows', graph);
  expect(flow.status).toBe(201);
  const socket = await openSipSocket(socketUrl(), { cookie, origin: served.url });
  const phone = new WebRtcSipCall(socket, `draft-${flow.body.id}`);
  const answered = await phone.invite();
  expect(answered.status).toBe(200);
  const runId = getHeader(answered, 'x-omniflow-run-id')!;
  const done = async () => {
    await phone.close();
    socket.close();
  };
  return { phone, socket, runId, done };
}

async function recordingOf(runId: string) {
  const listed = await eventually(async () => {
    const answer = await omni.call('GET', '/api/v1/recordings');
    return answer.body.items?.find((r: { runId: string }) => r.runId === runId);
  });
  const audio = await omni.app.request(`/api/v1/recordings/${listed.id}/audio`, {
    headers: { authorization: `Bearer ${omni.apiKey}` },
  });
  expect(audio.status).toBe(200);
  const bytes = Buffer.from(await audio.arrayBuffer());
  const wav = readWavInfo(bytes)!;
  let peak = 0;
  for (let at = wav.dataOffset; at + 1 < wav.dataOffset + wav.dataBytes; at += 2)
    peak = Math.max(peak, Math.abs(bytes.readInt16LE(at)));
  return { listed, wav, peak };
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'omniflow-browser-phone-rt-'));
  const recordingStore = createFilesystemRecordingStore({ dir: join(work, 'recordings') });
  omni = await startTestOmniflow({
    browserPhone: { promptDir: join(work, 'prompts') },
    appDeps: { recordingStore },
  });
  served = await listen(omni.app);
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

describe('browser phone: voicemail and transfer on a test call', () => {
  it(
    'records what the browser’s microphone says after the beep, ended by #, as the run’s recording',
    async () => {
      const { phone, socket, runId, done } = await callDraft(voicemail);
      // The beep: the first thing the browser hears; the recorder listens right after it.
      await eventually(async () => (loudPackets(phone) > 3 ? true : undefined), 30_000);
      await phone.speak(2500);
      await phone.press('#');
      await socket.next((m) => m.kind === 'request' && m.method === 'BYE', 30_000);
      const run = await runReaches(omni, runId, ['completed', 'failed', 'abandoned']);
      expect(run.status).toBe('completed');
      expect(stepsOf(run)).toEqual([
        ['call', 'next'],
        ['record', 'next'],
        ['bye', 'next'],
      ]);
      const output = run.steps[1].output;
      expect(output).toMatchObject({ reason: 'finish-key', silent: false });
      expect(output.durationMs).toBeGreaterThan(1000);
      const { listed, wav, peak } = await recordingOf(runId);
      expect(listed).toMatchObject({ id: output.recordingId, nodeId: 'record' });
      expect(wav).toMatchObject({ sampleRate: 8000, channels: 1, bitsPerSample: 16 });
      expect(wav.durationMs).toBeGreaterThan(1000);
      // The microphone's audio, not silence: well above G.711 line noise.
      expect(peak).toBeGreaterThan(1000);
      await done();
    },
    timeout,
  );

  it(
    'keeps an empty message when the browser says nothing: the longest length ends it, marked silent',
    async () => {
      const { socket, runId, done } = await callDraft(silentVoicemail);
      await socket.next((m) => m.kind === 'request' && m.method === 'BYE', 30_000);
      const run = await runReaches(omni, runId, ['completed', 'failed', 'abandoned']);
      expect(run.status).toBe('completed');
      expect(run.steps[1].output).toMatchObject({ reason: 'max-length', silent: true });
      const { listed, peak } = await recordingOf(runId);
      expect(listed.id).toBe(run.steps[1].output.recordingId);
      expect(peak).toBeLessThan(200);
      await done();
    },
    timeout,
  );

  it(
    'simulates a transfer and an agent queue: the browser hears where a real call would go, and the run goes on',
    async () => {
      const { phone, socket, runId, done } = await callDraft(transfer);
      // The spoken note, then "Gracias por llamar", then the flow hangs up.
      await eventually(async () => (loudPackets(phone) > 50 ? true : undefined), 30_000);
      await socket.next((m) => m.kind === 'request' && m.method === 'BYE', 30_000);
      const run = await runReaches(omni, runId, ['completed', 'failed', 'abandoned']);
      expect(run.status).toBe('completed');
      expect(stepsOf(run)).toEqual([
        ['call', 'next'],
        ['transfer', 'answered'],
        ['queue', 'connected'],
        ['thanks', 'next'],
        ['bye', 'next'],
      ]);
      expect(run.steps[1].output).toEqual({
        target: 'sip:soporte@pbx.example',
        mode: 'blind',
        outcome: 'answered',
        simulated: true,
      });
      // An agent queue cannot ring anyone from a browser either: the same, by connected.
      expect(run.steps[2].output).toEqual({
        queue: 'soporte',
        agent: 'sip:ana@pbx.example',
        position: 1,
        waitedMs: 0,
        simulated: true,
      });
      await done();
    },
    timeout,
  );
});
