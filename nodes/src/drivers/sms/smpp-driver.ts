import { randomInt, randomUUID } from 'node:crypto';
import type { DecodedShortMessage, Pdu } from 'smpp';
import type {
  InboundMessage,
  MessagingDriver,
  OutboundMessage,
  SendContext,
  SendResult,
  StatusUpdate,
} from '../messaging/messaging-driver.ts';
import { planSms, type SmsEncoding } from '../messaging/sms-encoding.ts';
import { NodeError } from '../../sdk/node-error.ts';
import { BoundedMap } from './bounded-map.ts';
import { concatFromSar, concatFromUdh, concatUdh } from './concatenation.ts';
import { isDeliveryReceipt, parseDeliveryReceipt } from './delivery-receipt.ts';
import { InboundReassembler, type ReassembledMessage } from './inbound-reassembler.ts';
import { ReceiptTracker } from './receipt-tracker.ts';
import { renderSmsText } from './render-sms-text.ts';
import { SendWindow } from './send-window.ts';
import { fromSmppAddress, toSmppAddress } from './smpp-address.ts';
import { encodeShortMessage, encodeSubmitSm } from './submit-sm-encoder.ts';
import { LINK_DOWN, SmppLink, type LinkEvent } from './smpp-link.ts';
import { describeSmppStatus, smppStatus } from './smpp-status.ts';

export interface SmppDriverOptions {
  host: string;
  port: number;
  systemId: string;
  password: string;
  systemType?: string;
  /** The sender when a message names none: an E.164 number, a short code or an alphanumeric id. */
  sourceAddress?: string;
  /** enquire_link period (default 30 s). */
  enquireLinkIntervalMs?: number;
  /** How long bind, submit_sm and enquire_link may wait for an answer (default 10 s). */
  responseTimeoutMs?: number;
  /** First reconnect delay (default 1 s), doubled per failed attempt up to reconnectMaxDelayMs (default 30 s). */
  reconnectInitialDelayMs?: number;
  reconnectMaxDelayMs?: number;
  /** submit_sm sent and not yet answered, at most (default 10). */
  windowSize?: number;
  /** submit_sm per second, at most: SMSC accounts meter parts, not messages (default 50). */
  messagesPerSecond?: number;
  /** How long one send may take in all, including waiting for the link to re-bind (default 30 s). */
  sendTimeoutMs?: number;
  /** How long to wait for the missing parts of a concatenated inbound SMS (default 5 min). */
  reassemblyTimeoutMs?: number;
  /** Sends and part ids remembered for idempotency and receipts (default 100 000, oldest forgotten). */
  rememberLimit?: number;
  now?: () => Date;
}

type Handler<T> = (value: T) => void | Promise<void>;

/** What the driver tells its operator: the link's life, and inbound SMS it could not hand on. */
export type SmppEvent =
  LinkEvent | { type: 'inbound-lost'; from: string; to: string; text: string; error: Error };

interface OutboundPart {
  /** The submit_sm in its bytes (encodeSubmitSm), made once when the send is planned. */
  pdu: Buffer;
  /** The SMSC's id once it acknowledged the part; a part with one is never submitted again. */
  messageId?: string;
}

interface OutboundJob {
  to: string;
  from: string;
  encoding: SmsEncoding;
  parts: OutboundPart[];
  result?: SendResult;
  running?: Promise<SendResult>;
  /** The caller's hand-over record (SendContext.handingOver), made once before the first write. */
  handedOver?: Promise<void>;
}

// SMPP 3.4 §5.2.12 and §5.2.19: UDH indicator, GSM default alphabet, UCS-2.
const ESM_CLASS_UDHI = 0x40;
const DATA_CODING = { gsm7: 0x00, ucs2: 0x08 } as const;
const REGISTERED_DELIVERY_FINAL = 0x01;

/**
 * SMS over an SMPP 3.4 transceiver bind. SMPP is a long-lived connection, not a webhook: delivery
 * receipts and inbound messages arrive on the link and reach `onStatus` / `onInbound` subscribers.
 */
export class SmppDriver implements MessagingDriver {
  readonly channel = 'sms' as const;
  readonly announcesHandOver = true;
  private readonly link: SmppLink;
  private readonly window: SendWindow;
  /** Sends not yet done, or failed (a retry resumes them: acknowledged parts are not sent again). */
  private readonly jobs: BoundedMap<string, OutboundJob>;
  /** Sends done, by idempotency key: only their result, so remembering many costs little memory. */
  private readonly done: BoundedMap<string, SendResult>;
  private readonly jobsByPartId: BoundedMap<string, OutboundJob>;
  private readonly receipts: ReceiptTracker;
  private readonly reassembler: InboundReassembler;
  private readonly inboundHandlers = new Set<Handler<InboundMessage>>();
  private readonly statusHandlers = new Set<Handler<StatusUpdate>>();
  private readonly eventHandlers = new Set<(event: SmppEvent) => void>();
  private readonly sendTimeoutMs: number;
  private readonly now: () => Date;
  private reference = randomInt(256);
  private closed = false;

