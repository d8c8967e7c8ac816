import { randomBytes } from 'node:crypto';
import {
  MediaStreamTrack,
  RTCPeerConnection,
  RTCRtpCodecParameters,
  RtpHeader,
  RtpPacket,
  type RTCRtpSender,
} from 'werift';
import WebSocket from 'ws';
import { getHeader, parseSipMessage, type SipMessage } from '@omniflow/nodes/drivers/voice';

// A stand-in for the builder's browser phone, in Node: SIP over a WebSocket (RFC 7118) as JsSIP
// speaks it, and a werift peer for the media as Chromium would offer it (G.711, RFC 4733 keys).

const telephoneEvent = new RTCRtpCodecParameters({
  mimeType: 'audio/telephone-event',
  clockRate: 8000,
  channels: 1,
  payloadType: 101,
});

/** Opens the phone's WebSocket; rejects with the HTTP status when the server refuses it. */
export function openSipSocket(url: string, headers: Record<string, string>): Promise<SipSocketClient> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, 'sip', { headers });
    ws.once('unexpected-response', (_request, response) =>
      reject(new Error(`refused with HTTP ${response.statusCode}`)),
    );
    ws.once('error', reject);
    ws.once('open', () => resolve(new SipSocketClient(ws)));
  });
}

export class SipSocketClient {
  private readonly received: SipMessage[] = [];
  private readonly waiters = new Set<() => void>();

  constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.received.push(parseSipMessage(Buffer.from(data as Buffer)));
      for (const wake of this.waiters) wake();
    });
  }

  get protocol(): string {
    return this.ws.protocol;
  }

  send(text: string): void {
    this.ws.send(text);
  }

  /** The first message (seen or to come) that `match` takes, removed from the queue. */
  next(match: (message: SipMessage) => boolean, timeoutMs = 30_000): Promise<SipMessage> {
    return new Promise((resolve, reject) => {
      const look = () => {
        const index = this.received.findIndex(match);
        if (index < 0) return false;
        const [message] = this.received.splice(index, 1);
        this.waiters.delete(look);
        clearTimeout(timer);
        resolve(message!);
        return true;
      };
      const timer = setTimeout(() => {
        this.waiters.delete(look);
        reject(new Error('No such SIP message in time'));
      }, timeoutMs);
      if (!look()) this.waiters.add(look);
    });
  }

  close(): void {
    this.ws.close();
  }
}

/** One call from the stand-in browser: INVITE with a WebRTC offer, then media both ways. */
export class WebRtcSipCall {
  readonly callId = randomBytes(8).toString('hex');
  private readonly tag = randomBytes(4).toString('hex');
  private readonly peer = new RTCPeerConnection({
    codecs: {
      audio: [
        new RTCRtpCodecParameters({ mimeType: 'audio/PCMU', clockRate: 8000, channels: 1, payloadType: 0 }),
        telephoneEvent,
      ],
      video: [],
    },
    iceAdditionalHostAddresses: ['127.0.0.1'],
  });
  private readonly track = new MediaStreamTrack({ kind: 'audio' });
  private sender: RTCRtpSender | undefined;
  /** Per 20 ms packet heard, its mean absolute level (µ-law decoded). */
  readonly levels: number[] = [];
  private sequence = 0;
  private timestamp = 0;

  constructor(
    private readonly socket: SipSocketClient,
    private readonly target: string,
  ) {}

