import smpp, { type Pdu, type Session, type SmppServer } from 'smpp';

// A real SMPP peer for tests, built on the `smpp` package's own server: it binds, acknowledges
// and records submit_sm, sends receipts and inbound deliver_sm, and fails on demand. It parses
// UDH itself rather than using the driver's helpers, so the two sides cannot share a mistake.

export interface ReceivedPart {
  messageId: string;
  systemId: string;
  source: string;
  sourceTon: number;
  destination: string;
  destinationTon: number;
  esmClass: number;
  dataCoding: number;
  registeredDelivery: number;
  /** The raw UDH information elements (IEI, length, data). */
  udh: Buffer[];
  text: string;
  /** From the concatenation element, when the part has one. */
  concat?: { reference: number; total: number; sequence: number };
}

export interface AssembledMessage {
  destination: string;
  text: string;
  dataCoding: number;
  parts: ReceivedPart[];
}

export interface BindAttempt {
  systemId: string;
  password: string;
  interfaceVersion: number;
  accepted: boolean;
}

export interface LoopbackSmscOptions {
  systemId: string;
  password: string;
}

export type ReceiptStat = 'DELIVRD' | 'UNDELIV' | 'EXPIRED' | 'REJECTD' | 'UNKNOWN' | 'DELETED' | 'ACCEPTD';

const messageStateOf: Record<ReceiptStat, number> = {
  DELIVRD: 2,
  EXPIRED: 3,
  DELETED: 4,
  UNDELIV: 5,
  ACCEPTD: 6,
  UNKNOWN: 7,
  REJECTD: 8,
};

export class LoopbackSmsc {
  /** Every submit_sm this SMSC acknowledged, in arrival order. */
  readonly received: ReceivedPart[] = [];
  readonly binds: BindAttempt[] = [];
  enquireLinksReceived = 0;
  /** Most submit_sm received and not yet answered at once (to check the client's window). */
  maxUnanswered = 0;
  /** Delay before answering each submit_sm. */
  answerDelayMs = 0;
  /** Stop answering enquire_link, as a hung SMSC would. */
  ignoreEnquireLinks = false;
  /** Send this receipt right after acknowledging each part, as fast networks do. */
  receiptOnAcknowledge: ReceiptStat | undefined;

  private server: SmppServer;
  private port = 0;
  private readonly sessions = new Set<Session>();
  private readonly bound = new Set<Session>();
  private nextId = 0x5a000;
  private unanswered = 0;
  private dropAfter: number | undefined;
  private dropOnSubmit = 0;
  private refusals: number[] = [];
  /** Sessions being cut: what they send now is neither answered nor kept. */
  private readonly dropping = new WeakSet<Session>();

  private constructor(private readonly options: LoopbackSmscOptions) {
    this.server = this.createServer();
  }

  static async start(options: LoopbackSmscOptions): Promise<LoopbackSmsc> {
    const smsc = new LoopbackSmsc(options);
    await smsc.listen(0);
    return smsc;
  }

  get address(): { host: string; port: number } {
    return { host: '127.0.0.1', port: this.port };
  }

  get boundSessions(): number {
    return this.bound.size;
  }

  /** Parts grouped into messages by destination and concatenation reference, text joined in order. */
  messages(): AssembledMessage[] {
    const groups = new Map<string, ReceivedPart[]>();
    for (const part of this.received) {
      const key = part.concat
        ? `${part.destination}|${part.concat.reference}|${part.concat.total}`
        : `${part.destination}|single|${part.messageId}`;
      groups.set(key, [...(groups.get(key) ?? []), part]);
    }
    return [...groups.values()].map((parts) => {
      const ordered = [...parts].sort((a, b) => (a.concat?.sequence ?? 0) - (b.concat?.sequence ?? 0));
      return {
        destination: ordered[0]?.destination ?? '',
        text: ordered.map((p) => p.text).join(''),
        dataCoding: ordered[0]?.dataCoding ?? 0,
        parts: ordered,
      };
    });
  }

  /** After acknowledging `count` more submit_sm, cut the connection. */
  dropAfterAcknowledging(count: number): void {
    this.dropAfter = count;
  }

  /** Cut the connection on receiving the next `count` submit_sm, without answering or keeping them. */
  dropOnNextSubmit(count = 1): void {
    this.dropOnSubmit = count;
  }

