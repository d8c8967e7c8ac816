import { randomInt, randomUUID } from 'node:crypto';
import type {
  AudioSource,
  Call,
  CallRecording,
  GatherOptions,
  GatherResult,
  HangupSide,
  PlayOptions,
  PressedKey,
  RecordOptions,
  RecordResult,
  SayOptions,
  SpeechPrompt,
  TransferMode,
  TransferOptions,
  TransferOutcome,
} from '../voice-driver.ts';
import type { AudioLoader } from './audio-loader.ts';
import { bridgeTransfer, type BridgeableCall, type BridgeDependencies } from './call-bridge.ts';
import { outcomeOfStatus } from './outbound-leg.ts';
import type { ClientTransactions } from './client-transactions.ts';
import { DigitBuffer } from './digit-buffer.ts';
import { gatherKeys } from './gather-keys.ts';
import { parseDtmfInfo } from './dtmf-relay.ts';
import type { RtpPortPool } from './rtp-port-pool.ts';
import { RtpSession } from './rtp-session.ts';
import {
  answerDirection,
  answeredFormats,
  buildLocalSdp,
  chooseAudioFormat,
  offeredFormats,
  parseRemoteMedia,
  type AudioFormat,
  type MediaDirection,
  type RemoteMedia,
} from './sdp.ts';
import { SipDialog, type LocalContact } from './sip-dialog.ts';
import {
  buildResponse,
  getHeader,
  parseCSeq,
  parseNameAddr,
  parseSipUri,
  type SipHeader,
  type SipRequest,
  type SipResponse,
} from './sip-message.ts';
import { T1, T2, transactionTimeout } from './sip-timers.ts';
import type { ServerTransaction } from './server-transactions.ts';
import { VoiceError } from './voice-error.ts';
import { recordMessage, recordWholeCall } from './record-on-media.ts';

/** Text-to-speech as a prompt file; the espeak-ng/sox pipeline provides it. */
export interface PromptSynthesizer {
  say(text: string, options: SayOptions): Promise<string>;
}

export interface SipCallDependencies {
  local: LocalContact;
  /** The address written into SDP: where the caller sends RTP. */
  mediaAddress: string;
  ports: RtpPortPool;
  audio: AudioLoader;
  clients: ClientTransactions;
  /** Sends a message outside any transaction: the 2xx retransmissions the call itself owns. */
  send: (message: SipResponse, remote: SipDialog['remote']) => void;
  prompts: PromptSynthesizer | undefined;
  /** How long a blind transfer waits for the transferee's final NOTIFY. */
  transferTimeoutMs: number;
  /** Outbound legs for attended transfer (and a refused REFER's fallback). */
  bridge: BridgeDependencies;
  now: () => Date;
  onEnded: (call: SipCall) => void;
}

type CallState = 'ringing' | 'answering' | 'confirmed' | 'ended';

export const allowedMethods = 'INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, REFER, NOTIFY';

const sdpType: SipHeader = { name: 'content-type', value: 'application/sdp' };

function hasSdp(message: SipRequest | SipResponse): boolean {
  return (
    message.body.length > 0 &&
    (getHeader(message, 'content-type') ?? '').toLowerCase().startsWith('application/sdp')
  );
}

/** One inbound call answered by the built-in SIP endpoint (the UAS side of RFC 3261 §13.3). */
export class SipCall implements Call, BridgeableCall {
  readonly id = randomUUID();
  readonly from: string;
  readonly to: string;
  readonly ended: Promise<{ side: HangupSide; at: Date }>;
  readonly dialog: SipDialog;

  private state: CallState = 'ringing';
  private resolveEnded!: (value: { side: HangupSide; at: Date }) => void;
  private readonly endController = new AbortController();
  private readonly digits = new DigitBuffer();
  readonly pressedKeys: PressedKey[] = [];
  private rtp: RtpSession | undefined;
  private answering: Promise<void> | undefined;
  private ackWaiter: { resolve: () => void; reject: (error: Error) => void } | undefined;
  private okRetransmit: NodeJS.Timeout | undefined;
  /** When our 200 carried the offer (delayed offer), the ACK carries the answer. */
  private awaitingAnswerInAck = false;
  private readonly sessionId = randomInt(1, 2 ** 31);
  private sessionVersion = 1;
  private format: AudioFormat | undefined;
  private localDirection: MediaDirection = 'sendrecv';
  private remoteMedia: RemoteMedia | undefined;
  private reinviting = false;
  private transferWaiter: ((status: number) => void) | undefined;
  private digitUnsubscribe: (() => void) | undefined;
  private bridgedTo = false;