  /** Sends the INVITE and answers the final response. */
  async invite(): Promise<SipMessage & { kind: 'response' }> {
    this.sender = this.peer.addTransceiver(this.track, { direction: 'sendrecv' }).sender;
    this.peer.onTrack.subscribe((track) =>
      track.onReceiveRtp.subscribe((packet) => {
        if (packet.header.payloadType === 0) this.levels.push(meanLevel(packet.payload));
      }),
    );
    await this.peer.setLocalDescription(await this.peer.createOffer());
    await new Promise<void>((resolve) => {
      if (this.peer.iceGatheringState === 'complete') return resolve();
      this.peer.iceGatheringStateChange.subscribe((state) => state === 'complete' && resolve());
    });
    const sdp = this.peer.localDescription!.sdp;
    this.socket.send(
      [
        `INVITE sip:${this.target}@omniflow.invalid SIP/2.0`,
        `Via: SIP/2.0/WSS caller.invalid;branch=z9hG4bK${randomBytes(6).toString('hex')}`,
        'Max-Forwards: 70',
        `To: <sip:${this.target}@omniflow.invalid>`,
        `From: "Tester" <sip:tester@caller.invalid>;tag=${this.tag}`,
        `Call-ID: ${this.callId}`,
        'CSeq: 1 INVITE',
        'Contact: <sip:tester@caller.invalid;transport=ws>',
        'Content-Type: application/sdp',
        `Content-Length: ${Buffer.byteLength(sdp)}`,
        '',
        sdp,
      ].join('\r\n'),
    );
    const final = (await this.socket.next(
      (m) => m.kind === 'response' && m.status >= 200 && getHeader(m, 'call-id') === this.callId,
    )) as SipMessage & { kind: 'response' };
    if (final.status === 200) {
      await this.peer.setRemoteDescription({ type: 'answer', sdp: final.body.toString('utf8') });
      this.socket.send(this.inDialog('ACK', 1, final));
    }
    return final;
  }

  /** Speaks: 20 ms of µ-law tone, paced like a microphone, for `ms`. */
  async speak(ms: number): Promise<void> {
    for (let t = 0; t < ms; t += 20) {
      this.sendRtp(0, Buffer.alloc(160, 0x10), t === 0);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Presses a key as RFC 4733 events: a few packets of one event, then three end packets. */
  async press(digit: string): Promise<void> {
    const event = '0123456789*#'.indexOf(digit);
    const start = this.timestamp;
    for (let i = 1; i <= 8; i++) {
      const end = i > 5;
      const payload = Buffer.from([event, (end ? 0x80 : 0) | 10, 0, 0]);
      payload.writeUInt16BE(Math.min(i, 5) * 160, 2);
      this.sendRtp(101, payload, i === 1, start);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** The browser hangs up. */
  bye(lastResponse: SipMessage & { kind: 'response' }): void {
    this.socket.send(this.inDialog('BYE', 2, lastResponse));
  }

  async close(): Promise<void> {
    await this.peer.close();
  }

  private sendRtp(payloadType: number, payload: Buffer, marker: boolean, timestamp = this.timestamp) {
    const sender = this.sender!;
    // werift sends every packet with the sender's codec; keys need the telephone-event one.
    const codec = sender.codec;
    if (payloadType === 101) sender.codec = telephoneEvent;
    void sender.sendRtp(
      new RtpPacket(
        new RtpHeader({ payloadType, marker, sequenceNumber: this.sequence++ & 0xffff, timestamp }),
        payload,
      ),
    );
    sender.codec = codec;
    if (payloadType === 0) this.timestamp += 160;
  }

  private inDialog(method: string, seq: number, response: SipMessage): string {
    return [
      `${method} sip:omniflow@omniflow.invalid;transport=ws SIP/2.0`,
      `Via: SIP/2.0/WSS caller.invalid;branch=z9hG4bK${randomBytes(6).toString('hex')}`,
      'Max-Forwards: 70',
      `To: ${getHeader(response, 'to')}`,
      `From: "Tester" <sip:tester@caller.invalid>;tag=${this.tag}`,
      `Call-ID: ${this.callId}`,
      `CSeq: ${seq} ${method}`,
      'Content-Length: 0',
      '',
      '',
    ].join('\r\n');
  }
}

/** Mean absolute sample of a µ-law payload (G.711 decoding, ITU-T G.711 table 2). */
function meanLevel(payload: Buffer): number {
  let sum = 0;
  for (const byte of payload) {
    const u = ~byte & 0xff;
    const magnitude = ((((u & 0x0f) << 3) + 0x84) << ((u >> 4) & 7)) - 0x84;
    sum += magnitude;
  }
  return payload.length ? sum / payload.length : 0;
}
