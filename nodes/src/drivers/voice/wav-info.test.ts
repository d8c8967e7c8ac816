import { describe, expect, it } from 'vitest';
import { readWavInfo } from './wav-info.ts';

function wav(options: { rate: number; channels: number; bits: number; samples: number; list?: boolean }) {
  const blockAlign = options.channels * (options.bits / 8);
  const data = options.samples * blockAlign;
  const list = options.list ? 8 + 4 : 0;
  const bytes = new Uint8Array(44 + list + data);
  const view = new DataView(bytes.buffer);
  const put = (at: number, text: string) => [...text].forEach((ch, i) => (bytes[at + i] = ch.charCodeAt(0)));
  put(0, 'RIFF');
  view.setUint32(4, bytes.length - 8, true);
  put(8, 'WAVE');
  put(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, options.channels, true);
  view.setUint32(24, options.rate, true);
  view.setUint32(28, options.rate * blockAlign, true);
  view.setUint16(32, blockAlign, true);
  view.setUint16(34, options.bits, true);
  let at = 36;
  if (options.list) {
    put(at, 'LIST');
    view.setUint32(at + 4, 4, true);
    put(at + 8, 'INFO');
    at += 12;
  }
  put(at, 'data');
  view.setUint32(at + 4, data, true);
  return bytes;
}

describe('readWavInfo', () => {
  it('reads rate, channels, bits and duration of a PCM WAV', () => {
    expect(readWavInfo(wav({ rate: 8000, channels: 1, bits: 16, samples: 4000 }))).toEqual({
      audioFormat: 1,
      channels: 1,
      sampleRate: 8000,
      bitsPerSample: 16,
      dataOffset: 44,
      dataBytes: 8000,
      durationMs: 500,
    });
  });

  it('skips chunks before data (LIST from sox)', () => {
    const info = readWavInfo(wav({ rate: 22050, channels: 2, bits: 16, samples: 22050, list: true }));
    expect(info).toMatchObject({ sampleRate: 22050, channels: 2, dataOffset: 56, durationMs: 1000 });
  });

  it('answers undefined for something that is not a WAV', () => {
    expect(readWavInfo(new TextEncoder().encode('ID3 this is an mp3, honest'))).toBeUndefined();
    expect(readWavInfo(new Uint8Array())).toBeUndefined();
  });
});
