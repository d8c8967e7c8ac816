import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWavInfo } from '@omniflow/nodes/drivers/voice';
import { createFilesystemRecordingStore } from '../../src/recordings/filesystem-recording-store.ts';
import { hasChromium } from '../support/browser.ts';
import { openBuilder, signIn, type BuilderSession } from '../support/builder-page.ts';
import { screenshot } from '../support/screenshot.ts';

// The designer tests an IVR with their own microphone and speaker: Chromium's fake microphone
// speaks a WAV (espeak-ng + sox, made here), the browser phone calls the draft over SIP on the
// API's WebSocket and WebRTC, and what the phone hears is measured with a WebAudio analyser.

const ivr = {
  name: 'Centralita',
  nodes: [
    { id: 'call', type: 'voice.inbound-call', label: 'Llamada', config: { numbers: ['900555100'] } },
    {
      id: 'menu',
      type: 'voice.menu',
      label: 'Menú',
      config: {
        prompt: 'Hola. Pulse 1 para ventas',
        language: 'es',
        options: [{ digit: '1', id: 'sales', label: 'Ventas' }],
        timeout: 'PT20S',
        maxRetries: 0,
      },
    },
    {
      id: 'sales',
      type: 'voice.say',
      label: 'Ventas',
      config: { text: 'Le pasamos con ventas, un momento por favor', language: 'es' },
    },
    { id: 'bye', type: 'voice.hangup', label: 'Colgar', config: {} },
  ],
  edges: [
    { id: 'e1', from: { node: 'call', port: 'next' }, to: { node: 'menu' } },
    { id: 'e2', from: { node: 'menu', port: 'sales' }, to: { node: 'sales' } },
    { id: 'e3', from: { node: 'sales', port: 'next' }, to: { node: 'bye' } },
  ],
};

// The gallery IVR's other paths: a voicemail after hours and a transfer to an agent, which a
// browser call cannot make (it is simulated and marked so).
const voicemailThenTransfer = {
  name: 'Buzón y transferencia',
  nodes: [
    { id: 'call', type: 'voice.inbound-call', label: 'Llamada', config: { numbers: ['900555101'] } },
    {
      id: 'record',
      type: 'voice.record',
      label: 'Buzón',
      config: { mode: 'voicemail', maxLength: 'PT4S', beep: true, finishOnKey: '' },
    },
    {
      id: 'transfer',
      type: 'voice.transfer',
      label: 'Agente',
      config: { target: 'sip:soporte@pbx.example', mode: 'blind', language: 'es' },
    },
    { id: 'bye', type: 'voice.hangup', label: 'Colgar', config: {} },
  ],
  edges: [
    { id: 'e1', from: { node: 'call', port: 'next' }, to: { node: 'record' } },
    { id: 'e2', from: { node: 'record', port: 'next' }, to: { node: 'transfer' } },
    ...['answered', 'busy', 'no-answer', 'failed'].map((port) => ({
      id: `t-${port}`,
      from: { node: 'transfer', port },
      to: { node: 'bye' },
    })),
  ],
};

// Run in the page (as source text: this file is type-checked without the DOM library).
const phoneAudio = `document.querySelector('[data-testid="browser-phone-audio"]')`;

/** Starts sampling the phone's received audio (RMS every 50 ms) into `window.phoneLevels`. */
async function listenToPhone(page: Page) {
  await page.waitForFunction(
    `${phoneAudio}?.srcObject instanceof MediaStream && ${phoneAudio}.srcObject.getAudioTracks().length > 0`,
  );
  await page.evaluate(`(() => {
    const context = new AudioContext();
    const analyser = context.createAnalyser();
    analyser.fftSize = 2048;
    context.createMediaStreamSource(${phoneAudio}.srcObject).connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    window.phoneLevels = [];
    setInterval(() => {
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const s of samples) sum += s * s;
      window.phoneLevels.push(Math.sqrt(sum / samples.length));
    }, 50);
  })()`);
}