  constructor(private readonly options: SmppDriverOptions) {
    this.sendTimeoutMs = options.sendTimeoutMs ?? 30_000;
    this.now = options.now ?? (() => new Date());
    const limit = options.rememberLimit ?? 100_000;
    this.jobs = new BoundedMap(limit);
    this.done = new BoundedMap(limit);
    this.jobsByPartId = new BoundedMap(limit);
    this.receipts = new ReceiptTracker(limit);
    this.window = new SendWindow({
      maxInFlight: options.windowSize ?? 10,
      perSecond: options.messagesPerSecond ?? 50,
    });
    this.reassembler = new InboundReassembler(options.reassemblyTimeoutMs ?? 300_000, (message) => {
      // The SMSC already has its answers for these parts and will not send them again, so a
      // failure here cannot be retried: it is reported rather than dropped silently.
      this.emitInbound(message).catch((error: unknown) =>
        this.report({
          type: 'inbound-lost',
          from: message.from,
          to: message.to,
          text: message.text,
          error: error instanceof Error ? error : new Error(String(error)),
        }),
      );
    });
    this.link = new SmppLink(
      {
        host: options.host,
        port: options.port,
        systemId: options.systemId,
        password: options.password,
        systemType: options.systemType ?? '',
        enquireLinkIntervalMs: options.enquireLinkIntervalMs ?? 30_000,
        responseTimeoutMs: options.responseTimeoutMs ?? 10_000,
        reconnectInitialDelayMs: options.reconnectInitialDelayMs ?? 1_000,
        reconnectMaxDelayMs: options.reconnectMaxDelayMs ?? 30_000,
      },
      {
        onDeliver: (pdu) => this.onDeliver(pdu),
        onEvent: (event) => this.report(event),
      },
    );
  }

  /** Connects and binds; rejects with CHANNEL_AUTH_FAILED for bad credentials. */
  connect(): Promise<void> {
    return this.link.whenBound(this.sendTimeoutMs);
  }

  get isBound(): boolean {
    return this.link.isBound;
  }

  /**
   * Submits the message, split into concatenated parts when it is long. A send issued while the
   * link is down waits for the re-bind; parts the SMSC already acknowledged are never submitted
   * again, and a send repeated with the same idempotencyKey returns the first send's result.
   */
  send(message: OutboundMessage, context: SendContext = {}): Promise<SendResult> {
    if (this.closed) return Promise.reject(closedError());
    const result = this.done.get(message.idempotencyKey);
    if (result) return Promise.resolve(result);
    const known = this.jobs.get(message.idempotencyKey);
    if (known?.result) return Promise.resolve(known.result);
    if (known?.running) return known.running;
    let job: OutboundJob;
    try {
      job = known ?? this.plan(message);
    } catch (error) {
      return Promise.reject(error);
    }
    this.jobs.set(message.idempotencyKey, job);
    const running = this.run(job, context, message.idempotencyKey);
    job.running = running;
    return running;
  }

  /** Inbound SMS, concatenated parts already joined. A handler that throws makes the SMSC redeliver. */
  onInbound(handler: Handler<InboundMessage>): () => void {
    this.inboundHandlers.add(handler);
    this.link.open();
    return () => this.inboundHandlers.delete(handler);
  }

  /** Delivery reports, one per message (a long SMS reports once all its parts are known). */
  onStatus(handler: Handler<StatusUpdate>): () => void {
    this.statusHandlers.add(handler);
    this.link.open();
    return () => this.statusHandlers.delete(handler);
  }

  /** Bind, drop, reconnect and failure events, and lost inbound SMS, for health checks and logs. */
  onEvent(handler: (event: SmppEvent) => void): () => void {
    this.eventHandlers.add(handler);
    return () => this.eventHandlers.delete(handler);
  }

  /**
   * SMPP has no webhooks: receipts and inbound messages arrive on the bound link. An HTTP request
   * claiming to come from an SMPP provider is therefore never genuine.
   */
  verifySignature(): boolean {
    return false;
  }

  parseInbound(): InboundMessage[] {
    throw webhookUnsupported();
  }

  parseStatus(): StatusUpdate[] {
    throw webhookUnsupported();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.window.close(closedError());
    this.reassembler.close();
    await this.link.close();
  }

  private report(event: SmppEvent): void {
    for (const handler of this.eventHandlers) handler(event);
  }

