import { randomBytes } from 'node:crypto';
import { getHeader, parseCSeq, topViaBranch, type SipRequest, type SipResponse } from './sip-message.ts';
import { T1, T2, transactionTimeout } from './sip-timers.ts';
import type { SipRemote } from './sip-transport.ts';
import { VoiceError } from './voice-error.ts';

type Send = (request: SipRequest, remote: SipRemote) => void;

interface Pending {
  request: SipRequest;
  remote: SipRemote;
  resolve: (response: SipResponse) => void;
  reject: (error: Error) => void;
  retransmit: NodeJS.Timeout | undefined;
  timeout: NodeJS.Timeout;
  /** For INVITE: the ACK once sent, resent on each retransmitted 2xx (RFC 3261 §13.2.2.4). */
  ack: SipRequest | undefined;
  buildAck: ((response: SipResponse) => SipRequest) | undefined;
  onProvisional: ((response: SipResponse) => void) | undefined;
  done: boolean;
}

export interface RequestOptions {
  /** Makes the ACK for a 2xx INVITE response (a new transaction, from the dialog). */
  buildAck?: (response: SipResponse) => SipRequest;
  /** 1xx responses to an outbound INVITE (ringing, early media). */
  onProvisional?: (response: SipResponse) => void;
}

/** CANCEL shares its INVITE's branch (RFC 3261 §9.1), so the method is part of the key. */
const keyOf = (branch: string, method: string) => `${branch} ${method}`;

/** RFC 3261 §8.1.1.7: branches start with the magic cookie so peers can match on them alone. */
export function newBranch(): string {
  return `z9hG4bK${randomBytes(10).toString('hex')}`;
}

/**
 * Client transactions (RFC 3261 §17.1) for the requests the endpoint sends inside a call: BYE,
 * re-INVITE, REFER. Retransmits over UDP (timers A/E), gives up after 64·T1 (timers B/F) and
 * ACKs a non-2xx INVITE response itself; a 2xx to INVITE is ACKed through `ackFor`.
 */
export class ClientTransactions {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly send: Send) {}

  /**
   * Sends `request` (its top Via must carry a fresh branch) and resolves with the final response.
   * `buildAck` makes the ACK for a 2xx INVITE response (a new transaction, from the dialog).
   */
  request(
    request: SipRequest,
    remote: SipRemote,
    buildAckOrOptions?: ((response: SipResponse) => SipRequest) | RequestOptions,
  ): Promise<SipResponse> {
    const options: RequestOptions =
      typeof buildAckOrOptions === 'function' ? { buildAck: buildAckOrOptions } : (buildAckOrOptions ?? {});
    const branch = keyOf(topViaBranch(request), request.method);
    return new Promise((resolve, reject) => {
      const entry: Pending = {
        request,
        remote,
        resolve,
        reject,
        retransmit: undefined,
        ack: undefined,
        buildAck: options.buildAck,
        onProvisional: options.onProvisional,
        done: false,
        timeout: setTimeout(() => {
          this.finish(branch, entry);
          reject(
            new VoiceError('SIP_REQUEST_TIMEOUT', `No final response to ${request.method} within 32 s`, true),
          );
        }, transactionTimeout),
      };
      this.pending.set(branch, entry);
      this.send(request, remote);
      if (remote.protocol === 'udp') {
        let interval = T1;
        const again = () => {
          if (entry.done) return;
          this.send(request, remote);
          interval = request.method === 'INVITE' ? interval * 2 : Math.min(interval * 2, T2);
          entry.retransmit = setTimeout(again, interval);
        };
        entry.retransmit = setTimeout(again, interval);
      }
    });
  }

  /** Matches a response to its transaction by branch and method (RFC 3261 §17.1.3). */
  handleResponse(response: SipResponse): void {
    let branch: string;
    try {
      branch = topViaBranch(response);
    } catch {
      return;
    }
    branch = keyOf(branch, parseCSeq(response).method);
    const entry = this.pending.get(branch);
    if (!entry) return;
    if (response.status < 200) {
      // A provisional INVITE response stops retransmission (timer A) and timer B: from then on
      // the caller of request() bounds the wait (ring timeout, then CANCEL). Others slow to T2.
      if (entry.request.method === 'INVITE' && !entry.done) {
        clearTimeout(entry.retransmit);
        clearTimeout(entry.timeout);
        entry.onProvisional?.(response);
      }
      return;
    }
    if (entry.done) {
      if (entry.ack && response.status < 300) this.send(entry.ack, entry.remote);
      return;
    }
    if (entry.request.method === 'INVITE') {
      const ack = response.status < 300 ? entry.buildAck?.(response) : nonSuccessAck(entry.request, response);
      if (ack) {
        entry.ack = ack;
        this.send(ack, entry.remote);
      }
    }
    entry.done = true;
    clearTimeout(entry.retransmit);
    clearTimeout(entry.timeout);
    // Keep the entry a while to absorb retransmitted final responses (timer D/K).
    setTimeout(() => this.finish(branch, entry), transactionTimeout).unref();
    entry.resolve(response);
  }

  /** Stops waiting for `request`'s final response (a CANCELled INVITE whose 487 never came). */
  forget(request: SipRequest): void {
    const key = keyOf(topViaBranch(request), request.method);
    const entry = this.pending.get(key);
    if (!entry) return;
    const settled = entry.done;
    this.finish(key, entry);
    if (!settled) entry.reject(new VoiceError('SIP_REQUEST_TIMEOUT', `${request.method} abandoned`, true));
  }

  clear(): void {
    for (const [branch, entry] of this.pending) {
      const settled = entry.done;
      this.finish(branch, entry);
      if (!settled) entry.reject(new VoiceError('CALL_ENDED', 'The SIP endpoint stopped'));
    }
  }

  private finish(branch: string, entry: Pending): void {
    entry.done = true;
    clearTimeout(entry.retransmit);
    clearTimeout(entry.timeout);
    if (this.pending.get(branch) === entry) this.pending.delete(branch);
  }
}

/** RFC 3261 §17.1.1.3: the ACK to a non-2xx final response, in the INVITE's own transaction. */
function nonSuccessAck(invite: SipRequest, response: SipResponse): SipRequest {
  const keep = invite.headers.filter((h) => ['call-id', 'from', 'route', 'max-forwards'].includes(h.name));
  const via = invite.headers.find((h) => h.name === 'via');
  const cseq = parseCSeq(invite);
  return {
    kind: 'request',
    method: 'ACK',
    uri: invite.uri,
    headers: [
      ...(via ? [via] : []),
      ...keep,
      { name: 'to', value: getHeader(response, 'to') ?? '' },
      { name: 'cseq', value: `${cseq.seq} ACK` },
    ],
    body: Buffer.alloc(0),
  };
}
