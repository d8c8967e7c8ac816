import { createSocket, type Socket } from 'node:dgram';
import {
  MediaStreamTrack,
  RTCPeerConnection,
  RTCRtpCodecParameters,
  RtpPacket,
  type RTCRtpTransceiver,
} from 'werift';
import { RtpSession, VoiceError, type AudioFormat, type G711Codec } from '@omniflow/nodes/drivers/voice';

/**
 * What the server answers a browser with: G.711 first (the call pipeline speaks it, so prompts
 * and the caller's voice pass through untouched, no transcoding) and RFC 4733 keypad events.
 */
const codecs = {
  audio: [
    new RTCRtpCodecParameters({ mimeType: 'audio/PCMU', clockRate: 8000, channels: 1, payloadType: 0 }),
    new RTCRtpCodecParameters({ mimeType: 'audio/PCMA', clockRate: 8000, channels: 1, payloadType: 8 }),
    new RTCRtpCodecParameters({
      mimeType: 'audio/telephone-event',
      clockRate: 8000,
      channels: 1,
      payloadType: 101,
    }),
  ],
  video: [],
};

export interface WebRtcMediaOptions {
  /**
   * Host addresses offered besides the machine's interfaces: loopback, so a browser on the same
   * machine (`omniflow dev`) connects with no configuration.
   */
  extraHostAddresses?: string[];
  /** How long ICE and the DTLS handshake may take before the call is given up. */
  connectTimeoutMs?: number;
}

/**
 * The WebRTC media leg of a browser call (ICE, DTLS-SRTP, G.711): the browser's offer answered by
 * werift, and an `RtpSession` like a SIP call's that the flow's voice nodes play to and listen
 * on. The two are joined by a loopback UDP pair, packets relayed as they are, keypad events
 * included, so the call pipeline is the very one SIP callers get.
 */
export class WebRtcMedia {
  /** The flow's side: prompts go out on it, the caller's voice and keys come in. */
  readonly rtp: RtpSession;
  readonly format: AudioFormat;
  private closed = false;

  private constructor(
    readonly answerSdp: string,
    private readonly peer: RTCPeerConnection,
    private readonly relay: Socket,
    rtp: { session: RtpSession; format: AudioFormat },
  ) {
    this.rtp = rtp.session;
    this.format = rtp.format;
  }

  /** Answers the browser's SDP offer; the answer carries every ICE candidate (no trickle). */
  static async answer(offerSdp: string, options: WebRtcMediaOptions = {}): Promise<WebRtcMedia> {
    const peer = new RTCPeerConnection({
      codecs,
      iceAdditionalHostAddresses: options.extraHostAddresses ?? ['127.0.0.1'],
    });
    const sockets: Socket[] = [];
    // The browser's voice and RFC 4733 keys, to the flow, payload types as negotiated. The track
    // event fires inside setRemoteDescription, before the loopback pair exists.
    let toFlow: ((packet: RtpPacket) => void) | undefined;
    peer.onTrack.subscribe((track) => {
      track.onReceiveRtp.subscribe((packet) => toFlow?.(packet));
    });
    try {
      await peer.setRemoteDescription({ type: 'offer', sdp: offerSdp });
      const transceiver = peer.getTransceivers().find((t) => t.kind === 'audio');
      if (!transceiver) throw new VoiceError('SDP_NO_COMMON_CODEC', 'The offer has no audio stream');
      const outgoing = new MediaStreamTrack({ kind: 'audio' });
      transceiver.setDirection('sendrecv');
      await transceiver.sender.replaceTrack(outgoing);
      await peer.setLocalDescription(await peer.createAnswer());
      await gatheringComplete(peer);
      const format = negotiatedFormat(transceiver);

      // Flow side and relay side of the loopback pair.
      const [flowSocket, relay] = await Promise.all([bindLoopback(), bindLoopback()]);
      sockets.push(flowSocket, relay);
      const flowPort = flowSocket.address().port;
      const session = new RtpSession(flowSocket, flowPort, () => flowSocket.close());
      session.setRemote({ address: '127.0.0.1', port: relay.address().port }, format);
      relay.on('message', (data) => {
        // What the flow plays, to the browser (werift encrypts and sets SSRC and payload type).
        if (!peer.connectionState || peer.connectionState === 'closed') return;
        try {
          outgoing.writeRtp(RtpPacket.deSerialize(data));
        } catch {
          // A malformed datagram on loopback is dropped like on any RTP socket.
        }
      });
      relay.on('error', () => undefined);
      toFlow = (packet) => relay.send(packet.serialize(), flowPort, '127.0.0.1');
      const media = new WebRtcMedia(peer.localDescription!.sdp, peer, relay, { session, format });
      media.connectTimeoutMs = options.connectTimeoutMs ?? 20_000;
      return media;
    } catch (error) {
      for (const socket of sockets) socket.close();
      await peer.close().catch(() => undefined);
      throw error;
    }
  }

  private connectTimeoutMs = 20_000;

  /** Resolves when DTLS is up (audio can flow); rejects if the browser never connects. */
  connected(): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.peer.connectionState === 'connected') return resolve();
      const timer = setTimeout(
        () => reject(new VoiceError('CALL_ENDED', 'The browser’s media never connected')),
        this.connectTimeoutMs,
      );
      const { unSubscribe } = this.peer.connectionStateChange.subscribe((state) => {
        if (state === 'connected') {
          clearTimeout(timer);
          unSubscribe();
          resolve();
        } else if (state === 'failed' || state === 'closed') {
          clearTimeout(timer);
          unSubscribe();
          reject(new VoiceError('CALL_ENDED', `The browser’s media ${state}`));
        }
      });
    });
  }

  /** Calls back once when the browser's media goes away (tab closed, network gone). */
  onLost(listener: () => void): void {
    this.peer.connectionStateChange.subscribe((state) => {
      if (state === 'failed' || state === 'closed' || state === 'disconnected') listener();
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.rtp.close();
    this.relay.close();
    await this.peer.close().catch(() => undefined);
  }
}

function negotiatedFormat(transceiver: RTCRtpTransceiver): AudioFormat {
  const negotiated = transceiver.codecs;
  const audio = negotiated.find((c) => /^audio\/(PCMU|PCMA)$/i.test(c.mimeType));
  if (!audio)
    throw new VoiceError('SDP_NO_COMMON_CODEC', 'The browser offered neither G.711 µ-law nor A-law');
  const events = negotiated.find((c) => /^audio\/telephone-event$/i.test(c.mimeType) && c.clockRate === 8000);
  return {
    codec: audio.mimeType.split('/')[1]!.toUpperCase() as G711Codec,
    payloadType: audio.payloadType,
    telephoneEventPayloadType: events?.payloadType,
  };
}

function gatheringComplete(peer: RTCPeerConnection): Promise<void> {
  return new Promise((resolve) => {
    if (peer.iceGatheringState === 'complete') return resolve();
    const { unSubscribe } = peer.iceGatheringStateChange.subscribe((state) => {
      if (state === 'complete') {
        unSubscribe();
        resolve();
      }
    });
  });
}

function bindLoopback(): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = createSocket('udp4');
    socket.once('error', reject);
    socket.bind(0, '127.0.0.1', () => {
      socket.off('error', reject);
      resolve(socket);
    });
  });
}
