import { mkdtempSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readWavInfo } from '../wav-info.ts';
import { MixRecorder } from './mix-recorder.ts';

const dir = mkdtempSync(join(tmpdir(), 'omniflow-mix-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

const frame = (value: number) => new Int16Array(160).fill(value);

async function samplesOf(path: string): Promise<Int16Array> {
  const bytes = await readFile(path);
  const wav = readWavInfo(bytes)!;
  const samples = new Int16Array(wav.dataBytes / 2);
  for (let i = 0; i < samples.length; i++) samples[i] = bytes.readInt16LE(wav.dataOffset + i * 2);
  return samples;
}

describe('MixRecorder', () => {
  it('adds what the caller said to what they heard, each placed by its RTP timestamps', async () => {
    const recorder = await MixRecorder.create(join(dir, 'mix.wav'), () => 0);
    // Five frames each way, sent in one burst: the timestamps, not the arrival, place them.
    for (let i = 0; i < 5; i++) {
      recorder.add('in', frame(1000), 5000 + i * 160, 1);
      recorder.add('out', frame(500), 90_000 + i * 160, 2);
    }
    const result = await recorder.close();
    expect(result.durationMs).toBe(100);
    const samples = await samplesOf(result.path);
    // The middle of the mix has both sides summed.
    expect(samples[400]).toBe(1500);
  });

  it('clips a loud mix to 16 bits instead of wrapping around', async () => {
    const recorder = await MixRecorder.create(join(dir, 'loud.wav'));
    recorder.add('in', frame(30_000), 0, 1);
    recorder.add('out', frame(30_000), 0, 2);
    const samples = await samplesOf((await recorder.close()).path);
    expect(Math.max(...samples)).toBe(32767);
    expect(Math.min(...samples)).toBeGreaterThanOrEqual(0);
  });

  it('keeps a gap in a stream as silence and re-anchors a stream whose clock jumps', async () => {
    let wallMs = 0;
    const recorder = await MixRecorder.create(join(dir, 'gap.wav'), () => wallMs);
    recorder.add('in', frame(1000), 0, 1);
    // 200 ms later by the stream's clock.
    recorder.add('in', frame(1000), 1760, 1);
    // A new SSRC (the caller's phone restarted its stream) starts where the wall clock is.
    wallMs = 5;
    recorder.add('in', frame(700), 4_000_000, 9);
    const result = await recorder.close();
    const samples = await samplesOf(result.path);
    expect(result.durationMs).toBeGreaterThanOrEqual(240);
    expect(samples[800]).toBe(0);
    expect(samples[1800]).toBe(1000);
    // Placed at 5 ms (sample 40) over the first frame's second part.
    expect(samples[39]).toBe(1000);
    expect(samples[40]).toBe(1700);
    expect(samples[199]).toBe(700);
  });

  it('writes a valid WAV header when nothing was heard', async () => {
    const recorder = await MixRecorder.create(join(dir, 'empty.wav'));
    const result = await recorder.close();
    expect(result.durationMs).toBe(0);
    expect(readWavInfo(await readFile(result.path))).toMatchObject({ sampleRate: 8000, dataBytes: 0 });
  });
});
