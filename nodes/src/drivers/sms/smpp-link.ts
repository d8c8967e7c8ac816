import smpp, { type Pdu, type Session } from 'smpp';
import { NodeError } from '../../sdk/node-error.ts';
import { describeSmppStatus, smppStatus } from './smpp-status.ts';

export interface SmppLinkOptions {
  host: string;
  port: number;
  systemId: string;
  password: string;
  systemType: string;
  /** How often to ask the SMSC whether the link is alive. */
  enquireLinkIntervalMs: number;
  /** How long any request (bind, submit_sm, enquire_link) may wait for its answer. */
  responseTimeoutMs: number;
  /** Delay before the first reconnect; doubles on each failed attempt up to maxDelayMs. */
  reconnectInitialDelayMs: number;
  reconnectMaxDelayMs: number;
}

export type LinkEvent =
  | { type: 'bound'; host: string; port: number }
  | { type: 'down'; reason: string }
  | { type: 'reconnecting'; attempt: number; delayMs: number }
  | { type: 'failed'; error: NodeError };

export interface SmppLinkHandlers {
  /** Handles a deliver_sm; the SMSC gets its answer once this settles (an error asks it to retry). */
  onDeliver(pdu: Pdu): Promise<void>;
  onEvent(event: LinkEvent): void;
}

type LinkState = 'idle' | 'connecting' | 'bound' | 'waiting' | 'failed' | 'closed';

interface PendingRequest {
  command: string;
  resolve: (response: Pdu) => void;
  reject: (error: NodeError) => void;
  /** When it is given up (Date.now() ms): one sweep timer watches them all (sweepTimeouts). */
  deadline: number;
}

/**
 * A PDU already in its bytes (submit-sm-encoder.ts), as the package's Session.send takes one: it
 * numbers it, and the number goes into the bytes when they are asked for.
 */
class EncodedPdu {
  sequence_number = 0;
  constructor(
    readonly command: string,
    private readonly bytes: Buffer,
  ) {}

  isResponse(): boolean {
    return false;
  }

  toBuffer(): Buffer {
    this.bytes.writeUInt32BE(this.sequence_number, 12);
    return this.bytes;
  }
}

interface BoundWaiter {
  resolve: () => void;
  reject: (error: NodeError) => void;
  timer: NodeJS.Timeout;
}

/** Thrown at requests in flight when the link goes down; the driver sends them again after re-binding. */
export const LINK_DOWN = 'SMPP_LINK_DOWN';

// SMPP 3.4 §5.2.1: interface_version 0x34 says we speak 3.4.
const INTERFACE_VERSION_34 = 0x34;

/**
 * One bound SMPP transceiver session that stays up: it binds, answers and sends enquire_link,
 * and after the link drops reconnects and re-binds with exponential backoff until it is closed
 * or the SMSC refuses the credentials (which no retry can fix).
 */
export class SmppLink {
  private state: LinkState = 'idle';
  private session: Session | undefined;
  private attempt = 0;
  private lastError = 'not connected yet';
  private fatal: NodeError | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private enquireTimer: NodeJS.Timeout | undefined;
  private bindTimer: NodeJS.Timeout | undefined;
  private sweepTimer: NodeJS.Timeout | undefined;
  private corked = false;
  private readonly pending = new Map<number, PendingRequest>();
  private readonly waiters = new Set<BoundWaiter>();

  constructor(
    private readonly options: SmppLinkOptions,
    private readonly handlers: SmppLinkHandlers,
  ) {}

  get isBound(): boolean {
    return this.state === 'bound';
  }

  private get peer(): string {
    return `${this.options.host}:${this.options.port}`;
  }

  /** Starts connecting in the background; safe to call more than once. */
  open(): void {
    if (this.state === 'idle') this.connect();
  }

  /**
   * Resolves once the link is bound, or fails after timeoutMs with the reason it is not. The
   * error names `budgetMs` (the caller's whole send timeout), not the part of it left now.
   */
  whenBound(timeoutMs: number, budgetMs = timeoutMs): Promise<void> {
    if (this.state === 'bound') return Promise.resolve();
    if (this.fatal) return Promise.reject(this.fatal);
    if (this.state === 'closed') return Promise.reject(closedError());
    this.open();
    return new Promise((resolve, reject) => {
      const waiter: BoundWaiter = {
        resolve,
        reject,
        timer: setTimeout(
          () => {
            this.waiters.delete(waiter);
            reject(
              new NodeError(
                'SMS_LINK_UNAVAILABLE',
                `The SMPP link to ${this.peer} was not bound within ${budgetMs} ms (last error: ${this.lastError})`,
              ),
            );
          },
          Math.max(0, timeoutMs),
        ),
      };
      this.waiters.add(waiter);
    });
  }

