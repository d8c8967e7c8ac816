import type { DeliveryStatus } from '../messaging/messaging-driver.ts';
import { BoundedMap } from './bounded-map.ts';
import type { DeliveryReceipt } from './delivery-receipt.ts';

interface TrackedMessage {
  providerMessageId: string;
  parts: Map<string, DeliveryStatus | undefined>;
  reported?: DeliveryStatus;
  failure?: { status: DeliveryStatus; errorCode: string | undefined; stat: string };
}

export interface MessageReceipt {
  providerMessageId: string;
  status: DeliveryStatus;
  stat: string;
  errorCode?: string;
}

const failures = new Set<DeliveryStatus>(['failed', 'undelivered', 'expired']);

/**
 * Turns per-part receipts into one status per message. A long SMS gets one receipt per part:
 * the message is delivered only when every part is, and fails as soon as one part fails.
 */
export class ReceiptTracker {
  private readonly byPart: BoundedMap<string, TrackedMessage>;
  // Most SMS are one part: for those only the status last reported is kept (a short string per
  // id, not an object and a Map), so a worker remembering a 100,000-person campaign stays small.
  private readonly singles: BoundedMap<string, DeliveryStatus | ''>;

  constructor(limit: number) {
    this.byPart = new BoundedMap(limit * 4);
    this.singles = new BoundedMap(limit);
  }

  track(providerMessageId: string, partIds: readonly string[]): void {
    if (partIds.length === 1 && partIds[0] === providerMessageId) {
      this.singles.set(providerMessageId, '');
      return;
    }
    const message: TrackedMessage = {
      providerMessageId,
      parts: new Map(partIds.map((id) => [id, undefined])),
    };
    for (const id of partIds) this.byPart.set(id, message);
  }

  /** The message-level update a part's receipt causes, if it changes anything. */
  apply(receipt: DeliveryReceipt): MessageReceipt | undefined {
    const single = this.findSingle(receipt.messageId);
    if (single) {
      const [id, reported] = single;
      // A failure is final, as for a long SMS: a later receipt does not undo it.
      if (reported && failures.has(reported)) return undefined;
      const update = outcome(receipt);
      if (update.status === reported) return undefined;
      this.singles.set(id, update.status);
      return { providerMessageId: id, ...update };
    }
    const found = this.find(receipt.messageId);
    // A receipt for an id this process never sent (it restarted since): pass it on as it came,
    // so a single-part message stored under that id still gets its status.
    if (!found) return { providerMessageId: receipt.messageId, ...outcome(receipt) };
    const [partId, message] = found;
    message.parts.set(partId, receipt.status);
    if (failures.has(receipt.status) && !message.failure) {
      message.failure = { status: receipt.status, errorCode: receipt.errorCode, stat: receipt.stat };
    }
    const update = this.messageStatus(message, receipt);
    if (update.status === message.reported) return undefined;
    message.reported = update.status;
    return { providerMessageId: message.providerMessageId, ...update };
  }

  private messageStatus(
    message: TrackedMessage,
    receipt: DeliveryReceipt,
  ): Omit<MessageReceipt, 'providerMessageId'> {
    if (message.failure) {
      const { status, errorCode, stat } = message.failure;
      return { status, stat, ...(errorCode ? { errorCode } : {}) };
    }
    const statuses = [...message.parts.values()];
    if (statuses.every((s) => s === 'delivered')) return { status: 'delivered', stat: receipt.stat };
    return { status: 'sent', stat: receipt.stat };
  }

  private findSingle(id: string): [string, DeliveryStatus | ''] | undefined {
    for (const candidate of idVariants(id)) {
      const reported = this.singles.get(candidate);
      if (reported !== undefined) return [candidate, reported];
    }
    return undefined;
  }

  private find(id: string): [string, TrackedMessage] | undefined {
    for (const candidate of idVariants(id)) {
      const message = this.byPart.get(candidate);
      if (message) return [candidate, message];
    }
    return undefined;
  }
}

function outcome(receipt: DeliveryReceipt): Omit<MessageReceipt, 'providerMessageId'> {
  return {
    status: receipt.status,
    stat: receipt.stat,
    ...(receipt.errorCode ? { errorCode: receipt.errorCode } : {}),
  };
}

// Some SMSCs answer submit_sm with a hexadecimal id and quote it in decimal in the receipt text
// (or the other way round); trying both forms finds the message either way.
function idVariants(id: string): string[] {
  const variants = [id];
  if (/^\d{1,30}$/.test(id)) variants.push(BigInt(id).toString(16), BigInt(id).toString(16).toUpperCase());
  if (/^[0-9a-f]{1,24}$/i.test(id)) variants.push(BigInt(`0x${id}`).toString(10));
  return variants;
}