  private plan(message: OutboundMessage): OutboundJob {
    const text = renderSmsText(message);
    const from = message.from ?? this.options.sourceAddress;
    if (!from) {
      throw new NodeError(
        'SMS_NO_SENDER',
        'No sender: set the message "from" or the driver sourceAddress',
        false,
      );
    }
    const plan = planSms(text);
    const multipart = plan.parts.length > 1;
    if (plan.parts.length > 255) {
      throw new NodeError('SMS_TOO_LONG', `The SMS takes ${plan.parts.length} parts; at most 255 fit`, false);
    }
    const reference = multipart ? this.nextReference() : 0;
    const source = toSmppAddress(from);
    const destination = toSmppAddress(message.to);
    return {
      to: message.to,
      from,
      encoding: plan.encoding,
      parts: plan.parts.map((part, i) => {
        const udh = multipart ? concatUdh(reference, plan.parts.length, i + 1) : undefined;
        return {
          pdu: encodeSubmitSm({
            source,
            destination,
            esmClass: udh ? ESM_CLASS_UDHI : 0,
            registeredDelivery: REGISTERED_DELIVERY_FINAL,
            dataCoding: DATA_CODING[plan.encoding],
            udh,
            message: encodeShortMessage(part, plan.encoding),
          }),
        };
      }),
    };
  }

  private async run(job: OutboundJob, context: SendContext, key: string): Promise<SendResult> {
    try {
      const deadline = Date.now() + this.sendTimeoutMs;
      const pending = job.parts.filter((part) => !part.messageId);
      // Most SMS are one part: nothing else can be in flight when it fails. allSettled, not
      // all, for a long one: no part may still be in flight when a failed send returns, or the
      // caller's retry could submit it a second time.
      if (pending.length === 1) await this.submit(job, pending[0]!, deadline, context);
      else {
        const outcomes = await Promise.allSettled(
          pending.map((part) => this.submit(job, part, deadline, context)),
        );
        const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
        if (failed) throw failed.reason;
      }
      const ids = job.parts.map((part) => part.messageId ?? '');
      const [providerMessageId = ''] = ids;
      this.receipts.track(providerMessageId, ids);
      const result = { providerMessageId, segments: job.parts.length };
      job.result = result;
      // Once done, the job (its PDUs, hand-over record, part index) is forgotten and only the
      // result kept, so 100,000 remembered sends (a campaign's) cost the worker little memory:
      // receipts find the message through the ReceiptTracker from here on.
      job.parts = [];
      if (this.jobs.get(key) === job) {
        this.jobs.delete(key);
        this.done.set(key, result);
        if (ids.length > 1) for (const id of ids) this.jobsByPartId.delete(id);
      }
      return result;
    } finally {
      job.running = undefined;
    }
  }

  private async submit(
    job: OutboundJob,
    part: OutboundPart,
    deadline: number,
    context: SendContext,
  ): Promise<void> {
    let throttledDelayMs = 100;
    for (let attempt = 0; ; attempt++) {
      if (this.closed) throw closedError();
      if (attempt > 0 && Date.now() >= deadline) {
        throw new NodeError(
          'SMS_SEND_TIMEOUT',
          `The SMSC did not accept part of the SMS to ${job.to} within ${this.sendTimeoutMs} ms`,
        );
      }
      // Bound and a slot free (a campaign's usual case): no promise to wait on for either.
      if (!this.link.isBound) await this.link.whenBound(deadline - Date.now(), this.sendTimeoutMs);
      if (!this.window.tryAcquire()) await this.window.acquire();
      let response: Pdu;
      try {
        // With the slot held, so what the caller records as handed over is written next.
        // A failed record is forgotten, so a later send with the same key records it again.
        if (context.handingOver)
          await (job.handedOver ??= context.handingOver().catch((error: unknown) => {
            job.handedOver = undefined;
            throw error;
          }));
        response = await this.link.requestEncoded('submit_sm', part.pdu);
      } catch (error) {
        // Unanswered when the link dropped: the SMSC did not acknowledge it, so it goes again
        // once the link is back.
        if (error instanceof NodeError && error.code === LINK_DOWN) continue;
        throw error;
      } finally {
        this.window.release();
      }
      const status = response.command_status;
      if (status === smppStatus.ok && response.message_id) {
        part.messageId = response.message_id;
        // A one-part send tracks its receipt in the same turn (run); a receipt can overtake
        // only the other parts' answers of a long one (onDeliver).
        if (job.parts.length > 1) this.jobsByPartId.set(response.message_id, job);
        return;
      }
      if (status === smppStatus.throttled || status === smppStatus.messageQueueFull) {
        if (Date.now() + throttledDelayMs > deadline) throw throttledError(status);
        await new Promise((resolve) => setTimeout(resolve, throttledDelayMs));
        throttledDelayMs = Math.min(throttledDelayMs * 2, 5_000);
        continue;
      }
      throw new NodeError(
        'SMS_SUBMIT_REJECTED',
        `The SMSC refused the SMS to ${job.to}: ${describeSmppStatus(status)}${status === smppStatus.ok ? ' without a message id' : ''}`,
        false,
        { smppStatus: status },
      );
    }
  }

