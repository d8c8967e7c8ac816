// RTP fixed header (RFC 3550 §5.1). CSRCs and header extensions are skipped on receive and never sent.

export interface RtpPacket {
  payloadType: number;
  marker: boolean;
  sequenceNumber: number;
  timestamp: number;
  ssrc: number;
  payload: Buffer;
}

export function parseRtpPacket(data: Buffer): RtpPacket | undefined {
  if (data.length < 12 || data[0]! >> 6 !== 2) return undefined;
  const csrcCount = data[0]! & 0x0f;
  const hasExtension = (data[0]! & 0x10) !== 0;
  const hasPadding = (data[0]! & 0x20) !== 0;
  let offset = 12 + csrcCount * 4;
  if (hasExtension) {
    if (data.length < offset + 4) return undefined;
    offset += 4 + data.readUInt16BE(offset + 2) * 4;
  }
  let end = data.length;
  if (hasPadding) end -= data[data.length - 1]!;
  if (offset > end) return undefined;
  return {
    payloadType: data[1]! & 0x7f,
    marker: (data[1]! & 0x80) !== 0,
    sequenceNumber: data.readUInt16BE(2),
    timestamp: data.readUInt32BE(4),
    ssrc: data.readUInt32BE(8),
    payload: data.subarray(offset, end),
  };
}

export function serializeRtpPacket(packet: RtpPacket): Buffer {
  const header = Buffer.alloc(12);
  header[0] = 0x80;
  header[1] = (packet.marker ? 0x80 : 0) | (packet.payloadType & 0x7f);
  header.writeUInt16BE(packet.sequenceNumber & 0xffff, 2);
  header.writeUInt32BE(packet.timestamp >>> 0, 4);
  header.writeUInt32BE(packet.ssrc >>> 0, 8);
  return Buffer.concat([header, packet.payload]);
}
