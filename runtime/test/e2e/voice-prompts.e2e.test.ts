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

// Recorded prompts in the inspector, in Spanish (issue #15): a designer uploads a WAV, listens to
// it, records another with the microphone (Chromium's fake microphone speaks a WAV made here by
// espeak-ng), and picks the first for a "Decir" step; the draft then plays it instead of the text.

const flow = {
  name: 'Bienvenida',
  nodes: [
    { id: 'call', type: 'voice.inbound-call', label: 'Llamada', config: { numbers: ['900555200'] } },
    { id: 'hello', type: 'voice.say', label: 'Saludo', config: { text: 'Hola', language: 'es' } },
    { id: 'bye', type: 'voice.hangup', label: 'Colgar', config: {} },
  ],
  edges: [
    { id: 'e1', from: { node: 'call', port: 'next' }, to: { node: 'hello' } },
    { id: 'e2', from: { node: 'hello', port: 'next' }, to: { node: 'bye' } },
  ],
};

/** RMS of 16-bit samples: a recording of the (fake) microphone's speech is far from silence. */
function rmsOf(wav: Uint8Array): number {
  const info = readWavInfo(wav)!;
  const view = new DataView(wav.buffer, wav.byteOffset + info.dataOffset, info.dataBytes);
  let sum = 0;
  const count = Math.floor(info.dataBytes / 2);
  for (let i = 0; i < count; i++) sum += view.getInt16(i * 2, true) ** 2;
  return Math.sqrt(sum / Math.max(1, count));
}

