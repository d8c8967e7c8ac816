import { readFile, stat } from 'node:fs/promises';
import { sendRequestForBytes } from '../../../http/send-request.ts';
import { NodeError } from '../../../sdk/node-error.ts';
import type { AudioSource } from '../voice-driver.ts';
import { decodeWav } from './wav-file.ts';
import { VoiceError } from './voice-error.ts';

const maxUrlBytes = 20 * 1024 * 1024;
const maxCachedFiles = 200;
/** How long a prompt file's size and mtime are trusted before it is looked at again. */
const recheckMs = 1000;
const fetchTimeoutMs = 10_000;

export interface AudioLoaderOptions {
  /**
   * Fetch audio URLs on private, loopback and link-local addresses too. Off by default, as for
   * `http.request`: a flow's audio URL must not reach the worker's own network (the SIP endpoint
   * sets it from OMNIFLOW_HTTP_ALLOW_PRIVATE=1).
   */
  allowPrivate?: boolean;
}

/**
 * Turns an `AudioSource` into samples. Prompt files are decoded once and kept (keyed by path,
 * size and mtime, so an edited prompt is re-read): the next prompt after a key press must start
 * within one packet time, not after a disk read and a decode.
 */
export class AudioLoader {
  private readonly cache = new Map<string, { stamp: string; checkedAt: number; samples: Int16Array }>();

  constructor(private readonly options: AudioLoaderOptions = {}) {}

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
    // The same guarded exchange as http.request: private targets refused at DNS-lookup time and
    // after every redirect, so a name that resolves or redirects inward is caught too.
    const response = await sendRequestForBytes({
      method: 'GET',
      url,
      headers: {},
      timeoutMs: fetchTimeoutMs,
      allowPrivate: this.options.allowPrivate ?? false,
      maxBodyBytes: maxUrlBytes,
    }).catch((error: unknown) => {
      // A refused or invalid URL stays refused: not retryable, and keeps its code (HTTP_TARGET_BLOCKED).
      if (error instanceof NodeError && !error.retryable) throw error;
      throw new VoiceError('AUDIO_FETCH_FAILED', `Could not fetch ${url}: ${String(error)}`, true);
    });
    if (response.status < 200 || response.status >= 300)
      throw new VoiceError('AUDIO_FETCH_FAILED', `Fetching ${url} answered ${response.status}`, true);
    return decodeWav(response.body, url);
  }
}
