import { readFile } from 'node:fs/promises';
import { readWavInfo } from '../drivers/voice/wav-info.ts';

/**
 * Below this peak a 16-bit recording holds nothing a person could hear: line noise on a G.711
 * call decodes to a few dozen units at most, quiet speech to several hundred.
 */
const audiblePeak = 200;

/** Whether a 16-bit PCM WAV (what the drivers record) has no audible sample. */
export async function isSilentWav(path: string): Promise<boolean> {
  const bytes = await readFile(path);
  const wav = readWavInfo(bytes);
  if (!wav || wav.bitsPerSample !== 16) return false;
  const end = Math.min(bytes.length - 1, wav.dataOffset + wav.dataBytes - 1);
  for (let at = wav.dataOffset; at < end; at += 2) {
    if (Math.abs(bytes.readInt16LE(at)) >= audiblePeak) return false;
  }
  return true;
}
