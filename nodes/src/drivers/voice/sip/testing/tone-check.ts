import { encodeG711 } from '../g711.ts';
import { serializeRtpPacket } from '../rtp-packet.ts';
import type { G711Codec } from '../sdp.ts';
import { tone } from '../tones.ts';

// Tone-coded audio checks: each party sends its own frequency, and what a party heard is
// judged by which frequency dominates it (Goertzel), not by speech recognition.

/** Power of `frequencyHz` in 8 kHz samples (Goertzel), normalised by length. */
export function tonePower(samples: Int16Array, frequencyHz: number, sampleRate = 8000): number {
  const coefficient = 2 * Math.cos((2 * Math.PI * frequencyHz) / sampleRate);
  let previous = 0;
  let beforePrevious = 0;
  for (const sample of samples) {
    const current = sample + coefficient * previous - beforePrevious;
    beforePrevious = previous;
    previous = current;
  }
  const power =
    previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
  return power / Math.max(1, samples.length);
}

/** Which of `candidates` is strongest in the samples. */
export function dominantFrequency(samples: Int16Array, candidates: number[], sampleRate = 8000): number {
  let best = candidates[0] ?? 0;
  let bestPower = -1;
  for (const frequency of candidates) {
    const power = tonePower(samples, frequency, sampleRate);
    if (power > bestPower) {
      best = frequency;
      bestPower = power;
    }
  }
  return best;
}

/** RTP packets of a steady tone, 20 ms apart, for sipp's play_pcap_audio (see writeRtpPcap). */
export function tonePackets(
  frequencyHz: number,
  durationMs: number,
  codec: G711Codec = 'PCMU',
): Array<{ atMs: number; payload: Buffer }> {
  const audio = encodeG711(codec, tone(frequencyHz, durationMs));
  const packets: Array<{ atMs: number; payload: Buffer }> = [];
  for (let offset = 0, index = 0; offset < audio.length; offset += 160, index++) {
    packets.push({
      atMs: index * 20,
      payload: serializeRtpPacket({
        payloadType: codec === 'PCMU' ? 0 : 8,
        marker: index === 0,
        sequenceNumber: 2000 + index,
        timestamp: 320_000 + offset,
        ssrc: 0x0c0ffee0 + (codec === 'PCMU' ? 0 : 1),
        payload: Buffer.from(audio.subarray(offset, offset + 160)),
      }),
    });
  }
  return packets;
}
