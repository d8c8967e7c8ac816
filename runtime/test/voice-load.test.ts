import { createSocket, type Socket } from 'node:dgram';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Call } from '@omniflow/nodes/drivers/voice';
import { freeMediaPort, parseRtpPacket, runSipp } from '@omniflow/nodes/drivers/voice/testing';
import type { VoiceEndpoint } from '../src/voice/index.ts';
import { publishFlow, runReaches, startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';
import { callerAudioDir, startTestVoiceEndpoint } from './support/voice-endpoint.ts';

// 50 callers at once through one menu (issue #6): one sipp process per caller, each pressing
// the key its number picks and listening on a media port of its own. Every call must complete
// through the branch its caller chose, and each caller must hear one RTP stream only (one
// SSRC, from one port) that no other caller hears: no cross-talk. Needs root (sipp's pcap replay).

const callers = 50;
const options = ['one', 'two', 'three', 'four'];
const timeout = 180_000;

const menuFlow = {
  name: 'Menú concurrido',
  nodes: [
    { id: 'call', type: 'voice.inbound-call', config: { numbers: ['4000'] } },
    {
      id: 'menu',
      type: 'voice.menu',
      config: {
        prompt: 'Pulse uno, dos, tres o cuatro',
        language: 'es',
        options: options.map((id, index) => ({ digit: String(index + 1), id })),
        timeout: 'PT20S',
        maxRetries: 0,
      },
    },
    ...options.map((id, index) => ({
      id: `say-${id}`,
      type: 'voice.say',
      config: { text: `Opción ${index + 1}`, language: 'es' },
    })),
    { id: 'bye', type: 'voice.hangup', config: {} },
  ],
  edges: [
    { id: 'e-call', from: { node: 'call', port: 'next' }, to: { node: 'menu' } },
    ...options.flatMap((id) => [
      { id: `e-${id}`, from: { node: 'menu', port: id }, to: { node: `say-${id}` } },
      { id: `e-${id}-bye`, from: { node: `say-${id}`, port: 'next' }, to: { node: 'bye' } },
    ]),
  ],
};

let omni: TestOmniflow;
let endpoint: VoiceEndpoint;
let work: string;
const callsByCaller = new Map<string, Call>();

/** A caller's media port: which RTP streams (SSRC and source port) reached it. */
async function mediaListener() {
  const socket: Socket = createSocket('udp4');
  const streams = new Set<string>();
  let packets = 0;
  socket.on('message', (data, from) => {
    const packet = parseRtpPacket(data);
    if (!packet) return;
    packets++;
    streams.add(`${packet.ssrc}@${from.port}`);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return { socket, streams, packets: () => packets };
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'omniflow-voice-load-'));
  omni = await startTestOmniflow();
  endpoint = await startTestVoiceEndpoint(omni, work, 46000);
  endpoint.driver.onCall((call) => callsByCaller.set(call.from, call));
  await publishFlow(omni, menuFlow);
}, timeout);

afterAll(async () => {
  await endpoint?.stop();
  await omni?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('50 concurrent calls through a menu', () => {
  it(
    'completes every call through the branch its caller pressed, with no cross-talk',
    async () => {
      const plans = await Promise.all(
        Array.from({ length: callers }, async (_, index) => {
          const caller = `6005${String(index).padStart(5, '0')}`;
          const digit = String((index % options.length) + 1);
          // The key comes during the prompt, at a different moment for each caller.
          const dir = await callerAudioDir(join(work, caller), digit, 1500 + (index % 10) * 100, 200);
          return { caller, digit, dir, listener: await mediaListener() };
        }),
      );
      // Each sipp binds its port and the one two above: no two callers (nor a listener) may share any.
      const taken = new Set(plans.map((plan) => plan.listener.socket.address().port));
      const mediaPorts: number[] = [];
      while (mediaPorts.length < callers) {
        const port = await freeMediaPort();
        const span = [port, port + 1, port + 2, port + 3];
        if (span.some((p) => taken.has(p))) continue;
        span.forEach((p) => taken.add(p));
        mediaPorts.push(port);
      }
      const startedAt = Date.now();
      const results = await Promise.all(
        plans.map((plan, index) =>
          runSipp({
            scenario: 'uac-ivr-menu.xml',
            target: `127.0.0.1:${endpoint.driver.port}`,
            service: '4000',
            transport: 'udp',
            mediaPort: mediaPorts[index]!,
            cwd: plan.dir,
            keys: { caller: plan.caller, rtp_port: plan.listener.socket.address().port },
            timeoutSeconds: 90,
          }),
        ),
      );
      const wallMs = Date.now() - startedAt;
      for (const plan of plans) plan.listener.socket.close();
      results.forEach((result, index) =>
        expect(result.code, `${plans[index]!.caller}: ${result.output}`).toBe(0),
      );

      const runs = await omni.call('GET', `/api/v1/runs?limit=100`);
      const byCaller = new Map<string, { id: string; status: string }>(
        runs.body.items.map((run: { id: string; contact: string; status: string }) => [run.contact, run]),
      );
      const ssrcs = new Set<string>();
      for (const plan of plans) {
        const summary = byCaller.get(plan.caller);
        expect(summary, plan.caller).toBeDefined();
        // The flow hung up first; the run records its end a moment later.
        const run = await runReaches(omni, summary!.id, ['completed', 'failed', 'abandoned'], 30_000);
        expect(run.status, plan.caller).toBe('completed');
        const chosen = options[Number(plan.digit) - 1];
        expect(
          run.steps.map((s: { nodeId: string }) => s.nodeId),
          plan.caller,
        ).toEqual(['call', 'menu', `say-${chosen}`, 'bye']);
        // The driver heard this caller's key only, and this caller heard one stream only.
        expect(callsByCaller.get(plan.caller)!.pressedKeys!.map((k) => k.key)).toEqual([plan.digit]);
        expect([...plan.listener.streams], plan.caller).toHaveLength(1);
        expect(plan.listener.packets(), plan.caller).toBeGreaterThan(25);
        ssrcs.add([...plan.listener.streams][0]!);
      }
      // No two callers heard the same stream.
      expect(ssrcs.size).toBe(callers);
      expect(endpoint.calls.size).toBe(0);
      expect(wallMs).toBeLessThan(90_000);
    },
    timeout,
  );
});
