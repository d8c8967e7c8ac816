import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { wavHeader, wavHeaderBytes } from './wav-file.ts';

const samplesPerMs = 8;
/** Audio this late (network jitter) still lands in its place; older audio is already on disk. */
const mixDelaySamples = 500 * samplesPerMs;
const flushEveryMs = 200;
/** A stream whose timestamps jump this far from the wall clock restarted (new SSRC clock): re-anchor. */
const maxDriftSamples = 1000 * samplesPerMs;

interface Anchor {
  ssrc: number;
  timestamp: number;
  sample: number;
}

/**
 * Both sides of a call mixed into one 8 kHz mono 16-bit WAV, written as the call goes. Each
 * stream is placed by its RTP timestamps (anchored to the wall clock at its first packet), so
 * packets that arrive in bursts or a little late still land where they were spoken; the mix is
 * held back half a second for stragglers, then written, so a crash loses at most that much.
 */
export class MixRecorder {
  private readonly origin: number;
  /** Samples already on disk; the window holds the ones after. */
  private written = 0;
  private window = new Int32Array(mixDelaySamples * 2);
  private end = 0;
  private readonly anchors = new Map<'in' | 'out', Anchor>();
  private writing: Promise<unknown> = Promise.resolve();
  private failure: Error | undefined;
  private readonly timer: NodeJS.Timeout;
  private closed = false;

  private constructor(
    readonly path: string,
    private readonly file: FileHandle,
    private readonly clock: () => number,
  ) {
    this.origin = clock();
    this.timer = setInterval(() => this.flush(this.nowSample() - mixDelaySamples), flushEveryMs);
  }

  /** `clock` (milliseconds) places a new stream; tests pass their own so a busy machine cannot move it. */
  static async create(path: string, clock: () => number = () => performance.now()): Promise<MixRecorder> {
    await mkdir(dirname(path), { recursive: true });
    const file = await open(path, 'w');
    await file.write(wavHeader(0), 0, wavHeaderBytes, 0);
    return new MixRecorder(path, file, clock);
  }

  /** Audio one side sent, with its RTP timestamp and SSRC. */
  add(side: 'in' | 'out', samples: Int16Array, timestamp: number, ssrc: number): void {
    if (this.closed) return;
    const now = this.nowSample();
    let anchor = this.anchors.get(side);
    const placed = anchor ? anchor.sample + ((timestamp - anchor.timestamp) | 0) : undefined;
    if (!anchor || anchor.ssrc !== ssrc || placed === undefined || Math.abs(placed - now) > maxDriftSamples) {
      anchor = { ssrc, timestamp, sample: now };
      this.anchors.set(side, anchor);
    }
    const at = anchor.sample + ((timestamp - anchor.timestamp) | 0);
    const skip = Math.max(0, this.written - at);
    if (skip >= samples.length) return;
    this.reserve(at + samples.length);
    for (let i = skip; i < samples.length; i++) this.window[at + i - this.written]! += samples[i]!;
    this.end = Math.max(this.end, at + samples.length);
  }

  /** Writes what is left, patches the header, closes; throws if any write failed. */
  async close(): Promise<{ path: string; durationMs: number }> {
    if (!this.closed) {
      this.closed = true;
      clearInterval(this.timer);
      this.flush(this.end);
      await this.writing;
      try {
        if (!this.failure) await this.file.write(wavHeader(this.written * 2), 0, wavHeaderBytes, 0);
      } finally {
        await this.file.close();
      }
    }
    if (this.failure) throw this.failure;
    return { path: this.path, durationMs: Math.round(this.written / samplesPerMs) };
  }

  private nowSample(): number {
    return Math.round((this.clock() - this.origin) * samplesPerMs);
  }

  private reserve(upTo: number): void {
    const needed = upTo - this.written;
    if (needed <= this.window.length) return;
    const grown = new Int32Array(Math.max(needed, this.window.length * 2));
    grown.set(this.window);
    this.window = grown;
  }

  /** Moves the mix before `upTo` to disk, clipped to 16 bits. */
  private flush(upTo: number): void {
    const count = Math.min(upTo, this.end) - this.written;
    if (count <= 0) return;
    const bytes = Buffer.alloc(count * 2);
    for (let i = 0; i < count; i++) {
      bytes.writeInt16LE(Math.max(-32768, Math.min(32767, this.window[i]!)), i * 2);
    }
    this.window.copyWithin(0, count);
    this.window.fill(0, this.window.length - count);
    const position = wavHeaderBytes + this.written * 2;
    this.written += count;
    this.writing = this.writing.then(async () => {
      if (this.failure) return;
      try {
        await this.file.write(bytes, 0, bytes.length, position);
      } catch (error) {
        this.failure = error instanceof Error ? error : new Error(String(error));
      }
    });
  }
}
