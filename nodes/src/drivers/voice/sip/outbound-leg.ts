import { randomInt } from 'node:crypto';
import type { TransferOutcome } from '../voice-driver.ts';
import type { ClientTransactions } from './client-transactions.ts';
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
} from './sdp.ts';
import type { LocalContact } from './sip-dialog.ts';
import {
  buildResponse,
  getHeader,
  parseCSeq,
  type SipHeader,
  type SipRequest,
  type SipResponse,
} from './sip-message.ts';
import type { ServerTransaction } from './server-transactions.ts';
import type { OutboundTarget } from './transfer-target.ts';
import { UacDialog } from './uac-dialog.ts';
import { T1 } from './sip-timers.ts';

export interface OutboundLegDependencies {
  local: LocalContact;
  mediaAddress: string;
  ports: RtpPortPool;
  clients: ClientTransactions;
  /** The driver routes the target's in-dialog requests (BYE, re-INVITE) to the leg while it lives. */
  register: (leg: OutboundLeg) => () => void;
}

export interface DialOptions {
  fromUser: string;
  ringTimeoutMs: number;
  /** Gives up ringing (CANCEL): the caller hung up, or a queue's wait is over. */
  signal?: AbortSignal;
  /** The target is ringing (180, or 183 session progress). */
  onRinging?: () => void;
}

export interface DialResult {
  outcome: TransferOutcome;
  /** The final status, or 0 when nothing answered at all. */
  status: number;
  /** Only when answered: the live leg, its RTP flowing. */
  leg?: OutboundLeg;
}

const sdpType: SipHeader = { name: 'content-type', value: 'application/sdp' };
const allowed = 'INVITE, ACK, CANCEL, BYE, OPTIONS, INFO';

/** RFC 3261 §21: how a final response maps onto a transfer's outcome. */
export function outcomeOfStatus(status: number): TransferOutcome {
  if (status >= 200 && status < 300) return 'answered';
  if (status === 486 || status === 600 || status === 603) return 'busy';
  if (status === 408 || status === 480 || status === 487) return 'no-answer';
  return 'failed';
}

/**
 * A call the endpoint places itself (RFC 3261 §13.2, UAC): to a transfer target or a queue agent.
 * It has its own RTP session; once answered the bridge relays audio between it and the caller.
 */
export class OutboundLeg {
  readonly dialog: UacDialog;
  readonly ended: Promise<'remote' | 'local'>;
  private resolveEnded!: (side: 'remote' | 'local') => void;
  private over = false;
  private unregister: (() => void) | undefined;
  private readonly sessionId = randomInt(1, 2 ** 31);
  private sessionVersion = 1;
  private format: AudioFormat | undefined;
  /** Keys the target sends as SIP INFO (RFC 2976 dtmf-relay): a call we placed to a person. */
  onInfoKey: ((key: string) => void) | undefined;

  private constructor(
    target: OutboundTarget,
    fromUser: string,
    readonly rtp: RtpSession,
    private readonly deps: OutboundLegDependencies,
  ) {
    this.dialog = new UacDialog(target.remote, deps.local, target.uri, fromUser);
    this.ended = new Promise((resolve) => {
      this.resolveEnded = resolve;
    });
  }

  get isEnded(): boolean {
    return this.over;
  }

  /** Places the call and waits for its outcome; the leg is returned only when answered. */
  static async dial(
    target: OutboundTarget,
    options: DialOptions,
    deps: OutboundLegDependencies,
  ): Promise<DialResult> {
    const bound = await deps.ports.bind();
    const leg = new OutboundLeg(
      target,
      options.fromUser,
      new RtpSession(bound.socket, bound.port, bound.release),
      deps,
    );
    leg.unregister = deps.register(leg);
    try {
      const result = await leg.invite(options);
      if (result.outcome !== 'answered') leg.finish('local');
      return result.outcome === 'answered' ? { ...result, leg } : result;
    } catch (error) {
      leg.finish('local');
      throw error;
    }
  }

  /** A request from the target inside the dialog: BYE ends the leg, a re-INVITE is answered. */
  handleRequest(request: SipRequest, transaction: ServerTransaction): void {
    const seq = parseCSeq(request).seq;
    if (seq < this.dialog.remoteSeq) {
      transaction.respond(buildResponse(request, 500, 'Server Internal Error'));
      return;
    }
    this.dialog.remoteSeq = seq;
    switch (request.method) {
      case 'BYE':
        transaction.respond(buildResponse(request, 200, 'OK'));
        this.finish('remote');
        return;
      case 'INVITE':
        return this.handleReinvite(request, transaction);
      case 'INFO': {
        const key = parseDtmfInfo(getHeader(request, 'content-type') ?? '', request.body.toString('utf8'));
        transaction.respond(buildResponse(request, 200, 'OK'));
        if (key !== undefined) this.onInfoKey?.(key);
        return;
      }
      case 'OPTIONS':
        transaction.respond(
          buildResponse(request, 200, 'OK', { headers: [{ name: 'allow', value: allowed }] }),
        );
        return;
      default:
        transaction.respond(
          buildResponse(request, 405, 'Method Not Allowed', { headers: [{ name: 'allow', value: allowed }] }),
        );
    }
  }

