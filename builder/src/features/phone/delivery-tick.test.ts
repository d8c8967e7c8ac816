import { describe, expect, it } from 'vitest';
import { deliveryTick } from './delivery-tick.ts';
import { testMessage } from './test-messages.ts';

describe('deliveryTick', () => {
  it('shows how far an outbound message got', () => {
    expect(deliveryTick(testMessage({ status: 'queued' }))).toEqual({ kind: 'pending' });
    expect(deliveryTick(testMessage({ status: 'sent' }))).toEqual({ kind: 'sent' });
    expect(deliveryTick(testMessage({ status: 'delivered' }))).toEqual({ kind: 'delivered' });
    expect(deliveryTick(testMessage({ status: 'read' }))).toEqual({ kind: 'read' });
  });

  it('puts no ticks on what the person sent', () => {
    expect(deliveryTick(testMessage({ direction: 'inbound', status: 'received' }))).toBeNull();
  });

  it('reports failed, undelivered and expired as a failure with the error code', () => {
    expect(deliveryTick(testMessage({ status: 'failed', errorCode: '131047' }))).toEqual({
      kind: 'failed',
      errorCode: '131047',
    });
    const history = [
      { status: 'sent' as const, at: '2026-03-02T10:00:00Z' },
      { status: 'undelivered' as const, at: '2026-03-02T10:00:05Z', errorCode: '30003' },
    ];
    expect(deliveryTick(testMessage({ status: 'undelivered', statusHistory: history }))).toEqual({
      kind: 'failed',
      errorCode: '30003',
    });
    expect(deliveryTick(testMessage({ status: 'expired' }))).toEqual({ kind: 'failed', errorCode: null });
  });
});