  constructor(
    private readonly invite: SipRequest,
    private readonly inviteTransaction: ServerTransaction,
    private readonly deps: SipCallDependencies,
  ) {
    this.dialog = new SipDialog(invite, inviteTransaction.remote, deps.local);
    this.to = parseSipUri(invite.uri).user;
    this.from = parseSipUri(parseNameAddr(getHeader(invite, 'from') ?? '').uri).user;
    this.ended = new Promise((resolve) => {
      this.resolveEnded = resolve;
    });
  }

  get callId(): string {
    return this.dialog.callId;
  }

  /** RTP packets sent so far: for tests and metrics. */
  get sentRtpPackets(): number {
    return this.rtp?.sentPackets ?? 0;
  }

  get isEnded(): boolean {
    return this.state === 'ended';
  }

  /** The direction the caller's last SDP asked for: `sendonly` while it holds the call. */
  get remoteDirection(): MediaDirection | undefined {
    return this.remoteMedia?.direction;
  }

  get bridged(): boolean {
    return this.bridgedTo && this.state !== 'ended';
  }

  ring(): void {
    this.respond(this.inviteTransaction, 180, 'Ringing');
  }

  answer(): Promise<void> {
    if (this.state === 'ended') return Promise.reject(this.endedError());
    this.answering ??= this.doAnswer();
    return this.answering;
  }

  async play(audio: AudioSource, options: PlayOptions = {}): Promise<void> {
    const rtp = this.requireMedia();
    const samples = await this.deps.audio.load(audio);
    const end = this.endController.signal;
    await rtp.play(samples, options.signal ? AbortSignal.any([end, options.signal]) : end);
  }

  async say(text: string, options: SayOptions & PlayOptions): Promise<void> {
    this.requireMedia();
    const { signal, ...speech } = options;
    await this.play(await this.speech({ kind: 'speech', text, ...speech }), signal ? { signal } : {});
  }

  private async speech(prompt: SpeechPrompt): Promise<AudioSource> {
    if (!this.deps.prompts) {
      throw new VoiceError(
        'NO_TTS_CONFIGURED',
        'No text-to-speech is configured for the SIP endpoint (prompts.say)',
      );
    }
    const options: SayOptions = {
      language: prompt.language,
      ...(prompt.voice ? { voice: prompt.voice } : {}),
    };
    return { kind: 'file', path: await this.deps.prompts.say(prompt.text, options) };
  }

  async gather(options: GatherOptions): Promise<GatherResult> {
    const rtp = this.requireMedia();
    return gatherKeys(
      {
        rtp,
        digits: this.digits,
        ended: this.endController.signal,
        isEnded: () => this.state === 'ended',
        load: async (source) =>
          this.deps.audio.load(source.kind === 'speech' ? await this.speech(source) : source),
      },
      options,
    );
  }

  async record(options: RecordOptions): Promise<RecordResult> {
    const rtp = this.requireMedia();
    return recordMessage({ rtp, digits: this.digits, ended: this.endController.signal }, options);
  }

  /** Both sides mixed (what the caller heard and said), from now to stop() or the end of the call. */
  startRecording(options: { path: string }): CallRecording {
    return recordWholeCall({ rtp: this.requireMedia(), ended: this.endController.signal }, options);
  }

  hold(): Promise<void> {
    return this.reinvite('sendonly');
  }

  resume(): Promise<void> {
    return this.reinvite('sendrecv');
  }

