import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readWavInfo } from '../wav-info.ts';
import { createPromptCache } from './prompt-cache.ts';
import { PromptError } from './prompt-error.ts';

// Real espeak-ng and sox (Debian packages espeak-ng, sox, libsox-fmt-mp3; .ci/run installs them).
const root = mkdtempSync(join(tmpdir(), 'omniflow-prompts-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let folders = 0;
const freshDir = () => join(root, `cache-${++folders}`);

/** Root mean square of 16-bit PCM samples, 0…32767: speech is in the thousands, silence near 0. */
function rms(file: string): number {
  const bytes = readFileSync(file);
  const info = readWavInfo(bytes)!;
  const samples = new Int16Array(
    bytes.buffer.slice(bytes.byteOffset + info.dataOffset),
    0,
    info.dataBytes / 2,
  );
  let sum = 0;
  for (const s of samples) sum += s * s;
  return Math.sqrt(sum / samples.length);
}

function expectPromptFormat(file: string) {
  const info = readWavInfo(readFileSync(file));
  expect(info).toMatchObject({ audioFormat: 1, sampleRate: 8000, channels: 1, bitsPerSample: 16 });
  return info!;
}

async function rejection(promise: Promise<unknown>): Promise<PromptError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PromptError);
  return error as PromptError;
}

describe('createPromptCache().say', () => {
  it.each([
    ['es', 'Bienvenido a la mesa de ayuda. Para ventas, pulse uno.'],
    ['en', 'Welcome to the help desk. For sales, press one.'],
  ])('speaks %s as 8 kHz mono 16-bit WAV with audible speech', async (language, text) => {
    const cache = createPromptCache({ dir: freshDir() });
    const file = await cache.say(text, { language });
    const info = expectPromptFormat(file);
    expect(info.durationMs).toBeGreaterThan(1500);
    expect(rms(file)).toBeGreaterThan(500);
  });

  it('synthesises the same prompt once and serves the file again after', async () => {
    const cache = createPromptCache({ dir: freshDir() });
    const first = await cache.say('Gracias por llamar', { language: 'es' });
    const mtime = statSync(first).mtimeMs;
    const second = await cache.say('Gracias por llamar', { language: 'es' });
    expect(second).toBe(first);
    expect(statSync(second).mtimeMs).toBe(mtime);
    expect(cache.stats).toMatchObject({ synthesised: 1, hits: 1 });
  });

  it('finds prompts made by an earlier process in the same folder', async () => {
    const dir = freshDir();
    const file = await createPromptCache({ dir }).say('Hello again', { language: 'en' });
    const later = createPromptCache({ dir });
    expect(await later.say('Hello again', { language: 'en' })).toBe(file);
    expect(later.stats.synthesised).toBe(0);
  });

  it('shares one synthesis between concurrent requests for the same prompt', async () => {
    const cache = createPromptCache({ dir: freshDir() });
    const files = await Promise.all(
      Array.from({ length: 5 }, () => cache.say('Todos nuestros agentes están ocupados', { language: 'es' })),
    );
    expect(new Set(files).size).toBe(1);
    expect(cache.stats.synthesised).toBe(1);
  });

  it('keeps different text, language or voice apart', async () => {
    const cache = createPromptCache({ dir: freshDir() });
    const a = await cache.say('Hola', { language: 'es' });
    const b = await cache.say('Hola', { language: 'en' });
    const c = await cache.say('Hola', { language: 'es', voice: 'es-419' });
    const d = await cache.say('Adiós', { language: 'es' });
    expect(new Set([a, b, c, d]).size).toBe(4);
    expect(cache.stats.synthesised).toBe(4);
  });

  it('reads a prompt that starts with a dash as words, not an option', async () => {
    const cache = createPromptCache({ dir: freshDir() });
    expectPromptFormat(await cache.say('-v zz --help', { language: 'en' }));
  });

  it('names the Debian package when espeak-ng is missing', async () => {
    const cache = createPromptCache({ dir: freshDir(), espeakBinary: join(root, 'no-espeak-ng') });
    const error = await rejection(cache.say('Hola', { language: 'es' }));
    expect(error.code).toBe('TTS_UNAVAILABLE');
    expect(error.debianPackage).toBe('espeak-ng');
    expect(error.message).toMatch(/apt-get install espeak-ng/);
  });

  it('names sox when it is missing, since every prompt is converted', async () => {
    const cache = createPromptCache({ dir: freshDir(), soxBinary: join(root, 'no-sox') });
    const error = await rejection(cache.say('Hola', { language: 'es' }));
    expect(error).toMatchObject({ code: 'TTS_UNAVAILABLE', debianPackage: 'sox' });
  });

  it('says which voice is unknown', async () => {
    const cache = createPromptCache({ dir: freshDir() });
    const error = await rejection(cache.say('Hola', { language: 'es', voice: 'zz' }));
    expect(error.code).toBe('TTS_VOICE_UNKNOWN');
    expect(error.message).toMatch(/"zz"/);
  });

  it('refuses empty text', async () => {
    const cache = createPromptCache({ dir: freshDir() });
    expect((await rejection(cache.say('  ', { language: 'es' }))).code).toBe('PROMPT_TEXT_EMPTY');
  });
});

