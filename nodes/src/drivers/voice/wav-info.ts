/** What a WAV file's header says about its audio. */
export interface WavInfo {
  /** 1 = PCM, 6 = A-law, 7 = µ-law. */
  audioFormat: number;
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
  /** Where the samples start and how many bytes of them there are. */
  dataOffset: number;
  dataBytes: number;
  durationMs: number;
}

/**
 * Reads a RIFF/WAVE header, walking the chunks (sox and espeak-ng may put LIST chunks before
 * `data`). Answers undefined for anything that is not a WAV with `fmt ` and `data` chunks.
 */
export function readWavInfo(bytes: Uint8Array): WavInfo | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (bytes.byteLength < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE') return undefined;
  let format: Pick<WavInfo, 'audioFormat' | 'channels' | 'sampleRate' | 'bitsPerSample'> | undefined;
  let at = 12;
  while (at + 8 <= bytes.byteLength) {
    const id = tag(at);
    const size = view.getUint32(at + 4, true);
    if (id === 'fmt ' && at + 24 <= bytes.byteLength) {
      format = {
        audioFormat: view.getUint16(at + 8, true),
        channels: view.getUint16(at + 10, true),
        sampleRate: view.getUint32(at + 12, true),
        bitsPerSample: view.getUint16(at + 22, true),
      };
    } else if (id === 'data' && format) {
      // A writer that streams (sox to a pipe) may leave the size at 0 or 0xFFFFFFFF: trust the file.
      const available = bytes.byteLength - (at + 8);
      const dataBytes = size === 0 || size > available ? available : size;
      const bytesPerSecond = format.sampleRate * format.channels * (format.bitsPerSample / 8);
      return {
        ...format,
        dataOffset: at + 8,
        dataBytes,
        durationMs: bytesPerSecond > 0 ? Math.round((dataBytes / bytesPerSecond) * 1000) : 0,
      };
    }
    // RIFF chunks are padded to an even size.
    at += 8 + size + (size % 2);
  }
  return undefined;
}