describe.skipIf(!hasChromium)('recorded prompts in Chromium: upload, listen, record and pick', () => {
  let session: BuilderSession;
  let page: Page;
  let work: string;
  let upload: string;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'omniflow-voice-prompts-e2e-'));
    const spoken = join(work, 'spoken.wav');
    const microphone = join(work, 'microphone.wav');
    execFileSync('espeak-ng', ['-v', 'es', '-w', spoken, 'Gracias por llamar. Le atendemos enseguida.']);
    execFileSync('sox', [spoken, '-r', '48000', '-c', '1', '-b', '16', microphone]);
    upload = join(work, 'bienvenida.wav');
    execFileSync('espeak-ng', ['-v', 'es', '-w', upload, 'Bienvenido a la mesa de ayuda']);
    session = await openBuilder(
      { viewport: { width: 1400, height: 950 } },
      { appDeps: { recordingStore: createFilesystemRecordingStore({ dir: join(work, 'store') }) } },
      {
        browserArgs: [
          '--use-fake-device-for-media-stream',
          '--use-fake-ui-for-media-stream',
          `--use-file-for-fake-audio-capture=${microphone}`,
          '--autoplay-policy=no-user-gesture-required',
        ],
      },
    );
    page = session.page;
  }, 240_000);

  afterAll(async () => {
    await session?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('uploads a WAV in the inspector, plays it, records one with the microphone and picks the first', async () => {
    const created = await session.omni.call('POST', '/api/v1/flows', flow);
    const flowId = created.body.id as string;
    await page.goto(session.omni.url);
    await signIn(session);
    await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
    await page.goto(`${session.omni.url}/#/flows/${flowId}`);
    await page.locator('.react-flow__node[data-id="hello"]').click();
    const field = page.getByTestId('voice-prompt-field');
    await field.getByText('Aún no hay audios grabados').waitFor();

    // Upload: named after the file, renamed by the designer, converted by the server and chosen.
    await field.getByTestId('voice-prompt-upload').setInputFiles(upload);
    const name = field.getByLabel('Nombre del audio');
    expect(await name.inputValue()).toBe('bienvenida');
    await name.fill('Bienvenida');
    await field.getByRole('button', { name: 'Guardar el audio' }).click();
    const chosen = field.getByRole('radio', { name: 'Usar Bienvenida' });
    await expect.poll(() => chosen.isChecked(), { timeout: 30_000 }).toBe(true);

    // Listen: the browser fetches the converted WAV and plays it.
    const fetched = page.waitForResponse((r) => /\/voice-prompts\/[0-9a-f-]+\/audio$/.test(r.url()));
    await field.getByRole('button', { name: 'Escuchar Bienvenida' }).click();
    expect([200, 206]).toContain((await fetched).status());
    await field.locator('[data-playing="true"]').waitFor();

    // A same name again is refused in Spanish, in place.
    await field.getByTestId('voice-prompt-upload').setInputFiles(upload);
    await field.getByLabel('Nombre del audio').fill('Bienvenida');
    await field.getByRole('button', { name: 'Guardar el audio' }).click();
    await field.getByRole('alert').filter({ hasText: 'Ya hay un audio llamado «Bienvenida»' }).waitFor();
    await field.getByRole('button', { name: 'Cancelar' }).click();

    // Record with the (fake) microphone: PCM through Web Audio, sent as a WAV.
    await field.getByRole('button', { name: 'Grabar con el micrófono' }).click();
    await field.getByText(/Grabando… [2-9] s/).waitFor({ timeout: 20_000 });
    await field.getByRole('button', { name: 'Terminar la grabación' }).click();
    await field.getByTestId('voice-prompt-take').waitFor();
    await field.getByLabel('Nombre del audio').fill('Mi grabación');
    await screenshot(page, 'voice-prompt-picker');
    await field.getByRole('button', { name: 'Guardar el audio' }).click();
    await expect
      .poll(() => field.getByRole('radio', { name: 'Usar Mi grabación' }).isChecked(), { timeout: 30_000 })
      .toBe(true);
    const prompts = (await session.omni.call('GET', '/api/v1/voice-prompts')).body.items as {
      name: string;
      id: string;
      reference: string;
      durationMs: number;
      audioUrl: string;
    }[];
    expect(prompts.map((p) => p.name)).toEqual(['Bienvenida', 'Mi grabación']);
    const recorded = prompts[1]!;
    expect(recorded.durationMs).toBeGreaterThan(1500);
    const audio = await session.omni.app.request(recorded.audioUrl, {
      headers: { authorization: `Bearer ${session.omni.apiKey}` },
    });
    expect(rmsOf(new Uint8Array(await audio.arrayBuffer()))).toBeGreaterThan(300);

    // Pick the uploaded one: the draft names it by reference, the card by name.
    await chosen.check();
    await page.locator('[data-testid="save-state"][data-state="saved"]').waitFor();
    await expect
      .poll(async () => {
        const saved = await session.omni.call('GET', `/api/v1/flows/${flowId}`);
        return saved.body.draft.nodes.find((n: { id: string }) => n.id === 'hello').config.recordedPrompt;
      })
      .toBe(prompts[0]!.reference);

    // Spanish everywhere in the picker; no ids shown.
    await page.getByText('Audio grabado (se reproduce en lugar de leer el texto)').waitFor();
    const text = (await field.textContent()) ?? '';
    expect(text).toContain('Ninguno: leer el texto en voz alta');
    expect(text).not.toMatch(/Record with|Upload WAV|prompt:|[0-9a-f]{8}-[0-9a-f]{4}/);

    // Published, the flow keeps its audio: the Recordings page refuses to delete it, naming the flow.
    expect((await session.omni.call('POST', `/api/v1/flows/${flowId}/publish`, {})).status).toBe(201);
    await page.goto(`${session.omni.url}/#/recordings`);
    const section = page.getByRole('region', { name: 'Audios grabados' });
    const row = section.locator('[data-voice-prompt-row="Bienvenida"]');
    await row.waitFor();
    await row.getByRole('button', { name: 'Borrar' }).click();
    await row.getByRole('button', { name: 'Borrar' }).click();
    await section
      .getByRole('alert')
      .filter({ hasText: 'lo reproduce un flujo publicado (“Bienvenida”)' })
      .waitFor();
    await screenshot(page, 'voice-prompts-section');
    // The recording nobody plays goes.
    const take = section.locator('[data-voice-prompt-row="Mi grabación"]');
    await take.getByRole('button', { name: 'Borrar' }).click();
    await take.getByRole('button', { name: 'Borrar' }).click();
    await take.waitFor({ state: 'detached' });
  });
});
