import { describe, expect, it } from 'vitest';
import { isDeliveryReceipt, parseDeliveryReceipt, type ReceiptFields } from './delivery-receipt.ts';

const none: ReceiptFields = {
  esmClass: 0x04,
  text: undefined,
  receiptedMessageId: undefined,
  messageState: undefined,
  networkErrorCode: undefined,
};
const receiptText = (id: string, stat: string, err = '000') =>
  `id:${id} sub:001 dlvrd:001 submit date:2611212205 done date:2611212206 stat:${stat} err:${err} text:Hola`;

describe('delivery receipts', () => {
  it('tells receipts from messages by esm_class or the receipted_message_id TLV', () => {
    expect(isDeliveryReceipt({ esmClass: 0x04, receiptedMessageId: undefined })).toBe(true);
    expect(isDeliveryReceipt({ esmClass: 0x44, receiptedMessageId: undefined })).toBe(true);
    expect(isDeliveryReceipt({ esmClass: 0x20, receiptedMessageId: undefined })).toBe(true);
    expect(isDeliveryReceipt({ esmClass: 0x00, receiptedMessageId: 'abc' })).toBe(true);
    expect(isDeliveryReceipt({ esmClass: 0x00, receiptedMessageId: undefined })).toBe(false);
    expect(isDeliveryReceipt({ esmClass: 0x40, receiptedMessageId: undefined })).toBe(false);
  });

  it('maps each stat word of the receipt text', () => {
    const cases: [string, string][] = [
      ['DELIVRD', 'delivered'],
      ['UNDELIV', 'undelivered'],
      ['EXPIRED', 'expired'],
      ['REJECTD', 'failed'],
      ['UNKNOWN', 'failed'],
      ['DELETED', 'failed'],
      ['ACCEPTD', 'sent'],
    ];
    for (const [stat, status] of cases) {
      expect(parseDeliveryReceipt({ ...none, text: receiptText('7f3a', stat) }), stat).toMatchObject({
        messageId: '7f3a',
        status,
        stat,
      });
    }
  });

  it('keeps the error code of a failed receipt and drops "err:000"', () => {
    expect(parseDeliveryReceipt({ ...none, text: receiptText('1', 'UNDELIV', '034') })).toEqual({
      messageId: '1',
      status: 'undelivered',
      stat: 'UNDELIV',
      errorCode: '034',
    });
    expect(parseDeliveryReceipt({ ...none, text: receiptText('1', 'DELIVRD') })).not.toHaveProperty(
      'errorCode',
    );
  });

  it('prefers the TLVs, and reads the network error code TLV', () => {
    expect(
      parseDeliveryReceipt({
        ...none,
        text: receiptText('from-text', 'DELIVRD'),
        receiptedMessageId: 'from-tlv',
        messageState: 3,
      }),
    ).toEqual({ messageId: 'from-tlv', status: 'expired', stat: 'EXPIRED' });
    expect(
      parseDeliveryReceipt({
        ...none,
        receiptedMessageId: 'x',
        messageState: 5,
        networkErrorCode: Buffer.from([3, 0x00, 0x22]),
      }),
    ).toEqual({ messageId: 'x', status: 'undelivered', stat: 'UNDELIV', errorCode: '34' });
  });

  it('returns nothing when there is no id or no known state', () => {
    expect(parseDeliveryReceipt({ ...none, text: 'stat:DELIVRD' })).toBeUndefined();
    expect(parseDeliveryReceipt({ ...none, text: 'id:1 stat:WHATEVER' })).toBeUndefined();
  });
});
