import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Baresip, decodeWav, dominantFrequency } from '@omniflow/nodes/drivers/voice/testing';
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
import { startTestVoiceEndpoint } from './support/voice-endpoint.ts';

// Recorded prompts (issue #15) on the real SIP path: an MP3 and a WAV uploaded through the API
// (converted by sox), played by voice.play and by voice.say's "recorded audio instead of the
// text" (with no text at all), and by a key menu's prompt and "no key" retry, to headless baresip
// calling the built-in endpoint. Audio is tone-coded: the MP3 is
// 1000 Hz for 2 s, the WAV 659 Hz for 1.5 s; what baresip heard must be those, in that order.

const timeout = 180_000;
const tones = [440, 554, 659, 1000, 1500];
let omni: TestOmniflow;
let endpoint: VoiceEndpoint;
let work: string;
let caller: Baresip | undefined;

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
  return (await answer.json()) as { id: string; reference: string; durationMs: number };
}

/** The samples from the first loud one to the last: what the caller heard of the prompts. */
function loudPart(samples: Int16Array): Int16Array {
  let start = 0;
  while (start < samples.length && Math.abs(samples[start]!) < 300) start++;
  let end = samples.length;
  while (end > start && Math.abs(samples[end - 1]!) < 300) end--;
  return samples.subarray(start, end);
}

const rms = (samples: Int16Array) =>
  Math.sqrt(samples.reduce((sum, sample) => sum + sample * sample, 0) / Math.max(1, samples.length));

/**
 * The tones heard one after another, with how long each lasted (ms, in 250 ms steps): the
 * endpoint plays the prompts back to back when nothing else is said between them.
 */
function toneSequence(samples: Int16Array): { hz: number; ms: number }[] {
  const step = 8 * 250;
  const sequence: { hz: number; ms: number }[] = [];
  for (let at = 0; at + step <= samples.length; at += step) {
    const part = samples.subarray(at, at + step);
    if (rms(part) < 1000) continue;
    const hz = dominantFrequency(part, tones);
    const last = sequence.at(-1);
    if (last?.hz === hz) last.ms += 250;
    else sequence.push({ hz, ms: 250 });
  }
  return sequence;
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'omniflow-voice-prompts-sip-'));
  const recordingStore = createFilesystemRecordingStore({ dir: join(work, 'store') });
  omni = await startTestOmniflow({ appDeps: { recordingStore } });
  endpoint = await startTestVoiceEndpoint(omni, work, 53000, { recordingStore });
}, timeout);