/** How many samples from `from` on were speech (well above the silence of an idle line). */
const loudSince = (page: Page, from: number) =>
  page.evaluate<number>(`window.phoneLevels.slice(${from}).filter((l) => l > 0.02).length`);
const samplesSoFar = (page: Page) => page.evaluate<number>('window.phoneLevels.length');

describe.skipIf(!hasChromium)(
  'browser phone in Chromium: calling an IVR draft with a fake microphone',
  () => {
    let session: BuilderSession;
    let page: Page;
    let work: string;
    let flowId: string;
    let pathsFlowId: string;

    beforeAll(async () => {
      work = await mkdtemp(join(tmpdir(), 'omniflow-browser-phone-e2e-'));
      // A caller that speaks: Chromium loops this file as the microphone.
      const spoken = join(work, 'spoken.wav');
      const voice = join(work, 'voice.wav');
      execFileSync('espeak-ng', ['-v', 'es', '-w', spoken, 'Hola, quiero hablar con ventas']);
      execFileSync('sox', [spoken, '-r', '48000', '-c', '1', '-b', '16', voice]);
      session = await openBuilder(
        { viewport: { width: 1400, height: 900 } },
        {
          browserPhone: { promptDir: join(work, 'prompts') },
          appDeps: { recordingStore: createFilesystemRecordingStore({ dir: join(work, 'recordings') }) },
        },
        {
          browserArgs: [
            '--use-fake-device-for-media-stream',
            '--use-fake-ui-for-media-stream',
            `--use-file-for-fake-audio-capture=${voice}`,
            '--autoplay-policy=no-user-gesture-required',
          ],
        },
      );
      page = session.page;
      const created = await session.omni.call('POST', '/api/v1/flows', ivr);
      flowId = created.body.id;
      pathsFlowId = (await session.omni.call('POST', '/api/v1/flows', voicemailThenTransfer)).body.id;
    }, 240_000);

    afterAll(async () => {
      await session?.close();
      if (work) await rm(work, { recursive: true, force: true });
    });

    it('refuses the phone’s WebSocket to a page that is not signed in', async () => {
      await page.goto(session.omni.url);
      const outcome = await page.evaluate<string>(`new Promise((resolve) => {
      const socket = new WebSocket('ws://' + location.host + '/api/v1/phone/sip', 'sip');
      socket.onopen = () => resolve('open');
      socket.onerror = () => resolve('refused');
    })`);
      expect(outcome).toBe('refused');
    });

    it('calls the draft from Test run: hears the greeting, presses 1, hears the next prompt, and the path lights up', async () => {
      await page.goto(session.omni.url);
      await signIn(session);
      await page.getByRole('link', { name: 'Phone', exact: true }).waitFor();
      await page.goto(`${session.omni.url}/#/flows/${flowId}`);
      await page.locator('.react-flow__node').first().waitFor();
      await page.getByRole('tab', { name: 'Test run' }).click();
      await page.getByRole('button', { name: 'Call the draft' }).click();
      await page
        .locator('[data-testid="browser-phone-state"][data-state="inCall"]')
        .waitFor({ timeout: 30_000 });
      await listenToPhone(page);

      // The greeting: speech energy in what the phone plays.
      await expect.poll(() => loudSince(page, 0), { timeout: 30_000 }).toBeGreaterThan(10);
      await screenshot(page, 'browser-phone');
      // Wait for the prompt to end (the menu listens for keys), then press 1 on the keypad.
      await expect
        .poll(
          async () => {
            const total = await samplesSoFar(page);
            return total > 20 && (await loudSince(page, total - 20)) === 0;
          },
          { timeout: 30_000 },
        )
        .toBe(true);
      const beforeKey = await samplesSoFar(page);
      await page.getByRole('button', { name: 'Press 1' }).click();
      await page.getByText('You pressed 1').waitFor();
      // The next prompt ("Le pasamos con ventas"): speech again after the key.
      await expect.poll(() => loudSince(page, beforeKey), { timeout: 30_000 }).toBeGreaterThan(10);
      // The flow hangs up after it, and the canvas shows the path the call took.
      await page
        .locator('[data-testid="browser-phone-state"][data-state="ended"]')
        .waitFor({ timeout: 30_000 });
      await expect.poll(() => page.locator('[data-highlighted="true"]').count(), { timeout: 20_000 }).toBe(4);
      const runLink = await page.getByRole('link', { name: 'See this call’s run' }).getAttribute('href');
      const run = await session.omni.call('GET', `/api/v1/runs/${runLink!.replace('#/runs/', '')}`);
      expect(run.body).toMatchObject({ status: 'completed', flowId });
    });

    it('records the microphone at a voicemail and simulates a transfer, marked in the run', async () => {
      await page.goto(`${session.omni.url}/#/flows/${pathsFlowId}`);
      await page.locator('.react-flow__node').first().waitFor();
      await page.getByRole('tab', { name: 'Test run' }).click();
      await page.getByRole('button', { name: 'Call the draft' }).click();
      await page
        .locator('[data-testid="browser-phone-state"][data-state="inCall"]')
        .waitFor({ timeout: 30_000 });
      await listenToPhone(page);
      // After the 4 s message, the spoken note instead of the transfer, then the flow hangs up.
      await page
        .locator('[data-testid="browser-phone-state"][data-state="ended"]')
        .waitFor({ timeout: 60_000 });
      expect(await loudSince(page, 0)).toBeGreaterThan(10);
      const runLink = await page.getByRole('link', { name: 'See this call’s run' }).getAttribute('href');
      const runId = runLink!.replace('#/runs/', '');
      const run = await session.omni.call('GET', `/api/v1/runs/${runId}`);
      expect(run.body).toMatchObject({ status: 'completed', flowId: pathsFlowId });
      const [, record, transfer] = run.body.steps;
      expect(record.output).toMatchObject({ reason: 'max-length', silent: false });
      expect(transfer).toMatchObject({ port: 'answered', output: { outcome: 'answered', simulated: true } });

      // The voicemail is what the fake microphone said: a recording of this run, with speech in it.
      const listed = await session.omni.call('GET', '/api/v1/recordings');
      const recording = listed.body.items.find((r: { runId: string }) => r.runId === runId);
      expect(recording).toMatchObject({ id: record.output.recordingId, nodeId: 'record' });
      const audio = await session.omni.app.request(`/api/v1/recordings/${recording.id}/audio`, {
        headers: { authorization: `Bearer ${session.omni.apiKey}` },
      });
      const bytes = Buffer.from(await audio.arrayBuffer());
      const wav = readWavInfo(bytes)!;
      expect(wav.durationMs).toBeGreaterThan(3500);
      let peak = 0;
      for (let at = wav.dataOffset; at + 1 < wav.dataOffset + wav.dataBytes; at += 2)
        peak = Math.max(peak, Math.abs(bytes.readInt16LE(at)));
      expect(peak).toBeGreaterThan(1000);

      // The runs console marks the transfer simulated; the call's page plays the message.
      await page.goto(`${session.omni.url}/${runLink}`);
      await page.locator('[data-node="transfer"] [data-testid="step-simulated"]').waitFor();
      expect(await page.locator('[data-testid="step-simulated"]').textContent()).toBe('Simulated');
      await page.goto(`${session.omni.url}/#/calls/${recording.callRecordId}`);
      await page.getByRole('region', { name: 'Recordings' }).locator('audio').waitFor();
    });

    it('says so in the phone panel when a number has no flow', async () => {
      await page.goto(`${session.omni.url}/#/phone`);
      await page.reload();
      await page.getByRole('heading', { name: 'Call from this browser' }).waitFor();
      await page.getByLabel('Number to call').fill('600 111 222');
      await page.getByRole('button', { name: 'Call', exact: true }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: 'No published flow answers 600111222' })
        .waitFor({ timeout: 30_000 });
      expect(await page.locator('[data-testid="browser-phone-state"]').getAttribute('data-state')).toBe(
        'ended',
      );
    });
  },
);
