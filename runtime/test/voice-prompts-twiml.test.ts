import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FakeTwilioVoice } from '@omniflow/nodes/drivers/voice/testing';
import { createApp } from '../src/api/create-app.ts';
import { createFilesystemRecordingStore } from '../src/recordings/filesystem-recording-store.ts';
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

// Recorded prompts (issue #15) on a Twilio-compatible provider: the TwiML driver serves the
// workspace's prompt at /audio/<sha>.wav and the loopback fake Twilio fetches each <Play>; the
// say step with a recorded audio plays it and says nothing.

const timeout = 120_000;
const account = { accountSid: `AC${'7'.repeat(32)}`, authToken: 'twilio-voice-prompts-token' };
const ourNumber = '+34910000300';

let omni: TestOmniflow;
let host: TwimlVoiceHost;
let server: Awaited<ReturnType<typeof listen>>;
let twilio: FakeTwilioVoice;
let work: string;

async function upload(name: string, file: string) {
  const form = new FormData();
  form.set('name', name);
  form.set('file', new File([await readFile(file)], file));
  const answer = await omni.app.request('/api/v1/voice-prompts', {
    method: 'POST',
    body: form,
    headers: { authorization: `Bearer ${omni.apiKey}` },
  });
  expect(answer.status).toBe(201);
  return (await answer.json()) as { reference: string; bytes: number };
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'omniflow-voice-prompts-twiml-'));
  const recordingStore = createFilesystemRecordingStore({ dir: join(work, 'store') });
  omni = await startTestOmniflow({ appDeps: { recordingStore } });
  host = await startTwimlVoiceHost({
    db: omni.handle.db,
    temporal: omni.temporal,
    address: inject('temporalAddress'),
    taskQueue: omni.taskQueue,
    registry: await loadRegistry({}),
    recordingStore,
    voicePromptDir: join(work, 'played'),
  });
  server = await listen(createApp({ ...omni.deps, twimlVoice: host }));
  const workspace = (await omni.handle.db.query.workspaces.findFirst())!;
  const saved = await omni.call('PUT', '/api/v1/channels/sms', {
    provider: 'twilio',
    config: { accountSid: account.accountSid, from: ourNumber },
    secrets: { authToken: account.authToken },
  });
  expect(saved.status).toBe(200);
  const voiceUrl = `${server.url}/api/v1/webhooks/twilio/${workspace.id}/voice`;
  twilio = new FakeTwilioVoice({
    voiceUrl,
    statusCallbackUrl: `${voiceUrl}/status`,
    authToken: account.authToken,
  });
  await twilio.start();
}, timeout);

afterAll(async () => {
  await host?.stop();
  await server?.close();
  await twilio?.stop();
  await omni?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('recorded prompts through Twilio webhooks', () => {
  it(
    'plays an uploaded prompt with <Play> from voice.play and from voice.say instead of <Say>',
    async () => {
      const mp3 = join(work, 'bienvenida.mp3');
      execFileSync('sox', ['-n', '-r', '44100', '-c', '2', mp3, 'synth', '1', 'sine', '1000']);
      const welcome = await upload('Bienvenida', mp3);
      await publishFlow(omni, {
        name: 'Audios por Twilio',
        nodes: [
          { id: 'call', type: 'voice.inbound-call', config: { numbers: [ourNumber] } },
          { id: 'welcome', type: 'voice.play', config: { audio: welcome.reference } },
          {
            id: 'again',
            type: 'voice.say',
            config: { text: 'No se lee', language: 'es', recordedPrompt: welcome.reference },
          },
          { id: 'bye', type: 'voice.hangup', config: {} },
        ],
        edges: [
          { id: 'e1', from: { node: 'call', port: 'next' }, to: { node: 'welcome' } },
          { id: 'e2', from: { node: 'welcome', port: 'next' }, to: { node: 'again' } },
          { id: 'e3', from: { node: 'again', port: 'next' }, to: { node: 'bye' } },
        ],
      });

      const caller = '+34600333001';
      const call = await twilio.placeCall({ from: caller, to: ourNumber });
      expect(call.end).toBe('hangup-verb');
      expect(call.said).toEqual([]);
      expect(call.played).toHaveLength(2);
      for (const played of call.played) {
        expect(played.url).toMatch(/\/audio\/[0-9a-f]{64}\.wav$/);
        expect(played.contentType).toBe('audio/wav');
        // The converted prompt itself (8 kHz mono 16-bit), not the MP3 uploaded.
        expect(played.bytes).toBe(welcome.bytes);
      }
      const runId = await eventually(() => latestRunOf(omni, caller));
      expect((await runReaches(omni, runId, ['completed', 'failed', 'abandoned'], 60_000)).status).toBe(
        'completed',
      );
    },
    timeout,
  );
});
