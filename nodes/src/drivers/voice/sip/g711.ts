import { createRequire } from 'node:module';
import type * as Alawmulaw from 'alawmulaw';
import type { G711Codec } from './sdp.ts';

// alawmulaw's "module" entry is ESM with extension-less imports that Node cannot load, and its
// "main" is a UMD bundle whose named exports Node's CommonJS detection cannot see: require it.
const codecs: typeof Alawmulaw = createRequire(import.meta.url)('alawmulaw');

export function encodeG711(codec: G711Codec, samples: Int16Array): Uint8Array {
  return codec === 'PCMU' ? codecs.mulaw.encode(samples) : codecs.alaw.encode(samples);
}

export function decodeG711(codec: G711Codec, payload: Uint8Array): Int16Array {
  return codec === 'PCMU' ? codecs.mulaw.decode(payload) : codecs.alaw.decode(payload);
}