  /** Answer the next submit_sm with these error statuses, one each, keeping nothing. */
  refuseNextSubmits(...statuses: number[]): void {
    this.refusals.push(...statuses);
  }

  /** Cut every client connection now. */
  dropConnections(): void {
    for (const session of this.sessions) session.destroy();
  }

  /** Sends a delivery receipt for a part this SMSC acknowledged, as text or as TLVs. */
  sendReceipt(
    messageId: string,
    stat: ReceiptStat,
    options: { err?: string; as?: 'text' | 'tlv' } = {},
  ): Promise<number> {
    const part = this.received.find((p) => p.messageId === messageId);
    if (!part) throw new Error(`The SMSC never acknowledged ${messageId}`);
    const text = `id:${messageId} sub:001 dlvrd:${stat === 'DELIVRD' ? '001' : '000'} submit date:2611212205 done date:2611212207 stat:${stat} err:${options.err ?? '000'} text:${part.text.slice(0, 20)}`;
    const fields: Record<string, unknown> = {
      source_addr: part.destination,
      source_addr_ton: part.destinationTon,
      destination_addr: part.source,
      dest_addr_ton: part.sourceTon,
      esm_class: 0x04,
      data_coding: 0,
    };
    if (options.as === 'tlv') {
      fields.receipted_message_id = messageId;
      fields.message_state = messageStateOf[stat];
      fields.short_message = '';
    } else {
      fields.short_message = text;
    }
    return this.deliver(fields);
  }

  /**
   * Sends an SMS from a phone to the client. `parts` > 1 splits it (by code points) into
   * concatenated deliver_sm with an 8-bit-reference UDH, sent last part first.
   */
  async sendInbound(message: {
    from: string;
    to: string;
    text: string;
    ucs2?: boolean;
    parts?: number;
    reference?: number;
    /** Send only these parts (1-based), as when the network loses the others. */
    onlyParts?: number[];
  }): Promise<number[]> {
    const chars = [...message.text];
    const count = message.parts ?? 1;
    const size = Math.ceil(chars.length / count);
    const chunks = Array.from({ length: count }, (_, i) => chars.slice(i * size, (i + 1) * size).join(''));
    const reference = message.reference ?? 0x33;
    const order = chunks
      .map((_, i) => i)
      .reverse()
      .filter((i) => !message.onlyParts || message.onlyParts.includes(i + 1));
    const statuses: number[] = [];
    for (const i of order) {
      const chunk = chunks[i] ?? '';
      const udh = count > 1 ? Buffer.from([0x05, 0x00, 0x03, reference, count, i + 1]) : undefined;
      statuses.push(
        await this.deliver({
          source_addr: message.from.replace(/^\+/, ''),
          source_addr_ton: message.from.startsWith('+') ? 1 : 0,
          source_addr_npi: 1,
          destination_addr: message.to.replace(/^\+/, ''),
          dest_addr_ton: message.to.startsWith('+') ? 1 : 0,
          esm_class: udh ? 0x40 : 0,
          data_coding: message.ucs2 ? 0x08 : 0x00,
          short_message: udh ? { udh, message: chunk } : { message: chunk },
        }),
      );
    }
    return statuses;
  }

  /** Sends enquire_link to the bound client; resolves with the status of its answer. */
  sendEnquireLink(): Promise<number> {
    return this.request('enquire_link', {});
  }

