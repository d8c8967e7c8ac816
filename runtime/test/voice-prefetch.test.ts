import { createSocket, type Socket } from 'node:dgram';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPromptCache, readWavInfo } from '@omniflow/nodes/drivers/voice';
import { freeMediaPort, parseRtpPacket, runSipp } from '@omniflow/nodes/drivers/voice/testing';
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

// The menu starts the next prompt as the key arrives (nodes/src/voice/prompt-prefetch.ts) and the
// say node, a Temporal round trip later, adopts it. Through the real stack (sipp, the SIP
// endpoint, Temporal, PGlite, espeak-ng) the caller must hear that prompt exactly once: every
// packet of it, one talkspurt (RTP marker bit), nothing stopped halfway. Needs root, as sipp
// replays the key presses from a pcap.

const timeout = 180_000;
const menuPrompt = 'Pulse uno para ventas';

const menuFlow = (number: string, sayText: string) => ({
  name: `Prefetch ${number}`,
  nodes: [
    { id: 'call', type: 'voice.inbound-call', config: { numbers: [number] } },
    {
      id: 'menu',
      type: 'voice.menu',
      config: {
        prompt: menuPrompt,
        language: 'es',
        options: [{ digit: '1', id: 'sales' }],
        timeout: 'PT20S',
        maxRetries: 0,
      },
    },
    { id: 'sales', type: 'voice.say', config: { text: sayText, language: 'es' } },
    { id: 'bye', type: 'voice.hangup', config: {} },
  ],
  edges: [
    { id: 'e1', from: { node: 'call', port: 'next' }, to: { node: 'menu' } },
    { id: 'e2', from: { node: 'menu', port: 'sales' }, to: { node: 'sales' } },
    { id: 'e3', from: { node: 'sales', port: 'next' }, to: { node: 'bye' } },
  ],
});

let omni: TestOmniflow;
let endpoint: VoiceEndpoint;
let work: string;
let promptDir: string;

/** The caller's media port: counts our µ-law packets and the talkspurts (marker bits) among them. */
async function mediaListener() {
  const socket: Socket = createSocket('udp4');
  const heard = { packets: 0, talkspurts: 0 };
  socket.on('message', (data) => {
    const packet = parseRtpPacket(data);
    if (packet?.payloadType !== 0) return;
    heard.packets++;
    if (packet.marker) heard.talkspurts++;
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return { socket, heard };
}

/** 20 ms packets in the prompt espeak-ng makes of `text` (the endpoint's cache already has it). */
async function promptPackets(text: string): Promise<number> {
  const file = await createPromptCache({ dir: promptDir }).say(text, { language: 'es' });
  return Math.ceil(readWavInfo(await readFile(file))!.dataBytes / 2 / 160);
}

/** sipp calls `number`, presses 1 after the menu prompt, and waits for the flow's BYE. */
async function callAndPressOne(number: string, caller: string) {
  const dir = await callerAudioDir(join(work, caller), '1', 4000, 300);
  const listener = await mediaListener();
  const sipp = await runSipp({
    scenario: 'uac-ivr-menu.xml',
    target: `127.0.0.1:${endpoint.driver.port}`,
    service: number,
    transport: 'udp',
    mediaPort: await freeMediaPort(),
    cwd: dir,
    keys: { caller, rtp_port: listener.socket.address().port },
    timeoutSeconds: 120,
  });
  // The last packets may trail the BYE by a moment.
  await new Promise((resolve) => setTimeout(resolve, 200));
  listener.socket.close();
  expect(sipp.code, sipp.output).toBe(0);
  const runId = await eventually(() => latestRunOf(omni, caller));
  const run = await runReaches(omni, runId, ['completed', 'failed', 'abandoned', 'cancelled'], 60_000);
  return { run, heard: listener.heard };
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'omniflow-prefetch-'));
  promptDir = join(work, 'prompts');
  omni = await startTestOmniflow();
  endpoint = await startTestVoiceEndpoint(omni, work, 47000, { promptDir });
  await publishFlow(omni, menuFlow('3000', 'Le pasamos con ventas'));
  await publishFlow(omni, menuFlow('3001', 'Ha elegido {{ nodes.menu.output.option | upcase }}'));
}, timeout);

afterAll(async () => {
  await endpoint?.stop();
  await omni?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('the prompt after a menu key, through Temporal', () => {
  it(
    'plays the say prompt the menu started ahead once, whole',
    async () => {
      const { run, heard } = await callAndPressOne('3000', '600300300');
      expect(run.status).toBe('completed');
      expect(run.steps.map((s: { nodeId: string }) => s.nodeId)).toEqual(['call', 'menu', 'sales', 'bye']);
      expect(heard.talkspurts).toBe(2);
      expect(heard.packets).toBe(
        (await promptPackets(menuPrompt)) + (await promptPackets('Le pasamos con ventas')),
      );
    },
    timeout,
  );

  it(
    'leaves a say the menu cannot predict to the say node: played once, not twice',
    async () => {
      const { run, heard } = await callAndPressOne('3001', '600300301');
      expect(run.status).toBe('completed');
      expect(run.steps[2]).toMatchObject({ nodeId: 'sales', output: { text: 'Ha elegido SALES' } });
      expect(heard.talkspurts).toBe(2);
      expect(heard.packets).toBe(
        (await promptPackets(menuPrompt)) + (await promptPackets('Ha elegido SALES')),
      );
    },
    timeout,
  );
});
