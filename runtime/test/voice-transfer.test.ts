import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Call } from '@omniflow/nodes/drivers/voice';
import {
  Baresip,
  decodeWav,
  dominantFrequency,
  encodeWav,
  tone,
} from '@omniflow/nodes/drivers/voice/testing';
import type { VoiceEndpoint } from '../src/voice/index.ts';
import { freeUdpPort } from '@omniflow/nodes/drivers/voice/testing';
import { agentQueues } from '@omniflow/nodes';
import {
  eventually,
  latestRunOf,
  publishFlow,
  runReaches,
  startTestOmniflow,
  type TestOmniflow,
} from './support/test-omniflow.ts';
import { startTestVoiceEndpoint } from './support/voice-endpoint.ts';

// Real softphones end to end: headless baresip 1.0.0 calls the built-in SIP endpoint, the run
// goes through Temporal, and the flow transfers or queues the caller to a second baresip acting
// as the agent. Audio is tone-coded: the prompt is 1000 Hz, the caller sends 440 Hz, the agent
// 1500 Hz; what each baresip heard (its sndfile dump) must be dominated by the other side's tone.

const timeout = 180_000;
const finished = ['completed', 'failed', 'abandoned', 'cancelled'];
const tones = [425, 440, 554, 659, 1000, 1500];

let omni: TestOmniflow;
let endpoint: VoiceEndpoint;
let work: string;
const phones: Baresip[] = [];
const inbound: Call[] = [];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function phone(user: string, toneHz: number, autoAnswer = false): Promise<Baresip> {
  const started = await Baresip.start({ dir: join(work, user), user, toneHz, autoAnswer });
  phones.push(started);
  return started;
}

/**
 * What a baresip heard on its call, as 8 kHz samples: sndfile starts a new dump when a re-INVITE
 * (hold, resume) renews the audio stream, so the dumps are joined in time order.
 */
async function heard(phone: Baresip): Promise<Int16Array> {
  const files = await eventually(async () => {
    const found = await phone.heardFiles();
    return found.length > 0 ? found.sort() : undefined;
  });
  const parts = await Promise.all(files.map(async (file) => decodeWav(await readFile(file), file)));
  const all = new Int16Array(parts.reduce((n, part) => n + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    all.set(part, offset);
    offset += part.length;
  }
  return all;
}

/** One second of the recording starting at `fromMs`, or its last loud second. */
function slice(samples: Int16Array, fromMs: number, ms = 1000) {
  return samples.subarray((fromMs * 8) | 0, ((fromMs + ms) * 8) | 0);
}
function loudTail(samples: Int16Array) {
  let end = samples.length;
  while (end > 0 && Math.abs(samples[end - 1]!) < 300) end--;
  return samples.subarray(Math.max(0, end - 8000), end);
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'omniflow-transfer-'));
  omni = await startTestOmniflow();
  endpoint = await startTestVoiceEndpoint(omni, work, 48000);
  endpoint.driver.onCall((call) => inbound.push(call));
}, timeout);