afterAll(async () => {
  await caller?.stop();
  await endpoint?.stop();
  await omni?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('recorded prompts on a real SIP call', () => {
  it(
    'plays an uploaded MP3 (voice.play) and an uploaded WAV in a voice.say with no text',
    async () => {
      const mp3 = join(work, 'bienvenida.mp3');
      execFileSync('sox', ['-n', '-r', '44100', '-c', '2', mp3, 'synth', '2', 'sine', '1000']);
      const wav = join(work, 'despedida.wav');
      execFileSync('sox', ['-n', '-r', '16000', '-c', '1', '-b', '16', wav, 'synth', '1.5', 'sine', '659']);
      const welcome = await upload('Bienvenida', mp3);
      const goodbye = await upload('Despedida', wav);

      await publishFlow(omni, {
        name: 'Audios grabados',
        nodes: [
          { id: 'call', type: 'voice.inbound-call', config: { numbers: ['2300'] } },
          { id: 'welcome', type: 'voice.play', config: { audio: welcome.reference } },
          {
            id: 'goodbye',
            type: 'voice.say',
            // No text at all: the recording is what the step says, and it publishes as it is.
            config: { language: 'es', recordedPrompt: goodbye.reference },
          },
          { id: 'bye', type: 'voice.hangup', config: {} },
        ],
        edges: [
          { id: 'e1', from: { node: 'call', port: 'next' }, to: { node: 'welcome' } },
          { id: 'e2', from: { node: 'welcome', port: 'next' }, to: { node: 'goodbye' } },
          { id: 'e3', from: { node: 'goodbye', port: 'next' }, to: { node: 'bye' } },
        ],
      });
      // Uploading another prompt after publishing changes nothing the published flow plays.
      const later = join(work, 'otro.wav');
      execFileSync('sox', ['-n', '-r', '8000', '-c', '1', '-b', '16', later, 'synth', '1', 'sine', '1500']);
      await upload('Otro', later);

      caller = await Baresip.start({ dir: join(work, 'caller'), user: 'prompts1', toneHz: 440 });
      expect((await caller.command('dial', `sip:2300@127.0.0.1:${endpoint.driver.port}`)).ok).toBe(true);
      const runId = await eventually(() => latestRunOf(omni, 'prompts1'));
      const run = await runReaches(omni, runId, ['completed', 'failed', 'abandoned'], 60_000);
      expect(run.status).toBe('completed');
      expect(run.steps.map((s: { nodeId: string }) => s.nodeId)).toEqual([
        'call',
        'welcome',
        'goodbye',
        'bye',
      ]);
      expect(run.steps[1].output).toEqual({ audio: welcome.reference });
      expect(run.steps[2].output).toEqual({ text: '' });
      await caller.waitForEvent('CALL_CLOSED');

      const files = await eventually(async () => {
        const found = await caller!.heardFiles();
        return found.length > 0 ? found : undefined;
      });
      const heard = loudPart(decodeWav(await readFile(files[0]!), files[0]!));
      // 2 s of the MP3 then 1.5 s of the WAV, give or take the MP3's padding and packetisation.
      expect(heard.length / 8).toBeGreaterThan(3200);
      expect(heard.length / 8).toBeLessThan(4200);
      expect(dominantFrequency(heard.subarray(8 * 200, 8 * 1600), tones)).toBe(1000);
      expect(dominantFrequency(heard.subarray(8 * 2400, 8 * 3300), tones)).toBe(659);
      // Loud, not a whisper: sox's full-scale sine through G.711 keeps most of its energy.
      expect(rms(heard.subarray(8 * 200, 8 * 1600))).toBeGreaterThan(3000);
    },
    timeout,
  );

  it(
    'a key menu with no text plays its recording, and the recording chosen for "no key" before asking again',
    async () => {
      await caller?.stop();
      caller = undefined;
      const menuWav = join(work, 'menu.wav');
      execFileSync('sox', ['-n', '-r', '8000', '-c', '1', '-b', '16', menuWav, 'synth', '1', 'sine', '554']);
      const againWav = join(work, 'repetir.wav');
      execFileSync('sox', [
        '-n',
        '-r',
        '8000',
        '-c',
        '1',
        '-b',
        '16',
        againWav,
        'synth',
        '1',
        'sine',
        '1500',
      ]);
      const menuPrompt = await upload('Menú', menuWav);
      const again = await upload('No ha pulsado', againWav);

      await publishFlow(omni, {
        name: 'Menú grabado',
        nodes: [
          { id: 'call', type: 'voice.inbound-call', config: { numbers: ['2301'] } },
          {
            id: 'menu',
            type: 'voice.menu',
            config: {
              recordedPrompt: menuPrompt.reference,
              noInputPrompt: 'Este texto no se lee',
              noInputRecordedPrompt: again.reference,
              options: [{ digit: '1', id: 'ventas', label: 'Ventas' }],
              timeout: 'PT1S',
              maxRetries: 1,
            },
          },
          { id: 'bye', type: 'voice.hangup', config: {} },
          { id: 'sales', type: 'voice.hangup', config: {} },
        ],
        edges: [
          { id: 'e1', from: { node: 'call', port: 'next' }, to: { node: 'menu' } },
          { id: 'e2', from: { node: 'menu', port: 'timeout' }, to: { node: 'bye' } },
          { id: 'e3', from: { node: 'menu', port: 'invalid' }, to: { node: 'bye' } },
          { id: 'e4', from: { node: 'menu', port: 'ventas' }, to: { node: 'sales' } },
        ],
      });

      caller = await Baresip.start({ dir: join(work, 'caller2'), user: 'prompts2', toneHz: 440 });
      expect((await caller.command('dial', `sip:2301@127.0.0.1:${endpoint.driver.port}`)).ok).toBe(true);
      const runId = await eventually(() => latestRunOf(omni, 'prompts2'));
      const run = await runReaches(omni, runId, ['completed', 'failed', 'abandoned'], 60_000);
      expect(run.status).toBe('completed');
      expect(run.steps.map((s: { nodeId: string }) => s.nodeId)).toEqual(['call', 'menu', 'bye']);
      expect(run.steps[1].output).toMatchObject({ digit: '', attempts: 2 });
      await caller.waitForEvent('CALL_CLOSED');

      const files = await eventually(async () => {
        const found = await caller!.heardFiles();
        return found.length > 0 ? found : undefined;
      });
      const heard = toneSequence(loudPart(decodeWav(await readFile(files[0]!), files[0]!)));
      // Menu, then (no key) the "no key" recording and the menu again: never the text read aloud.
      expect(heard.map((tone) => tone.hz)).toEqual([554, 1500, 554]);
      for (const tone of heard) expect(tone.ms).toBeGreaterThanOrEqual(750);
    },
    timeout,
  );
});