  /** Ends an answered leg from our side (the caller hung up, or the flow ended the call). */
  async hangup(): Promise<void> {
    if (this.over) return;
    const bye = this.dialog.request('BYE');
    this.finish('local');
    await this.deps.clients.request(bye, this.dialog.remote).catch(() => undefined);
  }

  private async invite(options: DialOptions): Promise<DialResult> {
    const invite = this.dialog.invite(
      [sdpType, { name: 'allow', value: allowed }],
      Buffer.from(this.localSdp(offeredFormats, 'sendrecv')),
    );
    let heard = false;
    let ringing = false;
    const final = this.deps.clients.request(invite, this.dialog.remote, {
      // The ACK belongs to the dialog the 2xx creates: its To tag and Contact first.
      buildAck: (ok) => {
        this.dialog.confirm(ok);
        return this.dialog.ackFor(invite);
      },
      onProvisional: (response) => {
        heard = true;
        if (!ringing && (response.status === 180 || response.status === 183)) {
          ringing = true;
          options.onRinging?.();
        }
      },
    });
    let cancelledBy: 'timeout' | 'signal' | undefined;
    const giveUp = new Promise<'timeout' | 'signal'>((resolve) => {
      const timer = setTimeout(() => resolve('timeout'), options.ringTimeoutMs);
      const onAbort = () => resolve('signal');
      if (options.signal?.aborted) onAbort();
      options.signal?.addEventListener('abort', onAbort, { once: true });
      void final
        .finally(() => {
          clearTimeout(timer);
          options.signal?.removeEventListener('abort', onAbort);
        })
        .catch(() => undefined);
    });
    const first = await Promise.race([
      final.then(
        (r) => r,
        () => undefined,
      ),
      giveUp,
    ]);
    let response: SipResponse | undefined;
    if (first === 'timeout' || first === 'signal') {
      cancelledBy = first;
      if (!heard) {
        // Nothing ever answered, not even 100 Trying: nobody is there (RFC 3261 §9.1 allows no
        // CANCEL before a provisional response), so stop retransmitting and report it.
        this.deps.clients.forget(invite);
        return { outcome: first === 'signal' ? 'no-answer' : 'failed', status: 0 };
      }
      this.deps.clients.request(this.dialog.cancel(invite), this.dialog.remote).catch(() => undefined);
      // The INVITE ends with 487 after our CANCEL; wait for it (or a 2xx that crossed it) for 64·T1.
      const giveUpAfter = setTimeout(() => this.deps.clients.forget(invite), 64 * T1);
      response = await final.catch(() => undefined);
      clearTimeout(giveUpAfter);
    } else {
      response = first;
    }
    if (!response) return { outcome: 'failed', status: 0 };
    if (response.status >= 300) {
      return {
        outcome: cancelledBy ? 'no-answer' : outcomeOfStatus(response.status),
        status: response.status,
      };
    }
    this.dialog.confirm(response);
    if (cancelledBy) {
      // The target answered as we cancelled: it is ACKed already, so end it properly.
      await this.hangup();
      return { outcome: 'no-answer', status: response.status };
    }
    try {
      this.applyAnswer(response);
    } catch {
      // RFC 3261 §13.2.1: an unusable answer in a 2xx is ACKed, then the call is ended.
      await this.hangup();
      return { outcome: 'failed', status: response.status };
    }
    return { outcome: 'answered', status: response.status };
  }

  private applyAnswer(response: SipResponse): void {
    if (!(getHeader(response, 'content-type') ?? '').toLowerCase().startsWith('application/sdp'))
      throw new Error('The 2xx carried no SDP answer');
    const remote = parseRemoteMedia(response.body.toString('utf8'));
    this.format = chooseAudioFormat(remote);
    this.rtp.setRemote({ address: remote.address, port: remote.port }, this.format);
    this.rtp.setSending(remote.direction === 'sendrecv' || remote.direction === 'recvonly');
  }

  private handleReinvite(request: SipRequest, transaction: ServerTransaction): void {
    if (!this.format) {
      transaction.respond(buildResponse(request, 491, 'Request Pending'));
      return;
    }
    let direction: MediaDirection = 'sendrecv';
    if (request.body.length > 0) {
      try {
        const remote = parseRemoteMedia(request.body.toString('utf8'));
        this.rtp.setRemote({ address: remote.address, port: remote.port }, this.format);
        this.rtp.setSending(remote.direction === 'sendrecv' || remote.direction === 'recvonly');
        direction = answerDirection(remote.direction);
      } catch {
        transaction.respond(buildResponse(request, 488, 'Not Acceptable Here'));
        return;
      }
    }
    this.sessionVersion++;
    transaction.respond(
      buildResponse(request, 200, 'OK', {
        headers: [this.dialog.contactHeader(), sdpType],
        body: Buffer.from(this.localSdp(answeredFormats(this.format), direction)),
      }),
    );
  }

  private localSdp(formats: Array<{ payloadType: number; encoding: string }>, direction: MediaDirection) {
    return buildLocalSdp({
      address: this.deps.mediaAddress,
      port: this.rtp.port,
      sessionId: this.sessionId,
      sessionVersion: this.sessionVersion,
      direction,
      formats,
    });
  }

  private finish(side: 'remote' | 'local'): void {
    if (this.over) return;
    this.over = true;
    this.rtp.close();
    this.unregister?.();
    this.resolveEnded(side);
  }
}