afterAll(async () => {
  await Promise.all(phones.map((p) => p.stop()));
  await endpoint?.stop();
  await omni?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('voice.transfer and voice.enqueue with baresip', () => {
  it(
    'plays a tone-coded prompt, survives hold and resume, then bridges the caller to an agent: audio both ways',
    async () => {
      const prompt = join(work, 'prompt-1000.wav');
      const pause = join(work, 'pause.wav');
      await writeFile(prompt, encodeWav(tone(1000, 2000)));
      await writeFile(pause, encodeWav(new Int16Array(6 * 8000)));
      const agent = await phone('agent1', 1500, true);
      const caller = await phone('caller1', 440);
      await publishFlow(omni, {
        name: 'Transferencia atendida',
        nodes: [
          { id: 'call', type: 'voice.inbound-call', config: { numbers: ['2000'] } },
          { id: 'prompt', type: 'voice.play', config: { audio: prompt } },
          { id: 'hold', type: 'voice.play', config: { audio: pause } },
          {
            id: 'transfer',
            type: 'voice.transfer',
            config: { target: agent.uri, mode: 'attended', ringTimeout: 'PT15S' },
          },
        ],
        edges: [
          { id: 'e1', from: { node: 'call', port: 'next' }, to: { node: 'prompt' } },
          { id: 'e2', from: { node: 'prompt', port: 'next' }, to: { node: 'hold' } },
          { id: 'e3', from: { node: 'hold', port: 'next' }, to: { node: 'transfer' } },
        ],
      });

      expect((await caller.command('dial', `sip:2000@127.0.0.1:${endpoint.driver.port}`)).ok).toBe(true);
      await caller.waitForEvent('CALL_ESTABLISHED');
      const call = (await eventually(async () => inbound.find((c) => c.from === 'caller1'))) as Call & {
        remoteDirection?: string;
        sentRtpPackets: number;
      };
      // The prompt plays for 2 s; then, during the pause, the caller holds and resumes.
      await sleep(2500);
      expect((await caller.command('hold')).ok).toBe(true);
      await eventually(async () => (call.remoteDirection === 'sendonly' ? true : undefined));
      await sleep(500);
      expect((await caller.command('resume')).ok).toBe(true);
      await eventually(async () => (call.remoteDirection === 'sendrecv' ? true : undefined));

      await agent.waitForEvent('CALL_ESTABLISHED', 30_000);
      const sentAtBridge = call.sentRtpPackets;
      const runId = await eventually(() => latestRunOf(omni, 'caller1'));
      const run = await runReaches(omni, runId, finished, 30_000);
      // The run is over (answered is unwired) but the bridged call stays up for its parties.
      expect(run.status).toBe('completed');
      expect(run.steps.at(-1)).toMatchObject({ nodeId: 'transfer', port: 'answered' });
      await sleep(3000);
      expect(agent.events.some((e) => e.type === 'CALL_CLOSED')).toBe(false);
      expect(call.bridged).toBe(true);
      // The agent's audio reaches the caller after the resume: 20 ms packets relayed for 3 s and more.
      expect(call.sentRtpPackets - sentAtBridge).toBeGreaterThan(140);

      expect((await caller.command('hangup')).ok).toBe(true);
      await agent.waitForEvent('CALL_CLOSED');
      expect((await call.ended).side).toBe('transfer');

      const callerHeard = await heard(caller);
      const agentHeard = await heard(agent);
      // baresip 1.0.0's sndfile stops dumping received audio once the call is held (its receive
      // chain is rebuilt on resume without a new dump), so the caller's file covers the prompt
      // only; what the caller hears from an agent is checked in the queue test, which has no hold.
      expect(dominantFrequency(slice(callerHeard, 300), tones)).toBe(1000);
      expect(dominantFrequency(loudTail(agentHeard), tones)).toBe(440);
    },
    timeout,
  );

  it(
    'queues the caller with hold music until a free agent answers: connected',
    async () => {
      const agent = await phone('agent2', 1500, true);
      const caller = await phone('caller2', 440);
      await publishFlow(omni, {
        name: 'Cola con agente',
        nodes: [
          { id: 'call', type: 'voice.inbound-call', config: { numbers: ['2001'] } },
          {
            id: 'queue',
            type: 'voice.enqueue',
            config: { queue: 'ventas', agents: [agent.uri], announceEvery: 'PT0S', maxWait: 'PT30S' },
          },
        ],
        edges: [{ id: 'e1', from: { node: 'call', port: 'next' }, to: { node: 'queue' } }],
      });
      expect((await caller.command('dial', `sip:2001@127.0.0.1:${endpoint.driver.port}`)).ok).toBe(true);
      await agent.waitForEvent('CALL_ESTABLISHED', 30_000);
      const runId = await eventually(() => latestRunOf(omni, 'caller2'));
      const run = await runReaches(omni, runId, finished, 30_000);
      expect(run.status).toBe('completed');
      expect(run.steps.at(-1)).toMatchObject({ nodeId: 'queue', port: 'connected' });
      expect(run.steps.at(-1).output).toMatchObject({ queue: 'ventas', agent: agent.uri, position: 1 });
      await sleep(2500);
      expect((await caller.command('hangup')).ok).toBe(true);
      await agent.waitForEvent('CALL_CLOSED');
      expect(dominantFrequency(loudTail(await heard(agent)), tones)).toBe(440);
      expect(dominantFrequency(loudTail(await heard(caller)), tones)).toBe(1500);
    },
    timeout,
  );

  it(
    'times out after the maximum wait when no agent answers, having played hold music',
    async () => {
      const agent = await phone('agent3', 1500, false);
      const caller = await phone('caller3', 440);
      await publishFlow(omni, {
        name: 'Cola sin agente',
        nodes: [
          { id: 'call', type: 'voice.inbound-call', config: { numbers: ['2002'] } },
          {
            id: 'queue',
            type: 'voice.enqueue',
            config: {
              queue: 'soporte',
              agents: [agent.uri],
              announceEvery: 'PT0S',
              ringTimeout: 'PT3S',
              maxWait: 'PT6S',
            },
          },
        ],
        edges: [{ id: 'e1', from: { node: 'call', port: 'next' }, to: { node: 'queue' } }],
      });
      const started = Date.now();
      expect((await caller.command('dial', `sip:2002@127.0.0.1:${endpoint.driver.port}`)).ok).toBe(true);
      await caller.waitForEvent('CALL_ESTABLISHED');
      // The agent's phone rang (and was cancelled): it never answered.
      await agent.waitForEvent('CALL_INCOMING', 15_000);
      const runId = await eventually(() => latestRunOf(omni, 'caller3'));
      const run = await runReaches(omni, runId, finished, 30_000);
      expect(run.status).toBe('completed');
      expect(run.steps.at(-1)).toMatchObject({ nodeId: 'queue', port: 'timeout' });
      expect(Date.now() - started).toBeGreaterThanOrEqual(6000);
      // Not bridged: the endpoint hangs up on the caller when the run ends.
      await caller.waitForEvent('CALL_CLOSED');
      const music = dominantFrequency(slice(await heard(caller), 1000, 4000), tones);
      expect([440, 554, 659]).toContain(music);
    },
    timeout,
  );

  it(
    'ends the run as abandoned at the queue when the caller hangs up while waiting, and leaves the queue',
    async () => {
      const caller = await phone('caller4', 440);
      const nobody = `sip:nobody@127.0.0.1:${await freeUdpPort()}`;
      await publishFlow(omni, {
        name: 'Cola abandonada',
        nodes: [
          { id: 'call', type: 'voice.inbound-call', config: { numbers: ['2003'] } },
          {
            id: 'queue',
            type: 'voice.enqueue',
            config: {
              queue: 'abandono',
              agents: [nobody],
              announceEvery: 'PT0S',
              ringTimeout: 'PT2S',
              maxWait: 'PT60S',
            },
          },
        ],
        edges: [{ id: 'e1', from: { node: 'call', port: 'next' }, to: { node: 'queue' } }],
      });
      expect((await caller.command('dial', `sip:2003@127.0.0.1:${endpoint.driver.port}`)).ok).toBe(true);
      await caller.waitForEvent('CALL_ESTABLISHED');
      const runId = await eventually(() => latestRunOf(omni, 'caller4'));
      const call = await eventually(async () => inbound.find((c) => c.from === 'caller4'));
      // The endpoint learns the call's workspace when the flow claims it, a moment after the answer.
      const workspaceId = await eventually(async () => endpoint.calls.workspaceOf(call.id));
      await eventually(
        async () => (agentQueues.size(workspaceId, 'abandono') === 1 ? true : undefined),
        60_000,
      );
      await sleep(1500);
      expect((await caller.command('hangup')).ok).toBe(true);
      const run = await runReaches(omni, runId, finished, 30_000);
      expect(run.status).toBe('abandoned');
      expect(run.error).toMatchObject({ code: 'CALLER_HUNG_UP', nodeId: 'queue' });
      expect(agentQueues.size(workspaceId, 'abandono')).toBe(0);
    },
    timeout,
  );
});
