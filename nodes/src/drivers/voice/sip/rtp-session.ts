import { randomInt } from 'node:crypto';
import type { Socket } from 'node:dgram';
import { performance } from 'node:perf_hooks';
import { decodeG711, encodeG711 } from './g711.ts';
import { parseRtpPacket, serializeRtpPacket } from './rtp-packet.ts';
import type { AudioFormat, G711Codec } from './sdp.ts';
import { TelephoneEventReceiver } from './telephone-event.ts';

/** 20 ms of 8 kHz audio: the G.711 packet size every SIP peer accepts (RFC 3551 §4.5). */
export const samplesPerFrame = 160;
const frameMs = 20;

export interface InboundAudio {
  samples: Int16Array;
  timestamp: number;
  ssrc: number;
}

export type PlaybackOutcome = 'done' | 'aborted';

/**
 * One call's RTP stream: sends audio paced at one packet per 20 ms and hands received audio and
 * RFC 4733 key presses to listeners. Playbacks queue, one after the other, like prompts do.
 */
export class RtpSession {
  private remote: { address: string; port: number } | undefined;
  private format: AudioFormat | undefined;
  private sending = true;
  private closed = false;
  private readonly ssrc = randomInt(0, 2 ** 32);
  private sequence = randomInt(0, 2 ** 16);
  private timestamp = randomInt(0, 2 ** 32);
  /** performance.now() when the last packet went out, to advance the timestamp across silences. */
  private lastSentAt: number | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly events = new TelephoneEventReceiver();
  private readonly digitListeners = new Set<(digit: string) => void>();
  private readonly audioListeners = new Set<(audio: InboundAudio) => void>();
  private readonly sentListeners = new Set<(audio: InboundAudio) => void>();
  private packetsSent = 0;
  /** Aborted by stopPlayback(): every queued and current playback ends at once. */
  private flush = new AbortController();

  constructor(
    private readonly socket: Socket,
    readonly port: number,
    private readonly release: () => void,
  ) {
    socket.on('message', (data) => this.receive(data));
    // An ICMP "port unreachable" surfaces as a socket error on some systems: RTP is best-effort.
    socket.on('error', () => undefined);
  }

  get sentPackets(): number {
    return this.packetsSent;
  }

  setRemote(remote: { address: string; port: number }, format: AudioFormat): void {
    this.remote = remote;
    this.format = format;
  }

  /** Off while the peer holds the call (it sent sendonly or inactive). */
  setSending(enabled: boolean): void {
    this.sending = enabled;
  }

  onDigit(listener: (digit: string) => void): () => void {
    this.digitListeners.add(listener);
    return () => this.digitListeners.delete(listener);
  }

  onAudio(listener: (audio: InboundAudio) => void): () => void {
    this.audioListeners.add(listener);
    return () => this.audioListeners.delete(listener);
  }

  /** Audio as it goes out to the caller (what they hear), for whole-call recordings. */
  onSent(listener: (audio: InboundAudio) => void): () => void {
    this.sentListeners.add(listener);
    return () => this.sentListeners.delete(listener);
  }

  /** Sends the samples as 20 ms packets; resolves when the last one went out or on abort. */
  play(samples: Int16Array, signal?: AbortSignal): Promise<PlaybackOutcome> {
    const flush = this.flush.signal;
    const both = signal ? AbortSignal.any([signal, flush]) : flush;
    const run = this.queue.then(() => this.pace(samples, both));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Ends the current playback and drops queued ones: a bridge takes over the stream. */
  stopPlayback(): void {
    this.flush.abort();
    this.flush = new AbortController();
  }

  /**
   * Sends audio received on another call leg now, unpaced (it arrives paced): the bridge's relay.
   * Encoded in this leg's own codec, so legs on µ-law and A-law are transcoded on the way.
   */
  relay(samples: Int16Array): void {
    if (!this.closed) this.sendFrame(samples, false);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.digitListeners.clear();
    this.audioListeners.clear();
    this.sentListeners.clear();
    this.release();
  }

  private pace(samples: Int16Array, signal: AbortSignal | undefined): Promise<PlaybackOutcome> {
    return new Promise((resolve) => {
      const frames = Math.ceil(samples.length / samplesPerFrame);
      if (frames === 0 || this.closed) return resolve(this.closed ? 'aborted' : 'done');
      // Timestamps follow the sampling clock across gaps (RFC 3550 §5.1), so the peer's jitter
      // buffer sees the pause; the first packet of a talkspurt carries the marker bit.
      const startedAt = performance.now();
      if (this.lastSentAt !== undefined) {
        const idleFrames = Math.floor((startedAt - this.lastSentAt) / frameMs) - 1;
        if (idleFrames > 0) this.timestamp = (this.timestamp + idleFrames * samplesPerFrame) >>> 0;
      }
      let index = 0;
      let timer: NodeJS.Timeout | undefined;
      const finish = (outcome: PlaybackOutcome) => {
        if (timer) clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        resolve(outcome);
      };
      const onAbort = () => finish('aborted');
      if (signal?.aborted) return finish('aborted');
      signal?.addEventListener('abort', onAbort, { once: true });
      const sendNext = () => {
        if (this.closed) return finish('aborted');
        if (signal?.aborted) return;
        // Catch up when the event loop was late, but never burst more than a few frames.
        const due = Math.min(frames, Math.floor((performance.now() - startedAt) / frameMs) + 1);
        while (index < due && index < frames) {
          const frame = new Int16Array(samplesPerFrame);
          frame.set(samples.subarray(index * samplesPerFrame, (index + 1) * samplesPerFrame));
          this.sendFrame(frame, index === 0);
          index++;
        }
        if (index >= frames) return finish('done');
        timer = setTimeout(sendNext, Math.max(0, startedAt + index * frameMs - performance.now()));
      };
      sendNext();
    });
  }

  private sendFrame(frame: Int16Array, marker: boolean): void {
    const remote = this.remote;
    const format = this.format;
    this.lastSentAt = performance.now();
    if (remote && format && this.sending && !this.closed) {
      const packet = serializeRtpPacket({
        payloadType: format.payloadType,
        marker,
        sequenceNumber: this.sequence,
        timestamp: this.timestamp,
        ssrc: this.ssrc,
        payload: Buffer.from(encodeG711(format.codec, frame)),
      });
      this.socket.send(packet, remote.port, remote.address);
      this.packetsSent++;
      for (const listener of this.sentListeners)
        listener({ samples: frame, timestamp: this.timestamp, ssrc: this.ssrc });
    }
    this.sequence = (this.sequence + 1) & 0xffff;
    this.timestamp = (this.timestamp + frame.length) >>> 0;
  }

  private receive(data: Buffer): void {
    const packet = parseRtpPacket(data);
    if (!packet || !this.format) return;
    if (packet.payloadType === this.format.telephoneEventPayloadType) {
      const digit = this.events.receive(packet.ssrc, packet.timestamp, packet.payload);
      if (digit !== undefined) for (const listener of this.digitListeners) listener(digit);
      return;
    }
    const codec = this.codecFor(packet.payloadType);
    if (!codec || this.audioListeners.size === 0) return;
    const samples = decodeG711(codec, packet.payload);
    for (const listener of this.audioListeners)
      listener({ samples, timestamp: packet.timestamp, ssrc: packet.ssrc });
  }

  private codecFor(payloadType: number): G711Codec | undefined {
    if (payloadType === this.format?.payloadType) return this.format.codec;
    // Static payload types (RFC 3551 table 4) are decodable even if the answer named the other law.
    if (payloadType === 0) return 'PCMU';
    if (payloadType === 8) return 'PCMA';
    return undefined;
  }
}
