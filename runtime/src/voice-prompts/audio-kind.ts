import type { UploadKind } from '@omniflow/nodes/drivers/voice';

/**
 * WAV or MP3 by the file's first bytes, not its name or content type (browsers and phones label
 * recordings loosely): RIFF…WAVE, an ID3 tag, or an MPEG audio frame sync (ISO/IEC 11172-3).
 */
export function audioKindOf(bytes: Uint8Array): UploadKind | undefined {
  const text = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 12 && text(0, 4) === 'RIFF' && text(8, 12) === 'WAVE') return 'wav';
  if (bytes.length >= 3 && text(0, 3) === 'ID3') return 'mp3';
  if (bytes.length >= 2 && bytes[0] === 0xff && (bytes[1]! & 0xe0) === 0xe0) return 'mp3';
  return undefined;
}
