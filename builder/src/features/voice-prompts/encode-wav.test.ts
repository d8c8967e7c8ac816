import { describe, expect, it } from 'vitest';
import { encodeWav } from './encode-wav.ts';

describe('encodeWav', () => {
  it('writes a mono 16-bit PCM WAV whose samples are the clipped input', async () => {
    const wav = encodeWav([new Float32Array([0, 0.5]), new Float32Array([-1, 2])], 48000);
    const view = new DataView(await wav.arrayBuffer());
    const text = (at: number) => String.fromCharCode(...new Uint8Array(view.buffer, at, 4));
    expect([text(0), text(8), text(12), text(36)]).toEqual(['RIFF', 'WAVE', 'fmt ', 'data']);
    expect(view.getUint16(20, true)).toBe(1);
    expect(view.getUint16(22, true)).toBe(1);
    expect(view.getUint32(24, true)).toBe(48000);
    expect(view.getUint32(40, true)).toBe(8);
    expect([0, 1, 2, 3].map((i) => view.getInt16(44 + i * 2, true))).toEqual([0, 16383, -32768, 32767]);
  });
});
