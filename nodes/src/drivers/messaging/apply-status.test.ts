import { describe, expect, it } from 'vitest';
import { applyStatus, type MessageDelivery } from './apply-status.ts';
import type { DeliveryStatus, StatusUpdate } from './messaging-driver.ts';

const at = (second: number) => new Date(Date.UTC(2026, 2, 1, 15, 4, second));
const report = (
  status: DeliveryStatus,
  second: number,
  error?: { code: string; message: string },
): StatusUpdate => ({
  providerMessageId: 'wamid.1',
  status,
  at: at(second),
  ...(error ? { errorCode: error.code, errorMessage: error.message } : {}),
});
const apply = (reports: StatusUpdate[], start: MessageDelivery = { status: 'queued', history: [] }) =>
  reports.reduce(applyStatus, start);

describe('applyStatus', () => {
  it('moves forward through sent, delivered and read', () => {
    const result = apply([report('sent', 0), report('delivered', 1), report('read', 2)]);
    expect(result.status).toBe('read');
    expect(result.history).toEqual([
      { status: 'sent', at: '2026-03-01T15:04:00.000Z' },
      { status: 'delivered', at: '2026-03-01T15:04:01.000Z' },
      { status: 'read', at: '2026-03-01T15:04:02.000Z' },
    ]);
  });

  it('records a late "sent" after "read" in order but does not lower the status', () => {
    const read = apply([report('read', 2)]);
    const late = applyStatus(read, report('sent', 0));
    expect(late).toMatchObject({ status: 'read', changed: true, statusChanged: false });
    expect(late.history.map((e) => e.status)).toEqual(['sent', 'read']);
    const delivered = applyStatus(late, report('delivered', 1));
    expect(delivered.status).toBe('read');
    expect(delivered.history.map((e) => e.status)).toEqual(['sent', 'delivered', 'read']);
  });

  it('ignores an exact duplicate (same status, same time) but keeps a repeat at another time', () => {
    const once = apply([report('sent', 0), report('delivered', 1)]);
    const twice = applyStatus(once, report('delivered', 1));
    expect(twice).toMatchObject({ changed: false, statusChanged: false, status: 'delivered' });
    expect(twice.history).toBe(once.history);
    // A history loaded from the database may spell the same instant differently.
    const fromDb = {
      status: once.status,
      history: once.history.map((e) => ({ ...e, at: e.at.replace('.000Z', '+00:00') })),
    };
    expect(applyStatus(fromDb, report('delivered', 1)).changed).toBe(false);
    expect(applyStatus(once, report('delivered', 5)).history).toHaveLength(3);
  });

  it('orders reports with the same second by progress', () => {
    const result = apply([report('delivered', 0), report('sent', 0)]);
    expect(result.history.map((e) => e.status)).toEqual(['sent', 'delivered']);
  });

  it('fails a message that was only sent, with the error, even if "sent" arrives after the failure', () => {
    const failed = apply([
      report('failed', 1, { code: '131026', message: 'Message undeliverable' }),
      report('sent', 0),
    ]);
    expect(failed).toMatchObject({
      status: 'failed',
      errorCode: '131026',
      errorMessage: 'Message undeliverable',
    });
    expect(failed.history.map((e) => e.status)).toEqual(['sent', 'failed']);
  });

  it('keeps "delivered" when a failure report follows it: the phone has the message', () => {
    const result = apply([
      report('sent', 0),
      report('delivered', 1),
      report('failed', 2, { code: '131000', message: 'Something went wrong' }),
    ]);
    expect(result.status).toBe('delivered');
    expect(result).not.toHaveProperty('errorCode');
    expect(result.history.at(-1)).toEqual({
      status: 'failed',
      at: '2026-03-01T15:04:02.000Z',
      errorCode: '131000',
      errorMessage: 'Something went wrong',
    });
    // The same holds when the delivery report is the one that arrives late.
    expect(
      apply([report('failed', 2, { code: '131000', message: 'x' }), report('delivered', 1)]).status,
    ).toBe('delivered');
  });

  it('starts from the row status when the history is empty', () => {
    expect(applyStatus({ status: 'sent', history: [] }, report('queued', 0))).toMatchObject({
      status: 'sent',
      statusChanged: false,
    });
    expect(applyStatus({ status: 'sent', history: [] }, report('delivered', 1))).toMatchObject({
      status: 'delivered',
      statusChanged: true,
    });
  });
});
