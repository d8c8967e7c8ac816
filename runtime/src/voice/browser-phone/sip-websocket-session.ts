import { randomBytes } from 'node:crypto';
import {
  buildResponse,
  getHeader,
  parseNameAddr,
  parseSipMessage,
  parseSipUri,
  serializeSipMessage,
  type SipHeader,
  type SipRequest,
} from '@omniflow/nodes/drivers/voice';

/** One end of the WebSocket: SIP messages travel as text frames (RFC 7118 §5). */
export interface SipSocket {
  send(text: string): void;
}

/** A browser's INVITE, for the phone host to answer. */
export interface BrowserInvite {
  callId: string;
  /** The request-URI's user: a number, or `draft-<flowId>`. */
  target: string;
  /** Who the browser says it is (From user). */
  from: string;
  offerSdp: string;
  /** Aborted when the browser cancels (CANCEL) or its socket closes before the answer. */
  signal: AbortSignal;
  reject(status: number, reason: string): void;
  /** Answers 200 with our SDP; the dialog sends BYE and INFO and hears the browser's BYE. */
  accept(answerSdp: string, headers?: SipHeader[]): BrowserDialog;
}

export interface BrowserDialog {
  /** The browser hung up (BYE) or its socket closed. */
  onEnded(listener: () => void): void;
  /** Ends the call from our side. */
  bye(): void;
  /** Tells the browser something inside the call (RFC 6086 INFO). */
  info(contentType: string, body: string): void;
}

const userAgent = 'Omniflow';
const allow = 'INVITE, ACK, CANCEL, BYE, OPTIONS, INFO';
/** The host part of our Via and Contact: WebSocket peers have no reachable address (RFC 7118 §5.2). */
const ourHost = 'omniflow.invalid';

interface Dialog {
  localTag: string;
  invite: SipRequest;
  answered: boolean;
  over: boolean;
  localSeq: number;
  abort: AbortController;
  listeners: Array<() => void>;
}

/**
 * A SIP user agent server over one WebSocket (RFC 7118): the browser phone's JsSIP sends INVITE,
 * ACK, CANCEL, BYE and OPTIONS; calls are handed to `onInvite`. The transport is reliable, so no
 * retransmission timers; a closed socket ends every call on it.
 */
export class SipWebSocketSession {
  private readonly dialogs = new Map<string, Dialog>();

