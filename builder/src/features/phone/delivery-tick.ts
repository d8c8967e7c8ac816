import type { Message } from '../../api/types.ts';

/** How far an outbound message got, as a phone shows it: ✓ sent, ✓✓ delivered, blue ✓✓ read. */
export type DeliveryTick =
  { kind: 'pending' | 'sent' | 'delivered' | 'read' } | { kind: 'failed'; errorCode: string | null };

/**
 * The tick for a message, or null for what the person sent (inbound messages carry no ticks).
 * Failed, undelivered and expired are all a red failure; the code is the message's, or else the
 * newest one its status history recorded.
 */
export function deliveryTick(
  message: Pick<Message, 'direction' | 'status' | 'errorCode' | 'statusHistory'>,
): DeliveryTick | null {
  if (message.direction === 'inbound') return null;
  switch (message.status) {
    case 'queued':
      return { kind: 'pending' };
    case 'sent':
    case 'delivered':
    case 'read':
      return { kind: message.status };
    case 'failed':
    case 'undelivered':
    case 'expired':
    case 'bounced': {
      const fromHistory = message.statusHistory.findLast((h) => h.errorCode)?.errorCode;
      return { kind: 'failed', errorCode: message.errorCode ?? fromHistory ?? null };
    }
    case 'received':
      return null;
  }
}