  async transfer(
    target: string,
    mode: TransferMode,
    options: TransferOptions = {},
  ): Promise<TransferOutcome> {
    this.requireMedia();
    if (mode === 'attended') return bridgeTransfer(this, target, options, this.deps.bridge);
    const host = parseSipUri(this.dialog.remoteTargetUri).host;
    const referTo = /^(sips?|tel):/i.test(target) ? target : `sip:${target}@${host}`;
    const notified = new Promise<number>((resolve) => {
      this.transferWaiter = resolve;
    });
    const response = await this.deps.clients.request(
      this.dialog.request('REFER', [
        { name: 'refer-to', value: `<${referTo}>` },
        { name: 'referred-by', value: `<sip:omniflow@${this.deps.local.host}>` },
      ]),
      this.dialog.remote,
    );
    if (response.status >= 300) {
      this.transferWaiter = undefined;
      // A caller's phone that cannot transfer itself (405, 501, 603…): bridge the target instead.
      return bridgeTransfer(this, target, options, this.deps.bridge);
    }
    // RFC 3515 §2.4.5: the transferee reports the new call's outcome in NOTIFY sipfrag bodies.
    // A blind transfer is done once the REFER is accepted; without a final NOTIFY in time the
    // transferee owns the call and we leave it.
    const status = await Promise.race([
      notified,
      new Promise<number>((resolve) => setTimeout(() => resolve(200), this.deps.transferTimeoutMs).unref()),
      this.ended.then(() => 200),
    ]);
    this.transferWaiter = undefined;
    const outcome = outcomeOfStatus(status);
    if (outcome === 'answered' && this.state !== 'ended') await this.sendBye('transfer');
    return outcome;
  }

  async hangup(): Promise<void> {
    if (this.state === 'ended') return;
    if (this.state === 'ringing') {
      // The flow rejected the call before answering.
      this.respond(this.inviteTransaction, 603, 'Decline');
      this.end('flow');
      return;
    }
    if (this.state === 'answering') {
      // RFC 3261 §15: the callee may not send BYE before the ACK (or its timeout).
      await this.answering?.catch(() => undefined);
      if (this.isEnded) return;
    }
    await this.sendBye('flow');
  }

  /** A request inside this call (or its INVITE transaction's CANCEL), already matched by Call-ID. */
  handleRequest(request: SipRequest, transaction: ServerTransaction): void {
    const { method } = request;
    if (method === 'CANCEL') return this.handleCancel(transaction);
    const seq = parseCSeq(request).seq;
    if (seq < this.dialog.remoteSeq) {
      this.respond(transaction, 500, 'Server Internal Error', [{ name: 'retry-after', value: '1' }]);
      return;
    }
    this.dialog.remoteSeq = seq;
    switch (method) {
      case 'BYE':
        this.respond(transaction, 200, 'OK');
        this.end(this.bridgedTo ? 'transfer' : 'caller');
        return;
      case 'INVITE':
        return this.handleReinvite(request, transaction);
      case 'INFO': {
        const key = parseDtmfInfo(getHeader(request, 'content-type') ?? '', request.body.toString('utf8'));
        if (key === undefined && request.body.length > 0) {
          this.respond(transaction, 415, 'Unsupported Media Type', [
            { name: 'accept', value: 'application/dtmf-relay, application/dtmf' },
          ]);
          return;
        }
        this.respond(transaction, 200, 'OK');
        if (key !== undefined) this.pressKey(key);
        return;
      }
      case 'OPTIONS':
        this.respond(transaction, 200, 'OK', [{ name: 'allow', value: allowedMethods }]);
        return;
      case 'NOTIFY':
        return this.handleNotify(request, transaction);
      default:
        this.respond(transaction, 405, 'Method Not Allowed', [{ name: 'allow', value: allowedMethods }]);
    }
  }

