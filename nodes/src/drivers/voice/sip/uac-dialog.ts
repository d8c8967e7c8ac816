import { randomBytes, randomInt } from 'node:crypto';
import { newBranch } from './client-transactions.ts';
import { hostPort, type LocalContact } from './sip-dialog.ts';
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

/**
 * The UAC side of a dialog (RFC 3261 §12.1.2) for the calls the endpoint places itself (transfer
 * targets, queue agents): builds the INVITE, its CANCEL, the ACK, then in-dialog requests with the
 * tags, route set and remote target learnt from the 2xx.
 */
export class UacDialog {
  readonly callId: string;
  readonly localTag = randomBytes(6).toString('hex');
  private readonly localHeader: string;
  private remoteHeader: string;
  private remoteTarget: string;
  private routeSet: string[] = [];
  private localSeq = randomInt(1, 10_000);
  /** The highest CSeq the target used inside the dialog (RFC 3261 §12.2.2). */
  remoteSeq = 0;

  constructor(
    /** Where the INVITE goes: the target's host, or the trunk. */
    readonly remote: SipRemote,
    private readonly local: LocalContact,
    targetUri: string,
    fromUser: string,
  ) {
    this.callId = `${randomBytes(12).toString('hex')}@${local.host}`;
    const user = fromUser.replace(/[^A-Za-z0-9+*#._-]/g, '') || 'omniflow';
    this.localHeader = `<sip:${user}@${hostPort(local.host, local.port)}>;tag=${this.localTag}`;
    this.remoteHeader = `<${targetUri}>`;
    this.remoteTarget = targetUri;
  }

  /** A request from the target inside this dialog carries our tag as its To tag. */
  matches(request: SipRequest): boolean {
    return (
      getHeader(request, 'call-id') === this.callId &&
      parseNameAddr(getHeader(request, 'to') ?? '').params.get('tag') === this.localTag
    );
  }

  contactHeader(): SipHeader {
    const transport = this.remote.protocol === 'tcp' ? ';transport=tcp' : '';
    return {
      name: 'contact',
      value: `<sip:omniflow@${hostPort(this.local.host, this.local.port)}${transport}>`,
    };
  }

  invite(extra: SipHeader[], body: Buffer): SipRequest {
    return this.request('INVITE', extra, body);
  }

  /** RFC 3261 §9.1: same request-URI, Call-ID, From, To, Via branch and CSeq number as the INVITE. */
  cancel(invite: SipRequest): SipRequest {
    const keep = invite.headers.filter((h) =>
      ['via', 'max-forwards', 'from', 'to', 'call-id', 'route'].includes(h.name),
    );
    return {
      kind: 'request',
      method: 'CANCEL',
      uri: invite.uri,
      headers: [...keep, { name: 'cseq', value: `${parseCSeq(invite).seq} CANCEL` }],
      body: Buffer.alloc(0),
    };
  }

  /** The 2xx sets the dialog: the target's tag, its Contact, the reversed Record-Route. */
  confirm(response: SipResponse): void {
    this.remoteHeader = getHeader(response, 'to') ?? this.remoteHeader;
    const contact = getHeader(response, 'contact');
    if (contact) this.remoteTarget = parseNameAddr(contact).uri;
    this.routeSet = getHeaderValues(response, 'record-route').reverse();
  }

  /** RFC 3261 §13.2.2.4: the ACK to a 2xx has the INVITE's CSeq number and a new branch. */
  ackFor(invite: SipRequest): SipRequest {
    return this.build('ACK', parseCSeq(invite).seq, []);
  }

  request(method: string, extra: SipHeader[] = [], body: Buffer = Buffer.alloc(0)): SipRequest {
    this.localSeq += 1;
    return this.build(method, this.localSeq, extra, body);
  }

  private build(method: string, seq: number, extra: SipHeader[], body: Buffer = Buffer.alloc(0)): SipRequest {
    const transport = this.remote.protocol.toUpperCase();
    const headers: SipHeader[] = [
      {
        name: 'via',
        value: `SIP/2.0/${transport} ${hostPort(this.local.host, this.local.port)};branch=${newBranch()};rport`,
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
