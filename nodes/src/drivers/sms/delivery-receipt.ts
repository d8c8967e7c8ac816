import type { DeliveryStatus } from '../messaging/messaging-driver.ts';

// SMPP 3.4 §5.2.12: bits 5–2 of esm_class give a deliver_sm's message type; 0001 is an SMSC
// delivery receipt and 1000 an intermediate delivery notification.
const MESSAGE_TYPE_MASK = 0x3c;
const SMSC_DELIVERY_RECEIPT = 0x04;
const INTERMEDIATE_NOTIFICATION = 0x20;

/** What a deliver_sm carries that can make it a receipt. */
export interface ReceiptFields {
  esmClass: number | undefined;
  text: string | undefined;
  receiptedMessageId: string | undefined;
  messageState: number | undefined;
  networkErrorCode: Buffer | undefined;
}

export interface DeliveryReceipt {
  /** The message_id the SMSC gave in its submit_sm_resp. */
  messageId: string;
  status: DeliveryStatus;
  /** The SMSC's stat word (DELIVRD, UNDELIV…) or message_state name. */
  stat: string;
  errorCode?: string;
}

/** True when a deliver_sm reports on a message we sent rather than bringing one in. */
export function isDeliveryReceipt(fields: Pick<ReceiptFields, 'esmClass' | 'receiptedMessageId'>): boolean {
  const type = (fields.esmClass ?? 0) & MESSAGE_TYPE_MASK;
  return type === SMSC_DELIVERY_RECEIPT || type === INTERMEDIATE_NOTIFICATION || !!fields.receiptedMessageId;
}

// SMPP 3.4 Appendix B gives the stat words; ENROUTE and ACCEPTD are not final.
const statWords: Record<string, DeliveryStatus> = {
  DELIVRD: 'delivered',
  UNDELIV: 'undelivered',
  EXPIRED: 'expired',
  REJECTD: 'failed',
  UNKNOWN: 'failed',
  DELETED: 'failed',
  ACCEPTD: 'sent',
  ENROUTE: 'sent',
};

// SMPP 3.4 §5.2.28 message_state values.
const messageStates: Record<number, [string, DeliveryStatus]> = {
  1: ['ENROUTE', 'sent'],
  2: ['DELIVRD', 'delivered'],
  3: ['EXPIRED', 'expired'],
  4: ['DELETED', 'failed'],
  5: ['UNDELIV', 'undelivered'],
  6: ['ACCEPTD', 'sent'],
  7: ['UNKNOWN', 'failed'],
  8: ['REJECTD', 'failed'],
};

/**
 * Reads a delivery receipt. The TLVs (receipted_message_id, message_state) are structured and win
 * when present; the Appendix B text (`id:… stat:… err:…`) is what SMPP 3.4 SMSCs commonly send.
 */
export function parseDeliveryReceipt(fields: ReceiptFields): DeliveryReceipt | undefined {
  const text = fields.text ?? '';
  const textId = /\bid:(\S+)/i.exec(text)?.[1];
  const textStat = /\bstat:(\w+)/i.exec(text)?.[1]?.toUpperCase();
  const textErr = /\berr:(\w+)/i.exec(text)?.[1];

  const messageId = fields.receiptedMessageId || textId;
  const fromState = fields.messageState === undefined ? undefined : messageStates[fields.messageState];
  const fromText = textStat === undefined ? undefined : statWords[textStat];
  const stat = fromState?.[0] ?? (fromText ? textStat : undefined);
  const status = fromState?.[1] ?? fromText;
  if (!messageId || !status || !stat) return undefined;

  const errorCode = meaningfulError(textErr) ?? networkError(fields.networkErrorCode);
  return { messageId, status, stat, ...(errorCode ? { errorCode } : {}) };
}

// "err:000" on a delivered message means "no error", not error zero.
function meaningfulError(code: string | undefined): string | undefined {
  return code && !/^0+$/.test(code) ? code : undefined;
}

// SMPP 3.4 §5.3.2.31: one octet of network type, two of error code.
function networkError(tlv: Buffer | undefined): string | undefined {
  if (!tlv || tlv.length < 3) return undefined;
  const code = tlv.readUInt16BE(1);
  return code ? String(code) : undefined;
}