describe('createPromptCache().convertUpload', () => {
  // A second of a 440 Hz tone at CD quality, stereo: what a designer might upload.
  const studioWav = join(root, 'tone.wav');
  execFileSync('sox', ['-n', '-r', '44100', '-c', '2', '-b', '16', studioWav, 'synth', '1', 'sine', '440']);
  const mp3 = join(root, 'tone.mp3');
  execFileSync('sox', [studioWav, mp3]);

  it('converts a 44.1 kHz stereo WAV file to the prompt format', async () => {
    const cache = createPromptCache({ dir: freshDir() });
    const file = await cache.convertUpload(studioWav, 'wav');
    expect(expectPromptFormat(file).durationMs).toBeGreaterThanOrEqual(990);
    expect(rms(file)).toBeGreaterThan(5000);
  });

  it('converts MP3 bytes, once per content', async () => {
    const cache = createPromptCache({ dir: freshDir() });
    const file = await cache.convertUpload(readFileSync(mp3), 'mp3');
    expectPromptFormat(file);
    expect(rms(file)).toBeGreaterThan(5000);
    expect(await cache.convertUpload(mp3, 'mp3')).toBe(file);
    expect(cache.stats).toMatchObject({ converted: 1, hits: 1 });
  });

  it.each([
    ['wav', 'not audio at all'],
    ['mp3', 'not audio at all'],
  ] as const)('refuses a %s that is not audio', async (kind, text) => {
    const cache = createPromptCache({ dir: freshDir() });
    const error = await rejection(cache.convertUpload(Buffer.from(text), kind));
    expect(error.code).toBe('AUDIO_INVALID');
    expect(error.message).toMatch(kind === 'mp3' ? /not an MP3 file/ : /not a WAV file/);
  });

  it('refuses a WAV with no samples', async () => {
    const empty = join(root, 'empty.wav');
    execFileSync('sox', ['-n', '-r', '8000', '-c', '1', '-b', '16', empty, 'trim', '0', '0']);
    const cache = createPromptCache({ dir: freshDir() });
    const error = await rejection(cache.convertUpload(empty, 'wav'));
    expect(error.code).toBe('AUDIO_INVALID');
  });

  it('names the Debian package when sox is missing', async () => {
    const cache = createPromptCache({ dir: freshDir(), soxBinary: join(root, 'no-sox') });
    const error = await rejection(cache.convertUpload(mp3, 'mp3'));
    expect(error).toMatchObject({ code: 'AUDIO_CONVERTER_UNAVAILABLE', debianPackage: 'sox' });
  });

  it('names libsox-fmt-mp3 when sox cannot read MP3', async () => {
    // A sox stand-in whose format list lacks mp3, as Debian's sox without libsox-fmt-mp3.
    const fakeSox = join(root, 'sox-without-mp3');
    writeFileSync(fakeSox, '#!/bin/sh\necho "AUDIO FILE FORMATS: wav au raw"\n', { mode: 0o755 });
    const cache = createPromptCache({ dir: freshDir(), soxBinary: fakeSox });
    const error = await rejection(cache.convertUpload(mp3, 'mp3'));
    expect(error).toMatchObject({ code: 'AUDIO_CONVERTER_UNAVAILABLE', debianPackage: 'libsox-fmt-mp3' });
  });

  it('leaves no scratch files behind, even after a failure', async () => {
    const dir = freshDir();
    const cache = createPromptCache({ dir });
    await cache.say('Hola', { language: 'es' });
    await cache.convertUpload(Buffer.from('junk'), 'wav').catch(() => undefined);
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});
