import { describe, expect, it } from 'vitest';
import { ReceiptTracker } from './receipt-tracker.ts';

describe('ReceiptTracker', () => {
  it('reports a multipart message delivered only when every part is', () => {
    const tracker = new ReceiptTracker(100);
    tracker.track('p1', ['p1', 'p2', 'p3']);
    expect(tracker.apply({ messageId: 'p2', status: 'delivered', stat: 'DELIVRD' })).toEqual({
      providerMessageId: 'p1',
      status: 'sent',
      stat: 'DELIVRD',
    });
    expect(tracker.apply({ messageId: 'p1', status: 'delivered', stat: 'DELIVRD' })).toBeUndefined();
    expect(tracker.apply({ messageId: 'p3', status: 'delivered', stat: 'DELIVRD' })).toEqual({
      providerMessageId: 'p1',
      status: 'delivered',
      stat: 'DELIVRD',
    });
  });

  it('fails the message on the first failed part and keeps that failure', () => {
    const tracker = new ReceiptTracker(100);
    tracker.track('a', ['a', 'b']);
    expect(
      tracker.apply({ messageId: 'b', status: 'undelivered', stat: 'UNDELIV', errorCode: '034' }),
    ).toEqual({
      providerMessageId: 'a',
      status: 'undelivered',
      stat: 'UNDELIV',
      errorCode: '034',
    });
    expect(tracker.apply({ messageId: 'a', status: 'delivered', stat: 'DELIVRD' })).toBeUndefined();
    expect(tracker.apply({ messageId: 'a', status: 'expired', stat: 'EXPIRED' })).toBeUndefined();
  });

  it('finds a part quoted in decimal when the SMSC gave its id in hexadecimal', () => {
    const tracker = new ReceiptTracker(100);
    tracker.track('1f', ['1f']);
    expect(tracker.apply({ messageId: '31', status: 'delivered', stat: 'DELIVRD' })).toMatchObject({
      providerMessageId: '1f',
      status: 'delivered',
    });
  });

  it('passes on receipts for ids it never tracked', () => {
    const tracker = new ReceiptTracker(100);
    expect(tracker.apply({ messageId: 'zz-9', status: 'expired', stat: 'EXPIRED' })).toEqual({
      providerMessageId: 'zz-9',
      status: 'expired',
      stat: 'EXPIRED',
    });
  });
  it('reports a one-part message once per change and keeps its failure', () => {
    const tracker = new ReceiptTracker(100);
    tracker.track('m1', ['m1']);
    expect(tracker.apply({ messageId: 'm1', status: 'sent', stat: 'ENROUTE' })).toEqual({
      providerMessageId: 'm1',
      status: 'sent',
      stat: 'ENROUTE',
    });
    expect(tracker.apply({ messageId: 'm1', status: 'sent', stat: 'ENROUTE' })).toBeUndefined();
    expect(tracker.apply({ messageId: 'm1', status: 'failed', stat: 'REJECTD', errorCode: '011' })).toEqual({
      providerMessageId: 'm1',
      status: 'failed',
      stat: 'REJECTD',
      errorCode: '011',
    });
    expect(tracker.apply({ messageId: 'm1', status: 'delivered', stat: 'DELIVRD' })).toBeUndefined();
  });

  it('forgets the oldest one-part messages beyond its limit, passing their receipts on as they come', () => {
    const tracker = new ReceiptTracker(2);
    for (const id of ['1f', '20', '21']) tracker.track(id, [id]);
    // '1f' (decimal 31) is forgotten: its receipt goes on under the id the SMSC quoted.
    expect(tracker.apply({ messageId: '31', status: 'delivered', stat: 'DELIVRD' })).toMatchObject({
      providerMessageId: '31',
    });
    expect(tracker.apply({ messageId: '33', status: 'delivered', stat: 'DELIVRD' })).toMatchObject({
      providerMessageId: '21',
    });
  });
});