  /** The ACK for our 2xx: ends 200 OK retransmission, and after a delayed offer carries the answer. */
  handleAck(ack: SipRequest): void {
    if (!this.ackWaiter) return;
    clearTimeout(this.okRetransmit);
    const waiter = this.ackWaiter;
    this.ackWaiter = undefined;
    if (this.awaitingAnswerInAck) {
      this.awaitingAnswerInAck = false;
      if (!hasSdp(ack)) {
        // RFC 3264 §4: an offer in a 2xx must be answered in the ACK; without it there is no media.
        waiter.reject(new VoiceError('SDP_NO_COMMON_CODEC', 'The caller sent no SDP answer in its ACK'));
        return;
      }
      try {
        this.applyRemoteMedia(parseRemoteMedia(ack.body.toString('utf8')));
      } catch (error) {
        waiter.reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
    }
    waiter.resolve();
  }

  /** The caller's RTP session, for the bridge (BridgeableCall). */
  media() {
    return this.requireMedia();
  }

  markBridged(): void {
    this.bridgedTo = true;
  }

  async endBridge(): Promise<void> {
    if (this.state !== 'ended') await this.sendBye('transfer');
  }

  /** Ends the call from the endpoint's side (driver stopping). */
  abort(): void {
    if (this.state === 'ringing') this.respond(this.inviteTransaction, 503, 'Service Unavailable');
    this.end('error');
  }

  private async doAnswer(): Promise<void> {
    let bound: Awaited<ReturnType<RtpPortPool['bind']>>;
    try {
      bound = await this.deps.ports.bind();
    } catch (error) {
      this.respond(this.inviteTransaction, 503, 'Service Unavailable');
      this.end('error');
      throw error;
    }
    const rtp = new RtpSession(bound.socket, bound.port, bound.release);
    if (this.state !== 'ringing') {
      rtp.close();
      throw this.endedError();
    }
    this.rtp = rtp;
    let body: string;
    if (hasSdp(this.invite)) {
      try {
        const remote = parseRemoteMedia(this.invite.body.toString('utf8'));
        this.applyRemoteMedia(remote);
        body = this.localSdp(
          answeredFormats(this.format!),
          answerDirection(remote.direction, this.localDirection),
        );
      } catch (error) {
        // RFC 3261 §13.3.1.3: an offer we cannot accept is refused with 488.
        this.respond(this.inviteTransaction, 488, 'Not Acceptable Here');
        this.end('error');
        throw error;
      }
    } else {
      this.awaitingAnswerInAck = true;
      body = this.localSdp(offeredFormats, this.localDirection);
    }
    const ok = buildResponse(this.invite, 200, 'OK', {
      toTag: this.dialog.localTag,
      headers: [this.dialog.contactHeader(), { name: 'allow', value: allowedMethods }, sdpType],
      body: Buffer.from(body),
    });
    this.state = 'answering';
    const acked = new Promise<void>((resolve, reject) => {
      this.ackWaiter = { resolve, reject };
    });
    this.inviteTransaction.respond(ok);
    this.retransmitOkUntilAck(ok);
    try {
      await acked;
    } catch (error) {
      if (!this.isEnded) await this.sendBye('error');
      throw error;
    }
    if (this.isEnded) throw this.endedError();
    this.state = 'confirmed';
  }

  /** RFC 3261 §13.3.1.4: the UAS core resends its 2xx (T1 doubling to T2) until the ACK, for 64·T1. */
  private retransmitOkUntilAck(ok: SipResponse): void {
    const started = Date.now();
    let interval = T1;
    const again = () => {
      if (!this.ackWaiter) return;
      if (Date.now() - started >= transactionTimeout) {
        const waiter = this.ackWaiter;
        this.ackWaiter = undefined;
        waiter.reject(new VoiceError('SIP_REQUEST_TIMEOUT', 'The caller never acknowledged the 200 OK'));
        return;
      }
      if (this.dialog.remote.protocol === 'udp') this.deps.send(ok, this.dialog.remote);
      interval = Math.min(interval * 2, T2);
      this.okRetransmit = setTimeout(again, interval);
    };
    this.okRetransmit = setTimeout(again, interval);
  }

  private handleCancel(cancel: ServerTransaction): void {
    // RFC 3261 §9.2: CANCEL is answered 200 either way; it only ends a call not yet answered.
    this.respond(cancel, 200, 'OK');
    if (this.state !== 'ringing') return;
    this.respond(this.inviteTransaction, 487, 'Request Terminated');
    this.end('caller');
  }

  private handleReinvite(request: SipRequest, transaction: ServerTransaction): void {
    if (this.state !== 'confirmed' || !this.format) {
      this.respond(transaction, 491, 'Request Pending');
      return;
    }
    if (this.reinviting) {
      // RFC 3261 §14.2: glare with our own re-INVITE.
      this.respond(transaction, 491, 'Request Pending');
      return;
    }
    let body: string;
    if (hasSdp(request)) {
      let remote: RemoteMedia;
      try {
        remote = parseRemoteMedia(request.body.toString('utf8'));
        this.applyRemoteMedia(remote);
      } catch {
        this.respond(transaction, 488, 'Not Acceptable Here');
        return;
      }
      this.sessionVersion++;
      body = this.localSdp(
        answeredFormats(this.format),
        answerDirection(remote.direction, this.localDirection),
      );
    } else {
      // An offerless re-INVITE asks us to offer again; the ACK answers (handled like a delayed offer).
      this.sessionVersion++;
      body = this.localSdp(answeredFormats(this.format), this.localDirection);
    }
    transaction.respond(
      buildResponse(request, 200, 'OK', {
        toTag: this.dialog.localTag,
        headers: [this.dialog.contactHeader(), { name: 'allow', value: allowedMethods }, sdpType],
        body: Buffer.from(body),
      }),
    );
  }

  private handleNotify(request: SipRequest, transaction: ServerTransaction): void {
    this.respond(transaction, 200, 'OK');
    const event = (getHeader(request, 'event') ?? '').toLowerCase();
    if (!event.startsWith('refer')) return;
    const status = /^SIP\/2\.0\s+(\d{3})/.exec(request.body.toString('utf8'))?.[1];
    if (status && Number(status) >= 200) this.transferWaiter?.(Number(status));
  }

  private async reinvite(direction: MediaDirection): Promise<void> {
    this.requireMedia();
    if (this.reinviting)
      throw new VoiceError('CALL_NOT_ANSWERED', 'A hold or resume is already in progress', true);
    this.reinviting = true;
    try {
      this.sessionVersion++;
      const formats = this.format ? answeredFormats(this.format) : offeredFormats;
      const invite = this.dialog.request('INVITE', [sdpType], Buffer.from(this.localSdp(formats, direction)));
      const response = await this.deps.clients.request(invite, this.dialog.remote, (ok) =>
        this.dialog.ackFor(invite, ok),
      );
      if (response.status >= 300) {
        throw new VoiceError(
          'SIP_REQUEST_TIMEOUT',
          `The caller refused the re-INVITE: ${response.status}`,
          true,
        );
      }
      this.localDirection = direction;
      if (hasSdp(response)) this.applyRemoteMedia(parseRemoteMedia(response.body.toString('utf8')));
    } finally {
      this.reinviting = false;
    }
  }

  private applyRemoteMedia(remote: RemoteMedia): void {
    const format = this.format ?? chooseAudioFormat(remote);
    if (!this.format) this.format = format;
    this.remoteMedia = remote;
    this.rtp?.setRemote({ address: remote.address, port: remote.port }, format);
    this.rtp?.setSending(remote.direction === 'sendrecv' || remote.direction === 'recvonly');
    if (this.rtp && this.digitUnsubscribe === undefined) {
      this.digitUnsubscribe = this.rtp.onDigit((key) => this.pressKey(key));
    }
  }

  private pressKey(key: string): void {
    this.pressedKeys.push({ key, at: this.deps.now() });
    this.digits.push(key);
  }

  private localSdp(
    formats: Array<{ payloadType: number; encoding: string }>,
    direction: MediaDirection,
  ): string {
    return buildLocalSdp({
      address: this.deps.mediaAddress,
      port: this.rtp?.port ?? 0,
      sessionId: this.sessionId,
      sessionVersion: this.sessionVersion,
      direction,
      formats,
    });
  }

  private async sendBye(side: HangupSide): Promise<void> {
    const bye = this.dialog.request('BYE');
    this.end(side);
    // The call is over for us whatever the answer; a peer that never answers the BYE is gone.
    await this.deps.clients.request(bye, this.dialog.remote).catch(() => undefined);
  }

  private respond(
    transaction: ServerTransaction,
    status: number,
    reason: string,
    headers: SipHeader[] = [],
  ): void {
    transaction.respond(
      buildResponse(transaction.request, status, reason, {
        toTag: status > 100 ? this.dialog.localTag : undefined,
        headers: [...(status >= 180 && status < 300 ? [this.dialog.contactHeader()] : []), ...headers],
      }),
    );
  }

  private requireMedia(): RtpSession {
    if (this.state === 'ended') throw this.endedError();
    if (this.state !== 'confirmed' || !this.rtp) {
      throw new VoiceError('CALL_NOT_ANSWERED', 'Answer the call before playing, gathering or recording');
    }
    if (this.bridgedTo)
      throw new VoiceError(
        'CALL_BRIDGED',
        `Call ${this.id} is bridged to a transfer target: the flow no longer talks on it`,
      );
    return this.rtp;
  }

  private endedError(): VoiceError {
    return new VoiceError('CALL_ENDED', `Call ${this.id} has ended`);
  }

  private end(side: HangupSide): void {
    if (this.state === 'ended') return;
    this.state = 'ended';
    clearTimeout(this.okRetransmit);
    if (this.ackWaiter) {
      const waiter = this.ackWaiter;
      this.ackWaiter = undefined;
      waiter.reject(this.endedError());
    }
    this.endController.abort();
    this.rtp?.close();
    this.resolveEnded({ side, at: this.deps.now() });
    this.deps.onEnded(this);
  }
}