  /** Sends a request on the bound session and resolves with the SMSC's answer, whatever its status. */
  request(command: string, fields: Record<string, unknown> = {}): Promise<Pdu> {
    const session = this.session;
    if (this.state !== 'bound' || !session) return Promise.reject(linkDown(`link is ${this.state}`));
    return this.sendRequest(session, command, fields);
  }

  /**
   * `request` for a PDU already encoded (encodeSubmitSm). Its bytes are written when it is sent,
   * so a buffer must not be sent again before its answer (the driver's parts never are).
   */
  requestEncoded(command: string, bytes: Buffer): Promise<Pdu> {
    const session = this.session;
    if (this.state !== 'bound' || !session) return Promise.reject(linkDown(`link is ${this.state}`));
    return this.sendPdu(session, new EncodedPdu(command, bytes) as unknown as Pdu, command);
  }

  async close(): Promise<void> {
    if (this.state === 'closed') return;
    const wasBound = this.state === 'bound';
    this.state = 'closed';
    clearTimeout(this.reconnectTimer);
    clearTimeout(this.bindTimer);
    clearInterval(this.enquireTimer);
    this.rejectWaiters(closedError());
    const session = this.session;
    if (!session) return;
    if (wasBound) {
      // SMPP 3.4 §4.2: say goodbye with unbind so the SMSC stops queueing deliver_sm for us.
      await this.sendRequest(session, 'unbind').catch(() => undefined);
    }
    this.rejectPending(closedError());
    await new Promise<void>((resolve) => {
      if (session.socket.destroyed) return resolve();
      session.socket.once('close', () => resolve());
      session.destroy();
    });
  }

  private connect(): void {
    this.state = 'connecting';
    const session = smpp.connect({ host: this.options.host, port: this.options.port });
    this.session = session;
    // Connecting and binding share one deadline: a host that never answers counts as down.
    this.bindTimer = setTimeout(() => {
      this.lastError = `no bind answer within ${this.options.responseTimeoutMs} ms`;
      session.destroy();
    }, this.options.responseTimeoutMs);
    // Windowed submit_sm are small writes in quick succession: with Nagle's algorithm each one
    // after the first would wait for the SMSC's (possibly delayed) ACK.
    session.socket.setNoDelay(true);
    session.on('connect', () => this.bind(session));
    session.on('error', (error: Error) => {
      this.lastError = error.message;
    });
    session.on('close', () => this.onClose(session));
    session.on('pdu', (pdu: Pdu) => this.onPdu(session, pdu));
  }

  private bind(session: Session): void {
    this.sendRequest(session, 'bind_transceiver', {
      system_id: this.options.systemId,
      password: this.options.password,
      system_type: this.options.systemType,
      interface_version: INTERFACE_VERSION_34,
    }).then(
      (response) => this.onBindResponse(session, response),
      () => undefined, // the session closed before answering; onClose reconnects
    );
  }

  private onBindResponse(session: Session, response: Pdu): void {
    if (session !== this.session || this.state !== 'connecting') return;
    clearTimeout(this.bindTimer);
    const status = response.command_status;
    if (status === smppStatus.ok) {
      this.state = 'bound';
      this.attempt = 0;
      this.enquireTimer = setInterval(() => this.enquireLink(session), this.options.enquireLinkIntervalMs);
      this.handlers.onEvent({ type: 'bound', host: this.options.host, port: this.options.port });
      for (const waiter of this.waiters) {
        clearTimeout(waiter.timer);
        waiter.resolve();
      }
      this.waiters.clear();
      return;
    }
    if (
      status === smppStatus.invalidPassword ||
      status === smppStatus.invalidSystemId ||
      status === smppStatus.bindFailed
    ) {
      // Wrong credentials stay wrong: retrying would only hammer the SMSC and hide the problem.
      this.fatal = new NodeError(
        'CHANNEL_AUTH_FAILED',
        `The SMSC at ${this.peer} refused to bind system_id "${this.options.systemId}": ${describeSmppStatus(status)}. Check the SMPP system id and password.`,
        false,
      );
      this.state = 'failed';
      this.handlers.onEvent({ type: 'failed', error: this.fatal });
      this.rejectWaiters(this.fatal);
      session.destroy();
      return;
    }
    this.lastError = `bind refused: ${describeSmppStatus(status)}`;
    session.destroy();
  }