  private nextReference(): number {
    this.reference = (this.reference + 1) % 256;
    return this.reference;
  }

  private async onDeliver(pdu: Pdu): Promise<void> {
    const content = decodeContent(pdu);
    if (isDeliveryReceipt({ esmClass: pdu.esm_class, receiptedMessageId: pdu.receipted_message_id })) {
      const receipt = parseDeliveryReceipt({
        esmClass: pdu.esm_class,
        text: content.text,
        receiptedMessageId: pdu.receipted_message_id,
        messageState: pdu.message_state,
        networkErrorCode: pdu.network_error_code,
      });
      if (!receipt) {
        throw new NodeError('SMPP_RECEIPT_UNREADABLE', `Unreadable delivery receipt: ${content.text ?? ''}`);
      }
      // A receipt can overtake the answers for the message's other parts; until they are in, the
      // message has no id to report under, so this receipt (and its deliver_sm_resp) waits. The
      // answers read in the same chunk as this receipt settle first (setImmediate runs after
      // their promise continuations), so its own part is known by then.
      await new Promise((resolve) => setImmediate(resolve));
      const sending = this.jobsByPartId.get(receipt.messageId);
      if (sending?.running && !sending.result) await sending.running.catch(() => undefined);
      const update = this.receipts.apply(receipt);
      if (!update) return;
      await emit(this.statusHandlers, 'delivery receipt', {
        providerMessageId: update.providerMessageId,
        status: update.status,
        at: this.now(),
        ...(update.errorCode ? { errorCode: update.errorCode } : {}),
        ...(update.status === 'delivered' ? {} : { errorMessage: `SMSC reported ${update.stat}` }),
      });
      return;
    }
    const whole = this.reassembler.add({
      from: fromSmppAddress(pdu.source_addr ?? '', pdu.source_addr_ton),
      to: fromSmppAddress(pdu.destination_addr ?? '', pdu.dest_addr_ton),
      text: content.text ?? '',
      concat:
        concatFromUdh(content.udh) ??
        concatFromSar(pdu.sar_msg_ref_num, pdu.sar_total_segments, pdu.sar_segment_seqnum),
    });
    if (!whole) return;
    await this.emitInbound(whole);
    this.reassembler.forget(whole.key);
  }

  private emitInbound(message: ReassembledMessage): Promise<void> {
    return emit(this.inboundHandlers, 'inbound SMS', {
      channel: 'sms',
      from: message.from,
      to: message.to,
      // deliver_sm carries no id of its own (SMPP 3.4 §4.6.2: message_id is unused in the resp).
      providerMessageId: `smpp-${randomUUID()}`,
      text: message.text,
      receivedAt: this.now(),
    });
  }
}

/**
 * Hands a value to every subscriber. With none, the deliver_sm is answered with a temporary error
 * so the SMSC keeps it and retries, instead of acknowledging something nobody recorded.
 */
async function emit<T>(handlers: Set<Handler<T>>, what: string, value: T): Promise<void> {
  if (handlers.size === 0) throw new NodeError('SMPP_NO_SUBSCRIBER', `No subscriber for ${what}`);
  await Promise.all([...handlers].map((handler) => handler(value)));
}

function decodeContent(pdu: Pdu): { text: string | undefined; udh: Buffer[] } {
  const payload = pdu.message_payload ?? pdu.short_message;
  if (payload === undefined) return { text: undefined, udh: [] };
  if (typeof payload === 'string') return { text: payload, udh: [] };
  if (Buffer.isBuffer(payload)) return { text: payload.toString('latin1'), udh: [] };
  return { text: textOf(payload), udh: payload.udh ?? [] };
}

function textOf(decoded: DecodedShortMessage): string {
  // The package decodes GSM-7, Latin-1 and UCS-2; other data codings stay bytes.
  return typeof decoded.message === 'string' ? decoded.message : decoded.message.toString('latin1');
}

function throttledError(status: number): NodeError {
  return new NodeError(
    'SMS_THROTTLED',
    `The SMSC kept throttling submissions: ${describeSmppStatus(status)}`,
  );
}

function closedError(): NodeError {
  return new NodeError('SMS_DRIVER_CLOSED', 'The SMPP driver was closed', false);
}

function webhookUnsupported(): NodeError {
  return new NodeError(
    'SMS_WEBHOOK_UNSUPPORTED',
    'SMPP delivers receipts and inbound SMS over the bound link: subscribe with onStatus/onInbound',
    false,
  );
}