  /** Stops listening and cuts every connection (the SMSC is down). */
  async stop(): Promise<void> {
    this.dropConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Listens again on the same port after stop(). */
  async restart(): Promise<void> {
    this.server = this.createServer();
    await this.listen(this.port);
  }

  private listen(port: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => {
        const address = this.server.address();
        if (address && typeof address === 'object') this.port = address.port;
        resolve();
      });
    });
  }

  private deliver(fields: Record<string, unknown>): Promise<number> {
    return this.request('deliver_sm', fields);
  }

  private request(command: string, fields: Record<string, unknown>): Promise<number> {
    const [session] = this.bound;
    if (!session) return Promise.reject(new Error('No client is bound to the loopback SMSC'));
    return new Promise((resolve, reject) => {
      const sent = session.send(new smpp.PDU(command, fields), (response) =>
        resolve(response.command_status),
      );
      if (!sent) reject(new Error('The client connection is closed'));
    });
  }

  private createServer(): SmppServer {
    return smpp.createServer({}, (session) => {
      this.sessions.add(session);
      session.socket.setNoDelay(true);
      session.on('error', () => undefined);
      session.on('close', () => {
        this.sessions.delete(session);
        this.bound.delete(session);
      });
      session.on('bind_transceiver', (pdu: Pdu) => this.onBind(session, pdu));
      session.on('submit_sm', (pdu: Pdu) => this.onSubmit(session, pdu));
      session.on('enquire_link', (pdu: Pdu) => {
        this.enquireLinksReceived++;
        if (!this.ignoreEnquireLinks) session.send(pdu.response());
      });
      session.on('unbind', (pdu: Pdu) => {
        this.bound.delete(session);
        session.send(pdu.response(), () => session.close());
      });
    });
  }

  private onBind(session: Session, pdu: Pdu): void {
    const systemId = pdu.system_id ?? '';
    const password = pdu.password ?? '';
    const accepted = systemId === this.options.systemId && password === this.options.password;
    this.binds.push({
      systemId,
      password,
      interfaceVersion: pdu.interface_version ?? -1,
      accepted,
    });
    if (!accepted) {
      const status =
        systemId === this.options.systemId ? smpp.errors.ESME_RINVPASWD : smpp.errors.ESME_RINVSYSID;
      session.send(pdu.response({ command_status: status }));
      return;
    }
    this.bound.add(session);
    session.send(pdu.response({ system_id: 'loopback-smsc' }));
  }

  private onSubmit(session: Session, pdu: Pdu): void {
    if (this.dropping.has(session)) return;
    if (this.dropOnSubmit > 0) {
      this.dropOnSubmit--;
      session.destroy();
      return;
    }
    const refusal = this.refusals.shift();
    if (refusal !== undefined) {
      session.send(pdu.response({ command_status: refusal }));
      return;
    }
    this.unanswered++;
    this.maxUnanswered = Math.max(this.maxUnanswered, this.unanswered);
    const answer = () => {
      this.unanswered--;
      if (session.socket.destroyed || this.dropping.has(session)) return;
      const messageId = (this.nextId++).toString(16);
      this.received.push(this.record(pdu, messageId));
      const dropNow = this.dropAfter !== undefined && --this.dropAfter <= 0;
      if (dropNow) {
        this.dropAfter = undefined;
        this.dropping.add(session);
      }
      // Close our side once the answer is written (a FIN after it, not a reset, which could make
      // the client's kernel throw the answer away): the client did get this acknowledgement, and
      // what it sends after is neither answered nor kept.
      session.send(pdu.response({ message_id: messageId }), () => {
        if (!dropNow) return;
        session.socket.end();
        setTimeout(() => session.destroy(), 2000).unref();
      });
      if (this.receiptOnAcknowledge)
        this.sendReceipt(messageId, this.receiptOnAcknowledge).catch(() => undefined);
    };
    if (this.answerDelayMs > 0) setTimeout(answer, this.answerDelayMs);
    else answer();
  }

  private record(pdu: Pdu, messageId: string): ReceivedPart {
    const content = pdu.short_message;
    const udh =
      content && typeof content === 'object' && !Buffer.isBuffer(content) ? (content.udh ?? []) : [];
    const message =
      content && typeof content === 'object' && !Buffer.isBuffer(content) ? content.message : content;
    const text = typeof message === 'string' ? message : (message?.toString('latin1') ?? '');
    const concatIe = udh.find((ie) => ie[0] === 0x00 && ie[1] === 0x03);
    const systemId = this.binds.find((b) => b.accepted)?.systemId ?? '';
    return {
      messageId,
      systemId,
      source: pdu.source_addr ?? '',
      sourceTon: pdu.source_addr_ton ?? 0,
      destination: pdu.destination_addr ?? '',
      destinationTon: pdu.dest_addr_ton ?? 0,
      esmClass: pdu.esm_class ?? 0,
      dataCoding: pdu.data_coding ?? 0,
      registeredDelivery: pdu.registered_delivery ?? 0,
      udh,
      text,
      ...(concatIe
        ? { concat: { reference: concatIe[2] ?? 0, total: concatIe[3] ?? 0, sequence: concatIe[4] ?? 0 } }
        : {}),
    };
  }
}