  private onClose(session: Session): void {
    if (session !== this.session) return;
    clearTimeout(this.bindTimer);
    clearInterval(this.enquireTimer);
    this.session = undefined;
    this.rejectPending(linkDown(this.lastError));
    if (this.state === 'closed' || this.state === 'failed') return;
    const wasBound = this.state === 'bound';
    this.state = 'waiting';
    if (wasBound) this.handlers.onEvent({ type: 'down', reason: this.lastError });
    const delayMs = Math.min(
      this.options.reconnectInitialDelayMs * 2 ** this.attempt,
      this.options.reconnectMaxDelayMs,
    );
    this.attempt++;
    this.handlers.onEvent({ type: 'reconnecting', attempt: this.attempt, delayMs });
    this.reconnectTimer = setTimeout(() => {
      if (this.state === 'waiting') this.connect();
    }, delayMs);
  }

  private onPdu(session: Session, pdu: Pdu): void {
    if (pdu.isResponse()) {
      const request = this.pending.get(pdu.sequence_number);
      if (!request || session !== this.session) return;
      this.pending.delete(pdu.sequence_number);
      if (this.pending.size === 0) this.stopSweep();
      request.resolve(pdu);
      return;
    }
    switch (pdu.command) {
      case 'enquire_link':
        session.send(pdu.response());
        return;
      case 'unbind':
        this.lastError = 'the SMSC unbound';
        session.send(pdu.response(), () => session.destroy());
        return;
      case 'deliver_sm':
        this.handlers.onDeliver(pdu).then(
          () => session.send(pdu.response()),
          () => session.send(pdu.response({ command_status: smppStatus.temporaryAppError })),
        );
        return;
      case 'alert_notification':
        return; // SMPP 3.4 §4.12.1: has no response
      default:
        session.send(pdu.response({ command_status: smppStatus.invalidCommandId }));
    }
  }

  private enquireLink(session: Session): void {
    // No answer in time means the link is dead even if TCP has not noticed; sendRequest's
    // timeout destroys the session, which reconnects.
    this.sendRequest(session, 'enquire_link').catch(() => undefined);
  }

  private sendRequest(session: Session, command: string, fields: Record<string, unknown> = {}): Promise<Pdu> {
    return this.sendPdu(session, new smpp.PDU(command, fields), command);
  }

  private sendPdu(session: Session, pdu: Pdu, command: string): Promise<Pdu> {
    return new Promise((resolve, reject) => {
      // The writes of one turn of the event loop leave in one writev: a window refilled by a
      // burst of answers is one system call, not one per submit_sm (Nagle is off, see connect).
      if (!this.corked && !session.socket.destroyed) {
        this.corked = true;
        session.socket.cork();
        process.nextTick(() => {
          this.corked = false;
          session.socket.uncork();
        });
      }
      const sent = session.send(pdu);
      if (!sent) return reject(linkDown(`socket not writable for ${command}`));
      this.pending.set(pdu.sequence_number, {
        command,
        resolve,
        reject,
        deadline: Date.now() + this.options.responseTimeoutMs,
      });
      this.sweepTimer ??= setTimeout(() => this.sweepTimeouts(session), this.options.responseTimeoutMs);
    });
  }

  /**
   * One timer for every request in flight, not one each: requests wait in the order they were
   * sent and all get the same time, so the oldest is the first to expire. An unanswered one
   * means the link is dead even if TCP has not noticed: the session is destroyed and reconnects.
   */
  private sweepTimeouts(session: Session): void {
    this.sweepTimer = undefined;
    const now = Date.now();
    for (const [sequence, request] of this.pending) {
      if (request.deadline > now) {
        this.sweepTimer = setTimeout(() => this.sweepTimeouts(session), request.deadline - now);
        return;
      }
      this.pending.delete(sequence);
      this.lastError = `no answer to ${request.command} within ${this.options.responseTimeoutMs} ms`;
      request.reject(linkDown(this.lastError));
      session.destroy();
    }
  }

  private stopSweep(): void {
    clearTimeout(this.sweepTimer);
    this.sweepTimer = undefined;
  }

  private rejectPending(error: NodeError): void {
    this.stopSweep();
    for (const request of this.pending.values()) request.reject(error);
    this.pending.clear();
  }

  private rejectWaiters(error: NodeError): void {
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.reject(error);
    }
    this.waiters.clear();
  }
}

function linkDown(reason: string): NodeError {
  return new NodeError(LINK_DOWN, `The SMPP link went down: ${reason}`);
}

function closedError(): NodeError {
  return new NodeError('SMS_DRIVER_CLOSED', 'The SMPP driver was closed', false);
}
