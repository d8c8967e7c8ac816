import { readFile, stat } from 'node:fs/promises';
import type { AudioSource } from '../voice-driver.ts';
import { decodeWav } from './wav-file.ts';
import { VoiceError } from './voice-error.ts';

const maxUrlBytes = 20 * 1024 * 1024;
const maxCachedFiles = 200;
/** How long a prompt file's size and mtime are trusted before it is looked at again. */
const recheckMs = 1000;

/**
 * Turns an `AudioSource` into samples. Prompt files are decoded once and kept (keyed by path,
 * size and mtime, so an edited prompt is re-read): the next prompt after a key press must start
 * within one packet time, not after a disk read and a decode.
 */
export class AudioLoader {
  private readonly cache = new Map<string, { stamp: string; checkedAt: number; samples: Int16Array }>();

  async load(source: AudioSource): Promise<Int16Array> {
    return source.kind === 'file' ? this.loadFile(source.path) : this.loadUrl(source.url);
  }

  private async loadFile(path: string): Promise<Int16Array> {
    const cached = this.cache.get(path);
    // A menu's next prompt starts the moment the key is in: a prompt played within the last
    // second (hundreds of calls in one menu) skips even the stat on the thread pool.
    const now = performance.now();
    if (cached && now - cached.checkedAt < recheckMs) return cached.samples;
    const info = await stat(path);
    const stamp = `${info.size}:${info.mtimeMs}`;
    if (cached?.stamp === stamp) {
      cached.checkedAt = now;
      return cached.samples;
    }
    const samples = decodeWav(await readFile(path), path);
    this.cache.delete(path);
    this.cache.set(path, { stamp, checkedAt: now, samples });
    if (this.cache.size > maxCachedFiles) this.cache.delete(this.cache.keys().next().value ?? '');
    return samples;
  }

  private async loadUrl(url: string): Promise<Int16Array> {
    const response = await fetch(url).catch((error: unknown) => {
      throw new VoiceError('AUDIO_FETCH_FAILED', `Could not fetch ${url}: ${String(error)}`, true);
    });
    if (!response.ok)
      throw new VoiceError('AUDIO_FETCH_FAILED', `Fetching ${url} answered ${response.status}`, true);
    const bytes = Buffer.from(await response.arrayBuffer());
    if (bytes.length > maxUrlBytes) throw new VoiceError('AUDIO_FETCH_FAILED', `${url} is larger than 20 MB`);
    return decodeWav(bytes, url);
  }
}
