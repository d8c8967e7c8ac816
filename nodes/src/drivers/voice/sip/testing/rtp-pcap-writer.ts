import { encodeG711 } from '../g711.ts';
import { serializeRtpPacket } from '../rtp-packet.ts';
import { serializeTelephoneEvent } from '../telephone-event.ts';
import { tone } from '../tones.ts';

// Writes what a caller's phone sends, as a pcap file that sipp replays with
// <exec play_pcap_audio="…"/>: sipp takes each packet's UDP payload and timing from the file
// and sends it to the media address our SDP gave, so the ports written here do not matter.

export interface CallerMediaPlan {
  /** When the first key goes, from the start of the replay; silence before it. */
  digitsAtMs: number;
  /** Keys sent as RFC 4733 events, 100 ms each, 100 ms apart; a `,` is a 1 s pause (as phones dial). */
  digits: string;
  telephoneEventPayloadType: number;
  /** µ-law speech stand-in (a 440 Hz tone) after the keys, for recordings. */
  toneMs: number;
}

interface TimedPacket {
  atMs: number;
  payload: Buffer;
}

const ssrc = 0x0a0b0c0d;

export function callerMediaPackets(plan: CallerMediaPlan): TimedPacket[] {
  const packets: TimedPacket[] = [];
  let sequence = 1000;
  let timestamp = 160_000;
  let atMs = 0;
  // Phones send audio from the start (here µ-law silence): sipp replays relative to the first
  // packet, so this is also what makes the keys come `digitsAtMs` after the call is up.
  const silence = Buffer.alloc(160, 0xff);
  for (; atMs < plan.digitsAtMs; atMs += 20) {
    packets.push({
      atMs,
      payload: serializeRtpPacket({
        payloadType: 0,
        marker: atMs === 0,
        sequenceNumber: sequence++,
        timestamp,
        ssrc,
        payload: silence,
      }),
    });
    timestamp += 160;
  }
  for (const digit of plan.digits) {
    if (digit === ',') {
      atMs += 1000;
      timestamp += 8000;
      continue;
    }
    // RFC 4733 §2.5: one timestamp per key; duration grows per packet; the end packet thrice.
    for (let i = 1; i <= 5; i++) {
      const end = i === 5;
      const payload = serializeTelephoneEvent({ digit, end, volume: 10, duration: i * 160 });
      for (let copy = 0; copy < (end ? 3 : 1); copy++) {
        packets.push({
          atMs: atMs + (i - 1) * 20,
          payload: serializeRtpPacket({
            payloadType: plan.telephoneEventPayloadType,
            marker: i === 1 && copy === 0,
            sequenceNumber: sequence++,
            timestamp,
            ssrc,
            payload,
          }),
        });
      }
    }
    atMs += 200;
    timestamp += 1600;
  }
  const audio = encodeG711('PCMU', tone(440, plan.toneMs));
  for (let offset = 0; offset < audio.length; offset += 160) {
    packets.push({
      atMs,
      payload: serializeRtpPacket({
        payloadType: 0,
        marker: offset === 0,
        sequenceNumber: sequence++,
        timestamp,
        ssrc,
        payload: Buffer.from(audio.subarray(offset, offset + 160)),
      }),
    });
    atMs += 20;
    timestamp += 160;
  }
  return packets;
}

/** A classic pcap (libpcap 2.4, Ethernet link type) of UDP datagrams between two loopback ports. */
export function writeRtpPcap(packets: TimedPacket[]): Buffer {
  const global = Buffer.alloc(24);
  global.writeUInt32LE(0xa1b2c3d4, 0);
  global.writeUInt16LE(2, 4);
  global.writeUInt16LE(4, 6);
  global.writeUInt32LE(65535, 16);
  global.writeUInt32LE(1, 20);
  const records = packets.map(({ atMs, payload }) => {
    const udpLength = 8 + payload.length;
    const ipLength = 20 + udpLength;
    const frame = Buffer.alloc(14 + ipLength);
    frame.writeUInt16BE(0x0800, 12);
    const ip = 14;
    frame[ip] = 0x45;
    frame.writeUInt16BE(ipLength, ip + 2);
    frame[ip + 8] = 64;
    frame[ip + 9] = 17;
    frame.writeUInt32BE(0x7f000001, ip + 12);
    frame.writeUInt32BE(0x7f000001, ip + 16);
    frame.writeUInt16BE(ipChecksum(frame.subarray(ip, ip + 20)), ip + 10);
    const udp = ip + 20;
    frame.writeUInt16BE(30000, udp);
    frame.writeUInt16BE(30002, udp + 2);
    frame.writeUInt16BE(udpLength, udp + 4);
    payload.copy(frame, udp + 8);
    const header = Buffer.alloc(16);
    const micros = Math.round(atMs * 1000);
    header.writeUInt32LE(1_700_000_000 + Math.floor(micros / 1e6), 0);
    header.writeUInt32LE(micros % 1e6, 4);
    header.writeUInt32LE(frame.length, 8);
    header.writeUInt32LE(frame.length, 12);
    return Buffer.concat([header, frame]);
  });
  return Buffer.concat([global, ...records]);
}

function ipChecksum(header: Buffer): number {
  let sum = 0;
  for (let i = 0; i < header.length; i += 2) sum += header.readUInt16BE(i);
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}
