import { decodeG711 } from './g711.ts';
import { VoiceError } from './voice-error.ts';

// RIFF/WAVE as prompts come out of sox or espeak-ng: 8 kHz mono, 16-bit PCM or 8-bit G.711.

const formatPcm = 1;
const formatAlaw = 6;
const formatMulaw = 7;
export const wavHeaderBytes = 44;

/** Decodes a WAV file's bytes to 8 kHz 16-bit samples, or says how to convert it. */
export function decodeWav(bytes: Buffer, name = 'WAV file'): Int16Array {
  if (
    bytes.length < 12 ||
    bytes.toString('ascii', 0, 4) !== 'RIFF' ||
    bytes.toString('ascii', 8, 12) !== 'WAVE'
  ) {
    throw new VoiceError('AUDIO_FORMAT_UNSUPPORTED', `${name} is not a RIFF/WAVE file`);
  }
  let format: { tag: number; channels: number; rate: number; bits: number } | undefined;
  let offset = 12;
  while (offset + 8 <= bytes.length) {
    const id = bytes.toString('ascii', offset, offset + 4);
    const size = bytes.readUInt32LE(offset + 4);
    const start = offset + 8;
    if (id === 'fmt ' && size >= 16) {
      format = {
        tag: bytes.readUInt16LE(start),
        channels: bytes.readUInt16LE(start + 2),
        rate: bytes.readUInt32LE(start + 4),
        bits: bytes.readUInt16LE(start + 14),
      };
    } else if (id === 'data') {
      if (!format)
        throw new VoiceError('AUDIO_FORMAT_UNSUPPORTED', `${name} has its data before its format chunk`);
      // sox writes 0xFFFFFFFF as the size when it streamed to a pipe: take what is there.
      const data = bytes.subarray(start, Math.min(bytes.length, start + size));
      return decodeSamples(format, data, name);
    }
    // Chunks are padded to an even size (RIFF).
    offset = start + size + (size % 2);
  }
  throw new VoiceError('AUDIO_FORMAT_UNSUPPORTED', `${name} has no data chunk`);
}

function decodeSamples(
  format: { tag: number; channels: number; rate: number; bits: number },
  data: Buffer,
  name: string,
): Int16Array {
  if (format.channels !== 1 || format.rate !== 8000) {
    throw new VoiceError(
      'AUDIO_FORMAT_UNSUPPORTED',
      `${name} is ${format.rate} Hz with ${format.channels} channel(s); prompts must be 8000 Hz mono ` +
        '(convert with: sox in.wav -r 8000 -c 1 -b 16 out.wav)',
    );
  }
  if (format.tag === formatPcm && format.bits === 16) {
    const samples = new Int16Array(Math.floor(data.length / 2));
    for (let i = 0; i < samples.length; i++) samples[i] = data.readInt16LE(i * 2);
    return samples;
  }
  if ((format.tag === formatMulaw || format.tag === formatAlaw) && format.bits === 8) {
    return decodeG711(format.tag === formatMulaw ? 'PCMU' : 'PCMA', data);
  }
  throw new VoiceError(
    'AUDIO_FORMAT_UNSUPPORTED',
    `${name} is encoded as format ${format.tag} with ${format.bits} bits; use 16-bit PCM or 8-bit G.711 ` +
      '(convert with: sox in.wav -r 8000 -c 1 -b 16 out.wav)',
  );
}

/** A canonical 44-byte header for 8 kHz mono 16-bit PCM with `dataBytes` of samples. */
export function wavHeader(dataBytes: number): Buffer {
  const header = Buffer.alloc(wavHeaderBytes);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(formatPcm, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(8000, 24);
  header.writeUInt32LE(16000, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(dataBytes, 40);
  return header;
}

export function encodeWav(samples: Int16Array): Buffer {
  const data = Buffer.alloc(samples.length * 2);
  for (let i = 0; i < samples.length; i++) data.writeInt16LE(samples[i]!, i * 2);
  return Buffer.concat([wavHeader(data.length), data]);
}
