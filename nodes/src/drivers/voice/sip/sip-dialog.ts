import { randomBytes, randomInt } from 'node:crypto';
import { newBranch } from './client-transactions.ts';
import {
  getHeader,
  getHeaderValues,
  parseCSeq,
  parseNameAddr,
  type SipHeader,
  type SipRequest,
  type SipResponse,
} from './sip-message.ts';
import type { SipRemote } from './sip-transport.ts';

export interface LocalContact {
  /** Host and port written into Via and Contact. */
  host: string;
  port: number;
  userAgent: string;
}

/**
 * The UAS side of a dialog (RFC 3261 §12.1.1): built from the INVITE, it makes the requests we
 * send inside the call (BYE, re-INVITE, REFER, ACK) with the right tags, CSeq and route set.
 */
export class SipDialog {
  readonly callId: string;
  readonly localTag = randomBytes(6).toString('hex');
  /** Our From in requests: the INVITE's To with our tag. */
  private readonly localHeader: string;
  /** Our To in requests: the INVITE's From, with the caller's tag. */
  private readonly remoteHeader: string;
  private readonly remoteTarget: string;
  private readonly routeSet: string[];
  private localSeq = randomInt(1, 10_000);
  /** The highest CSeq the caller used; lower ones are stale (RFC 3261 §12.2.2). */
  remoteSeq: number;

  constructor(
    invite: SipRequest,
    /** The flow the INVITE arrived on: in-dialog requests go back on it (symmetric, NAT-safe). */
    readonly remote: SipRemote,
    private readonly local: LocalContact,
  ) {
    this.callId = getHeader(invite, 'call-id') ?? '';
    const to = getHeader(invite, 'to') ?? '';
    this.localHeader = parseNameAddr(to).params.has('tag') ? to : `${to};tag=${this.localTag}`;
    this.remoteHeader = getHeader(invite, 'from') ?? '';
    const contact = getHeader(invite, 'contact');
    this.remoteTarget = contact ? parseNameAddr(contact).uri : parseNameAddr(this.remoteHeader).uri;
    this.routeSet = getHeaderValues(invite, 'record-route');
    this.remoteSeq = parseCSeq(invite).seq;
  }

  get remoteTargetUri(): string {
    return this.remoteTarget;
  }

  contactHeader(): SipHeader {
    const transport = this.remote.protocol === 'tcp' ? ';transport=tcp' : '';
    return {
      name: 'contact',
      value: `<sip:omniflow@${hostPort(this.local.host, this.local.port)}${transport}>`,
    };
  }

  /** A new request inside the dialog, with a fresh branch and the next CSeq. */
  request(method: string, extra: SipHeader[] = [], body = Buffer.alloc(0)): SipRequest {
    this.localSeq += 1;
    return this.build(method, this.localSeq, newBranch(), extra, body);
  }

  /** RFC 3261 §13.2.2.4: the ACK to a 2xx re-INVITE has the INVITE's CSeq number and a new branch. */
  ackFor(invite: SipRequest, _response: SipResponse): SipRequest {
    return this.build('ACK', parseCSeq(invite).seq, newBranch(), [], Buffer.alloc(0));
  }

  private build(method: string, seq: number, branch: string, extra: SipHeader[], body: Buffer): SipRequest {
    const transport = this.remote.protocol.toUpperCase();
    const headers: SipHeader[] = [
      {
        name: 'via',
        value: `SIP/2.0/${transport} ${hostPort(this.local.host, this.local.port)};branch=${branch};rport`,
      },
      { name: 'max-forwards', value: '70' },
      { name: 'from', value: this.localHeader },
      { name: 'to', value: this.remoteHeader },
      { name: 'call-id', value: this.callId },
      { name: 'cseq', value: `${seq} ${method}` },
      ...this.routeSet.map((value) => ({ name: 'route', value })),
      this.contactHeader(),
      { name: 'user-agent', value: this.local.userAgent },
      ...extra,
    ];
    return { kind: 'request', method, uri: this.remoteTarget, headers, body };
  }
}

export function hostPort(host: string, port: number): string {
  return `${host.includes(':') ? `[${host}]` : host}:${port}`;
}
