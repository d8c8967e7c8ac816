import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWavInfo } from '@omniflow/nodes/drivers/voice';
import { createFilesystemRecordingStore } from '../src/recordings/filesystem-recording-store.ts';
import { startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

// Recorded prompts (issue #15) against real PGlite and PostgreSQL, real sox conversions of a
// spoken WAV (espeak-ng) and an MP3 (sox), and the filesystem store; driven through app.request().
const scratch = mkdtempSync(join(tmpdir(), 'omniflow-voice-prompts-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A 22 kHz WAV of espeak-ng saying `text`: what a designer's own recording looks like. */
function spokenWav(text: string): Buffer {
  const file = join(scratch, `${text.length}-${Date.now()}.wav`);
  execFileSync('espeak-ng', ['-v', 'es', '-w', file, text]);
  return readFileSync(file);
}

/** An MP3 of a 2-second 440 Hz tone at 44.1 kHz stereo, made by sox (libsox-fmt-mp3). */
function toneMp3(): Buffer {
  const file = join(scratch, 'tone.mp3');
  execFileSync('sox', ['-n', '-r', '44100', '-c', '2', file, 'synth', '2', 'sine', '440']);
  return readFileSync(file);
}

const edge = (id: string, from: string, port: string, to: string) => ({
  id,
  from: { node: from, port },
  to: { node: to },
});

const playFlow = (name: string, number: string, audio: string) => ({
  name,
  nodes: [
    { id: 'call', type: 'voice.inbound-call', config: { numbers: [number] } },
    { id: 'welcome', type: 'voice.play', config: { audio } },
    { id: 'bye', type: 'voice.hangup', config: {} },
  ],
  edges: [edge('e1', 'call', 'next', 'welcome'), edge('e2', 'welcome', 'next', 'bye')],
});

describe.each(['pglite', 'postgres'] as const)('recorded prompts on %s', (db) => {
  let omni: TestOmniflow;
  const store = createFilesystemRecordingStore({ dir: join(scratch, `store-${db}`) });
  const auth = () => ({ authorization: `Bearer ${omni.apiKey}` });

  const upload = (name: string, bytes: Uint8Array, language = 'en', filename = 'prompt.wav') => {
    const form = new FormData();
    form.set('name', name);
    form.set('file', new File([bytes], filename));
    return omni.app.request('/api/v1/voice-prompts', {
      method: 'POST',
      body: form,
      headers: { ...auth(), 'accept-language': language },
    });
  };

  beforeAll(async () => {
    omni = await startTestOmniflow({ db, worker: false, appDeps: { recordingStore: store } });
  }, 120_000);
  afterAll(() => omni?.close());

  it('converts an uploaded WAV to 8 kHz mono and plays it back with byte ranges', async () => {
    const wav = spokenWav('Bienvenido a la mesa de ayuda');
    expect(readWavInfo(wav)?.sampleRate).toBe(22050);
    const made = await upload('Bienvenida', wav);
    expect(made.status).toBe(201);
    const prompt = (await made.json()) as Record<string, any>;
    expect(prompt).toMatchObject({
      name: 'Bienvenida',
      reference: `prompt:${prompt.id}`,
      contentType: 'audio/wav',
    });
    expect(prompt.durationMs).toBeGreaterThan(1000);

    const audio = await omni.app.request(prompt.audioUrl, { headers: auth() });
    expect(audio.status).toBe(200);
    expect(audio.headers.get('content-type')).toBe('audio/wav');
    const info = readWavInfo(new Uint8Array(await audio.arrayBuffer()));
    expect(info).toMatchObject({ sampleRate: 8000, channels: 1, bitsPerSample: 16, audioFormat: 1 });
    expect(Math.abs(info!.durationMs - prompt.durationMs)).toBeLessThan(5);

    const part = await omni.app.request(prompt.audioUrl, { headers: { ...auth(), range: 'bytes=0-43' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 0-43/${prompt.bytes}`);
    expect((await part.arrayBuffer()).byteLength).toBe(44);
  });

  it('converts an MP3 sent as the raw body with ?name=', async () => {
    const made = await omni.app.request(
      `/api/v1/voice-prompts?name=${encodeURIComponent('Música de espera')}`,
      {
        method: 'POST',
        body: toneMp3(),
        headers: { ...auth(), 'content-type': 'audio/mpeg' },
      },
    );
    expect(made.status).toBe(201);
    const prompt = (await made.json()) as Record<string, any>;
    // MP3 encoders pad the start and end: about two seconds, not exactly.
    expect(prompt.durationMs).toBeGreaterThan(1900);
    expect(prompt.durationMs).toBeLessThan(2300);
    const audio = await omni.app.request(prompt.audioUrl, { headers: auth() });
    expect(readWavInfo(new Uint8Array(await audio.arrayBuffer()))).toMatchObject({
      sampleRate: 8000,
      channels: 1,
    });

    const list = await omni.call('GET', '/api/v1/voice-prompts');
    expect(list.body.items.map((item: { name: string }) => item.name)).toEqual([
      'Bienvenida',
      'Música de espera',
    ]);
  });

  it('refuses what is not audio, what sox cannot read, a name taken and a file too big, in Spanish', async () => {
    const notAudio = await upload('Texto', new TextEncoder().encode('hola, esto no es audio'), 'es', 'a.wav');
    expect(notAudio.status).toBe(422);
    expect(await notAudio.json()).toMatchObject({
      error: { code: 'AUDIO_INVALID', message: expect.stringContaining('no es una grabación WAV ni MP3') },
    });

    // A WAV header and nothing sox can decode after it.
    const broken = Buffer.concat([Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt '), Buffer.alloc(64, 0xee)]);
    const unreadable = await upload('Roto', broken, 'es');
    expect(unreadable.status).toBe(422);
    expect(await unreadable.json()).toMatchObject({
      error: { code: 'AUDIO_INVALID', message: expect.stringContaining('No se pudo leer el audio') },
    });

    const taken = await upload('Bienvenida', spokenWav('Hola'), 'es');
    expect(taken.status).toBe(409);
    expect(await taken.json()).toMatchObject({
      error: {
        code: 'VOICE_PROMPT_NAME_TAKEN',
        message: 'Ya hay un audio llamado «Bienvenida»; elige otro nombre',
      },
    });

    const big = Buffer.concat([spokenWav('Hola'), Buffer.alloc(10 * 1024 * 1024)]);
    const tooBig = await upload('Grande', big, 'es');
    expect(tooBig.status).toBe(413);
    expect(await tooBig.json()).toMatchObject({
      error: { code: 'AUDIO_TOO_LARGE', message: expect.stringContaining('pesa más de 10 MB') },
    });

    const noName = await upload('   ', spokenWav('Hola'), 'es');
    expect(noName.status).toBe(400);
    // A form whose boundary matches no part (found by the API fuzz test as a 500).
    const badForm = await omni.app.request('/api/v1/voice-prompts', {
      method: 'POST',
      body: 'a=1&b=%00',
      headers: { ...auth(), 'accept-language': 'es', 'content-type': 'multipart/form-data; boundary=x' },
    });
    expect(badForm.status).toBe(400);
    expect(await badForm.json()).toMatchObject({
      error: { code: 'FORM_INVALID', message: expect.stringContaining('No se pudo leer el formulario') },
    });
    const names = await omni.call('GET', '/api/v1/voice-prompts');
    expect(names.body.items).toHaveLength(2);
  });

  it('lets a viewer listen but not upload, rename or delete', async () => {
    const key = await omni.call('POST', '/api/v1/api-keys', { name: 'listener', role: 'viewer' });
    const asViewer = { authorization: `Bearer ${key.body.key}` };
    const list = await omni.call('GET', '/api/v1/voice-prompts', undefined, asViewer);
    expect(list.status).toBe(200);
    const [first] = list.body.items;
    expect((await omni.app.request(first.audioUrl, { headers: asViewer })).status).toBe(200);
    const form = new FormData();
    form.set('name', 'Intruso');
    form.set('file', new File([spokenWav('Hola')], 'x.wav'));
    const refused = await omni.app.request('/api/v1/voice-prompts', {
      method: 'POST',
      body: form,
      headers: asViewer,
    });
    expect(refused.status).toBe(403);
    expect(
      (await omni.call('PATCH', `/api/v1/voice-prompts/${first.id}`, { name: 'Otro' }, asViewer)).status,
    ).toBe(403);
    expect((await omni.call('DELETE', `/api/v1/voice-prompts/${first.id}`, undefined, asViewer)).status).toBe(
      403,
    );
  });

  it('renames without breaking a flow, flags an unknown prompt and refuses to delete one a published flow plays', async () => {
    const list = await omni.call('GET', '/api/v1/voice-prompts');
    const welcome = list.body.items.find((item: { name: string }) => item.name === 'Bienvenida');
    const hold = list.body.items.find((item: { name: string }) => item.name === 'Música de espera');

    const renamed = await omni.call('PATCH', `/api/v1/voice-prompts/${welcome.id}`, { name: 'Saludo' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Saludo', reference: welcome.reference });
    const clash = await omni.call(
      'PATCH',
      `/api/v1/voice-prompts/${welcome.id}`,
      { name: 'Música de espera' },
      {
        'accept-language': 'es',
      },
    );
    expect(clash.status).toBe(409);

    const flow = await omni.call(
      'POST',
      '/api/v1/flows',
      playFlow('Bienvenida IVR', '5100', welcome.reference),
    );
    const valid = await omni.call('POST', `/api/v1/flows/${flow.body.id}/validate`);
    expect(valid.body.errors).toEqual([]);
    expect((await omni.call('POST', `/api/v1/flows/${flow.body.id}/publish`, {})).status).toBe(201);

    const inUse = await omni.call('DELETE', `/api/v1/voice-prompts/${welcome.id}`, undefined, {
      'accept-language': 'es',
    });
    expect(inUse.status).toBe(409);
    expect(inUse.body.error.code).toBe('VOICE_PROMPT_IN_USE');
    expect(inUse.body.error.message).toContain('«Saludo»');
    expect(inUse.body.error.message).toContain('“Bienvenida IVR”');
    expect(inUse.body.error.details.flows[0]).toMatchObject({
      flowName: 'Bienvenida IVR',
      nodeIds: ['welcome'],
    });

    // An audio from nowhere (another workspace, or deleted): an error on the node's field.
    const stray = 'prompt:0190b3c4-0000-7000-8000-000000000000';
    const other = await omni.call('POST', '/api/v1/flows', playFlow('Perdido', '5101', stray));
    const problems = await omni.call('POST', `/api/v1/flows/${other.body.id}/validate`);
    expect(problems.body.ok).toBe(false);
    expect(problems.body.errors).toEqual([
      expect.objectContaining({ code: 'VOICE_PROMPT_UNKNOWN', nodeId: 'welcome', path: ['audio'] }),
    ]);
    const publish = await omni.call('POST', `/api/v1/flows/${other.body.id}/publish`, {});
    expect(publish.status).toBe(422);

    // Unused: deleted with its audio.
    expect((await omni.call('DELETE', `/api/v1/voice-prompts/${hold.id}`)).status).toBe(204);
    expect((await omni.app.request(hold.audioUrl, { headers: auth() })).status).toBe(404);
    const missing = await omni.call('DELETE', `/api/v1/voice-prompts/${hold.id}`, undefined, {
      'accept-language': 'es',
    });
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toContain('No hay ningún audio');
  });
});
