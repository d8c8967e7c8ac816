import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { wavHeader, wavHeaderBytes } from './wav-file.ts';

/** A gap in the caller's RTP longer than this is not filled with silence (a clock jump, not a pause). */
const maxGapSamples = 8000 * 10;

/**
 * Writes a call's inbound audio to an 8 kHz mono 16-bit WAV as it arrives, so a hang-up or a
 * crash loses at most the last write; the header's sizes are patched when it closes. Gaps in
 * the RTP timestamps (the caller's silence suppression) become silence, keeping the recording's
 * length true to the call.
 */
export class WavRecorder {
  private samples = 0;
  private lastEnd: { ssrc: number; timestamp: number } | undefined;
  private writing: Promise<unknown>;
  private file: FileHandle | undefined;
  private failure: Error | undefined;

  private constructor(readonly path: string) {
    this.writing = Promise.resolve();
  }

  static async create(path: string): Promise<WavRecorder> {
    const recorder = new WavRecorder(path);
    await mkdir(dirname(path), { recursive: true });
    recorder.file = await open(path, 'w');
    await recorder.file.write(wavHeader(0), 0, wavHeaderBytes, 0);
    return recorder;
  }

  get durationMs(): number {
    return Math.round(this.samples / 8);
  }

  write(samples: Int16Array, timestamp: number, ssrc: number): void {
    let gap = 0;
    if (this.lastEnd && this.lastEnd.ssrc === ssrc) {
      const delta = (timestamp - this.lastEnd.timestamp) >>> 0;
      if (delta > 0 && delta <= maxGapSamples) gap = delta;
    }
    this.lastEnd = { ssrc, timestamp: (timestamp + samples.length) >>> 0 };
    const bytes = Buffer.alloc((gap + samples.length) * 2);
    for (let i = 0; i < samples.length; i++) bytes.writeInt16LE(samples[i]!, (gap + i) * 2);
    this.append(bytes);
  }

  writeSilence(sampleCount: number): void {
    this.append(Buffer.alloc(sampleCount * 2));
  }

  /** Flushes, patches the header, closes; throws if any write failed (a recording must not be lost silently). */
  async close(): Promise<{ path: string; durationMs: number }> {
    await this.writing;
    const file = this.file;
    this.file = undefined;
    if (file) {
      try {
        if (!this.failure) await file.write(wavHeader(this.samples * 2), 0, wavHeaderBytes, 0);
      } finally {
        await file.close();
      }
    }
    if (this.failure) throw this.failure;
    return { path: this.path, durationMs: this.durationMs };
  }

  private append(bytes: Buffer): void {
    const position = wavHeaderBytes + this.samples * 2;
    this.samples += bytes.length / 2;
    this.writing = this.writing.then(async () => {
      if (!this.file || this.failure) return;
      try {
        await this.file.write(bytes, 0, bytes.length, position);
      } catch (error) {
        this.failure = error instanceof Error ? error : new Error(String(error));
      }
    });
  }
}
