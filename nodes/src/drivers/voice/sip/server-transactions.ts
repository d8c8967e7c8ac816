import { topViaBranch, type SipRequest, type SipResponse } from './sip-message.ts';
import { T1, T2, transactionTimeout } from './sip-timers.ts';
import type { SipRemote } from './sip-transport.ts';

export interface ServerTransaction {
  readonly request: SipRequest;
  readonly remote: SipRemote;
  /** The last response sent: what a retransmitted request gets again. */
  readonly lastResponse: SipResponse | undefined;
  respond(response: SipResponse): void;
}

type Send = (response: SipResponse, remote: SipRemote) => void;

interface Entry extends ServerTransaction {
  lastResponse: SipResponse | undefined;
  retransmit: NodeJS.Timeout | undefined;
  expire: NodeJS.Timeout | undefined;
}

const keyOf = (branch: string, method: string) => `${branch} ${method}`;

/**
 * Server transactions (RFC 3261 §17.2): absorb request retransmissions by answering them with the
 * last response, retransmit a final non-2xx INVITE response over UDP until its ACK (timer G), and
 * forget each transaction 64·T1 after its final response. Retransmitting 2xx to INVITE is the
 * dialog's job (§13.3.1.4), done by the call.
 */
export class ServerTransactions {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly send: Send) {}

  /** The transaction a request belongs to, if it is a retransmission (or a CANCEL's INVITE). */
  find(branch: string, method: string): ServerTransaction | undefined {
    return this.entries.get(keyOf(branch, method));
  }

  create(request: SipRequest, remote: SipRemote): ServerTransaction {
    const key = keyOf(topViaBranch(request), request.method);
    const send = this.send;
    const entries = this.entries;
    const entry: Entry = {
      request,
      remote,
      lastResponse: undefined,
      retransmit: undefined,
      expire: undefined,
      respond(response) {
        if (entry.lastResponse && entry.lastResponse.status >= 200) return;
        entry.lastResponse = response;
        send(response, remote);
        if (response.status < 200) return;
        if (request.method === 'INVITE' && response.status >= 300 && remote.protocol === 'udp') {
          let interval = T1;
          const again = () => {
            send(response, remote);
            interval = Math.min(interval * 2, T2);
            entry.retransmit = setTimeout(again, interval);
          };
          entry.retransmit = setTimeout(again, interval);
        }
        entry.expire = setTimeout(() => {
          clearTimeout(entry.retransmit);
          entries.delete(key);
        }, transactionTimeout);
      },
    };
    entries.set(key, entry);
    return entry;
  }

  /** A request seen before: answer it again. Returns true when it was a retransmission. */
  absorbRetransmission(request: SipRequest): boolean {
    const entry = this.entries.get(keyOf(topViaBranch(request), request.method));
    if (!entry) return false;
    if (entry.lastResponse) this.send(entry.lastResponse, entry.remote);
    return true;
  }

  /** The ACK to a non-2xx final response ends timer G (RFC 3261 §17.2.1); true when it was one. */
  absorbAck(ack: SipRequest): boolean {
    const entry = this.entries.get(keyOf(topViaBranch(ack), 'INVITE'));
    if (!entry?.lastResponse || entry.lastResponse.status < 300) return false;
    clearTimeout(entry.retransmit);
    entry.retransmit = undefined;
    return true;
  }

  clear(): void {
    for (const entry of this.entries.values()) {
      clearTimeout(entry.retransmit);
      clearTimeout(entry.expire);
    }
    this.entries.clear();
  }
}
