import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tone } from '../drivers/voice/sip/tones.ts';
import { encodeWav } from '../drivers/voice/sip/wav-file.ts';

/**
 * The default hold music: a soft, slow arpeggio (A4, C#5, E5, C#5; 400 ms notes with gaps), 8 s
 * long, generated rather than shipped so there is no licence or download. Written once per
 * process to a cache file the SIP endpoint plays (and keeps decoded) like any prompt.
 */
export function holdMusicSamples(): Int16Array {
  const notes = [440, 554.37, 659.25, 554.37];
  const pattern: Int16Array[] = [];
  for (let bar = 0; bar < 4; bar++) {
    for (const frequency of notes) {
      const note = tone(frequency, 400, 2500);
      // A short fade in and out: a bare sine step clicks on a phone line.
      for (let i = 0; i < 240; i++) {
        note[i] = Math.round((note[i]! * i) / 240);
        note[note.length - 1 - i] = Math.round((note[note.length - 1 - i]! * i) / 240);
      }
      pattern.push(note, new Int16Array(800));
    }
    pattern.push(new Int16Array(3200));
  }
  const samples = new Int16Array(pattern.reduce((n, part) => n + part.length, 0));
  let offset = 0;
  for (const part of pattern) {
    samples.set(part, offset);
    offset += part.length;
  }
  return samples;
}

let cached: Promise<string> | undefined;

/** Path of the default hold music WAV (8 kHz mono), created on first use. */
export function defaultHoldMusic(dir = join(tmpdir(), 'omniflow-audio')): Promise<string> {
  cached ??= (async () => {
    const path = join(dir, 'hold-music-v1.wav');
    const exists = await stat(path).then(
      () => true,
      () => false,
    );
    if (!exists) {
      await mkdir(dir, { recursive: true });
      // Written aside and renamed: another worker may be reading the same path.
      const partial = `${path}.${process.pid}.tmp`;
      await writeFile(partial, encodeWav(holdMusicSamples()));
      await rename(partial, path);
    }
    return path;
  })().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}