  constructor(
    private readonly socket: SipSocket,
    private readonly onInvite: (invite: BrowserInvite) => void,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  receive(text: string): void {
    // Keep-alive (RFC 5626 §4.4.1 double CRLF) carries nothing.
    if (text.trim() === '') return;
    let message;
    try {
      message = parseSipMessage(Buffer.from(text, 'utf8'));
    } catch (error) {
      this.onError(error);
      return;
    }
    if (message.kind === 'response') return;
    try {
      this.receiveRequest(message);
    } catch (error) {
      this.onError(error);
    }
  }

  /** The WebSocket closed: every call on it is over. */
  close(): void {
    for (const dialog of this.dialogs.values()) this.end(dialog);
    this.dialogs.clear();
  }

  private receiveRequest(request: SipRequest): void {
    const callId = getHeader(request, 'call-id') ?? '';
    const dialog = this.dialogs.get(callId);
    switch (request.method) {
      case 'INVITE':
        if (dialog) return this.respond(buildResponse(request, 488, 'Not Acceptable Here'));
        return this.receiveInvite(request, callId);
      case 'ACK':
        return;
      case 'CANCEL':
        if (!dialog || dialog.answered)
          return this.respond(buildResponse(request, 481, 'Call/Transaction Does Not Exist'));
        this.respond(buildResponse(request, 200, 'OK'));
        this.respond(buildResponse(dialog.invite, 487, 'Request Terminated', { toTag: dialog.localTag }));
        return this.end(dialog);
      case 'BYE':
        if (!dialog) return this.respond(buildResponse(request, 481, 'Call/Transaction Does Not Exist'));
        this.respond(buildResponse(request, 200, 'OK'));
        return this.end(dialog);
      case 'INFO':
        return this.respond(buildResponse(request, dialog ? 200 : 481, dialog ? 'OK' : 'No Such Call'));
      case 'OPTIONS':
        return this.respond(
          buildResponse(request, 200, 'OK', { headers: [{ name: 'allow', value: allow }] }),
        );
      default:
        return this.respond(
          buildResponse(request, 405, 'Method Not Allowed', { headers: [{ name: 'allow', value: allow }] }),
        );
    }
  }

  private receiveInvite(invite: SipRequest, callId: string): void {
    const dialog: Dialog = {
      localTag: randomBytes(6).toString('hex'),
      invite,
      answered: false,
      over: false,
      localSeq: 1,
      abort: new AbortController(),
      listeners: [],
    };
    this.dialogs.set(callId, dialog);
    this.respond(buildResponse(invite, 100, 'Trying'));
    let target = '';
    try {
      target = parseSipUri(invite.uri).user ?? '';
    } catch {
      // An unparsable request-URI has no number: answered below like an unknown one.
    }
    const from = parseNameAddr(getHeader(invite, 'from') ?? '');
    let fromUser = '';
    try {
      fromUser = parseSipUri(from.uri).user ?? '';
    } catch {
      fromUser = '';
    }
    const finalOnce = () => {
      if (dialog.answered || dialog.over) return false;
      dialog.answered = true;
      return true;
    };
    this.onInvite({
      callId,
      target,
      from: fromUser,
      offerSdp: invite.body.toString('utf8'),
      signal: dialog.abort.signal,
      reject: (status, reason) => {
        if (!finalOnce()) return;
        this.respond(buildResponse(invite, status, reason, { toTag: dialog.localTag }));
        this.dialogs.delete(callId);
        dialog.over = true;
      },
      accept: (answerSdp, headers = []) => {
        const live = finalOnce();
        if (live)
          this.respond(
            buildResponse(invite, 200, 'OK', {
              toTag: dialog.localTag,
              headers: [
                { name: 'contact', value: `<sip:omniflow@${ourHost};transport=ws>` },
                { name: 'allow', value: allow },
                { name: 'content-type', value: 'application/sdp' },
                { name: 'user-agent', value: userAgent },
                ...headers,
              ],
              body: Buffer.from(answerSdp, 'utf8'),
            }),
          );
        return {
          onEnded: (listener) => {
            if (dialog.over) listener();
            else dialog.listeners.push(listener);
          },
          bye: () => {
            if (dialog.over) return;
            this.sendInDialog(dialog, 'BYE');
            this.end(dialog);
          },
          info: (contentType, body) => {
            if (!dialog.over)
              this.sendInDialog(dialog, 'INFO', [{ name: 'content-type', value: contentType }], body);
          },
        };
      },
    });
  }

  /** RFC 3261 §12.2.1.1: a request inside the dialog, to the browser's Contact. */
  private sendInDialog(dialog: Dialog, method: string, extra: SipHeader[] = [], body = ''): void {
    const { invite } = dialog;
    dialog.localSeq += 1;
    const contact = getHeader(invite, 'contact');
    const from = getHeader(invite, 'from') ?? '';
    const to = getHeader(invite, 'to') ?? '';
    const request: SipRequest = {
      kind: 'request',
      method,
      uri: contact ? parseNameAddr(contact).uri : parseNameAddr(from).uri,
      headers: [
        { name: 'via', value: `SIP/2.0/WSS ${ourHost};branch=z9hG4bK${randomBytes(8).toString('hex')}` },
        { name: 'max-forwards', value: '70' },
        { name: 'from', value: `${to};tag=${dialog.localTag}` },
        { name: 'to', value: from },
        { name: 'call-id', value: getHeader(invite, 'call-id') ?? '' },
        { name: 'cseq', value: `${dialog.localSeq} ${method}` },
        { name: 'user-agent', value: userAgent },
        ...extra,
      ],
      body: Buffer.from(body, 'utf8'),
    };
    this.send(request);
  }

  private end(dialog: Dialog): void {
    if (dialog.over) return;
    dialog.over = true;
    dialog.abort.abort();
    this.dialogs.delete(getHeader(dialog.invite, 'call-id') ?? '');
    for (const listener of dialog.listeners) listener();
  }

  private respond(response: ReturnType<typeof buildResponse>): void {
    this.send(response);
  }

  private send(message: Parameters<typeof serializeSipMessage>[0]): void {
    try {
      this.socket.send(serializeSipMessage(message).toString('utf8'));
    } catch (error) {
      this.onError(error);
    }
  }
}
