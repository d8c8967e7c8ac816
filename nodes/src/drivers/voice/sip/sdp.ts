import { parse, write, type SessionDescription } from 'sdp-transform';
import { VoiceError } from './voice-error.ts';

// SDP offer/answer for one audio stream (RFC 3264), limited to what a telephone IVR needs:
// G.711 µ-law/A-law at 8 kHz, 20 ms packets, and RFC 4733 telephone-events.

export type G711Codec = 'PCMU' | 'PCMA';
export type MediaDirection = 'sendrecv' | 'sendonly' | 'recvonly' | 'inactive';

export interface AudioFormat {
  codec: G711Codec;
  payloadType: number;
  /** Payload type of telephone-event/8000, when the peer can send RFC 4733 digits. */
  telephoneEventPayloadType: number | undefined;
}

export interface RemoteMedia {
  address: string;
  port: number;
  /** Payload types in the peer's order of preference, with what we could recognise of them. */
  formats: Array<{ payloadType: number; encoding: string; rate: number }>;
  direction: MediaDirection;
}

/** RFC 3551 static payload types that may appear without an rtpmap line. */
const staticPayloads: Record<number, { encoding: string; rate: number }> = {
  0: { encoding: 'PCMU', rate: 8000 },
  8: { encoding: 'PCMA', rate: 8000 },
};

/** The payload type we offer for telephone-event when we make the offer (the common choice). */
export const offeredTelephoneEventPayloadType = 101;

export function parseRemoteMedia(sdpText: string): RemoteMedia {
  let session: SessionDescription;
  try {
    session = parse(sdpText);
  } catch {
    throw new VoiceError('SIP_MESSAGE_INVALID', 'SDP could not be parsed');
  }
  const audio =
    session.media.find((m) => m.type === 'audio' && m.port > 0) ??
    session.media.find((m) => m.type === 'audio');
  if (!audio) throw new VoiceError('SDP_NO_COMMON_CODEC', 'SDP has no audio stream');
  const address = audio.connection?.ip ?? session.connection?.ip;
  if (!address) throw new VoiceError('SIP_MESSAGE_INVALID', 'SDP has no connection address (c=)');
  const payloads = String(audio.payloads ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map(Number);
  const formats = payloads.map((payloadType) => {
    const rtp = audio.rtp.find((r) => r.payload === payloadType);
    if (rtp) return { payloadType, encoding: rtp.codec, rate: rtp.rate ?? 8000 };
    const known = staticPayloads[payloadType];
    return { payloadType, encoding: known?.encoding ?? 'unknown', rate: known?.rate ?? 0 };
  });
  // RFC 3264 §5.1: direction at media level wins over session level; the default is sendrecv.
  // A 0.0.0.0 connection address is RFC 2543-style hold (RFC 3264 §8.4).
  const direction: MediaDirection =
    audio.direction ??
    session.direction ??
    (address === '0.0.0.0' || audio.port === 0 ? 'inactive' : 'sendrecv');
  return { address, port: audio.port, formats, direction };
}

/** Picks the first G.711 codec in the peer's order, and its telephone-event payload type. */
export function chooseAudioFormat(remote: RemoteMedia): AudioFormat {
  const codec = remote.formats.find(
    (f) => (f.encoding.toUpperCase() === 'PCMU' || f.encoding.toUpperCase() === 'PCMA') && f.rate === 8000,
  );
  if (!codec) {
    throw new VoiceError(
      'SDP_NO_COMMON_CODEC',
      'The caller offered neither G.711 µ-law (PCMU) nor A-law (PCMA)',
    );
  }
  const events = remote.formats.find(
    (f) => f.encoding.toLowerCase() === 'telephone-event' && f.rate === 8000,
  );
  return {
    codec: codec.encoding.toUpperCase() === 'PCMA' ? 'PCMA' : 'PCMU',
    payloadType: codec.payloadType,
    telephoneEventPayloadType: events?.payloadType,
  };
}

/** What we answer to a peer's direction (RFC 3264 §6.1): its sendonly is our recvonly. */
export function answerDirection(remote: MediaDirection, local: MediaDirection = 'sendrecv'): MediaDirection {
  const remoteSends = remote === 'sendrecv' || remote === 'sendonly';
  const remoteReceives = remote === 'sendrecv' || remote === 'recvonly';
  const weSend = remoteReceives && (local === 'sendrecv' || local === 'sendonly');
  const weReceive = remoteSends && (local === 'sendrecv' || local === 'recvonly');
  if (weSend && weReceive) return 'sendrecv';
  if (weSend) return 'sendonly';
  if (weReceive) return 'recvonly';
  return 'inactive';
}

export interface LocalSdpOptions {
  address: string;
  port: number;
  sessionId: number;
  sessionVersion: number;
  direction: MediaDirection;
  /** An answer lists only the chosen formats; an offer lists all we support. */
  formats: Array<{ payloadType: number; encoding: string }>;
}

export function buildLocalSdp(options: LocalSdpOptions): string {
  const ipVer = options.address.includes(':') ? 6 : 4;
  const description: SessionDescription = {
    version: 0,
    origin: {
      username: 'omniflow',
      sessionId: options.sessionId,
      sessionVersion: options.sessionVersion,
      netType: 'IN',
      ipVer,
      address: options.address,
    },
    name: 'omniflow',
    connection: { version: ipVer, ip: options.address },
    timing: { start: 0, stop: 0 },
    media: [
      {
        type: 'audio',
        port: options.port,
        protocol: 'RTP/AVP',
        payloads: options.formats.map((f) => f.payloadType).join(' '),
        rtp: options.formats.map((f) => ({ payload: f.payloadType, codec: f.encoding, rate: 8000 })),
        fmtp: options.formats
          .filter((f) => f.encoding === 'telephone-event')
          .map((f) => ({ payload: f.payloadType, config: '0-16' })),
        ptime: 20,
        direction: options.direction,
      },
    ],
  };
  return write(description);
}

/** Our offer when the caller sent none (delayed offer): both G.711 laws and telephone-event. */
export const offeredFormats = [
  { payloadType: 0, encoding: 'PCMU' },
  { payloadType: 8, encoding: 'PCMA' },
  { payloadType: offeredTelephoneEventPayloadType, encoding: 'telephone-event' },
];

/** Our answer's formats: the chosen codec, and telephone-event if the caller offered it. */
export function answeredFormats(format: AudioFormat): Array<{ payloadType: number; encoding: string }> {
  const formats: Array<{ payloadType: number; encoding: string }> = [
    { payloadType: format.payloadType, encoding: format.codec },
  ];
  if (format.telephoneEventPayloadType !== undefined) {
    formats.push({ payloadType: format.telephoneEventPayloadType, encoding: 'telephone-event' });
  }
  return formats;
}
