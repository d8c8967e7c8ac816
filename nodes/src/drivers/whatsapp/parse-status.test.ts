import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyStatus, type MessageDelivery } from '../messaging/apply-status.ts';
import { FakeGraphApi } from './testing/fake-graph-api.ts';
import { WebhookReceiver } from './testing/webhook-receiver.ts';
import { parseStatus } from './parse-status.ts';
import { WhatsAppDriver } from './whatsapp-driver.ts';

const sentAt = new Date('2026-03-01T15:04:05Z');
const credentials = { accessToken: 't', appSecret: 's', phoneNumberId: '106540352242922' };
const ana = '+5215512345678';
let fake: FakeGraphApi;
let receiver: WebhookReceiver;
let driver: WhatsAppDriver;

beforeAll(async () => {
  fake = await FakeGraphApi.start({ ...credentials, now: () => sentAt });
  receiver = await WebhookReceiver.start();
  driver = new WhatsAppDriver({ ...credentials, baseUrl: fake.url, apiVersion: 'v21.0', verifyToken: 'v' });
  fake.openWindow(ana);
});

afterAll(async () => {
  await Promise.all([fake.close(), receiver.close()]);
});

async function sendOne(key: string): Promise<string> {
  return (await driver.send({ to: ana, text: 'Tu pedido va en camino', idempotencyKey: key }))
    .providerMessageId;
}

describe('parseStatus', () => {
  it('maps a failed status and its first error to errorCode and errorMessage', async () => {
    const id = await sendOne('failed');
    await fake.deliverStatuses(receiver.url, id, [
      {
        status: 'failed',
        error: {
          code: 131026,
          title: 'Message undeliverable',
          details:
            'Unable to deliver message. Reasons can include: the recipient phone number is not a WhatsApp phone number.',
        },
      },
    ]);
    const request = receiver.last();
    expect(driver.verifySignature(request)).toBe(true);
    expect(parseStatus(request)).toEqual([
      {
        providerMessageId: id,
        status: 'failed',
        at: new Date(sentAt.getTime() + 1000),
        errorCode: '131026',
        errorMessage:
          'Message undeliverable: Unable to deliver message. Reasons can include: the recipient phone number is not a WhatsApp phone number.',
      },
    ]);
  });

  it('reads sent, delivered and read with the time each happened (unix seconds)', async () => {
    const id = await sendOne('progress');
    await fake.deliverStatuses(receiver.url, id, ['sent', 'delivered', 'read']);
    const updates = receiver.requests.slice(-3).flatMap((r) => parseStatus(r));
    expect(updates.map((u) => [u.status, u.at.toISOString()])).toEqual([
      ['sent', '2026-03-01T15:04:05.000Z'],
      ['delivered', '2026-03-01T15:04:06.000Z'],
      ['read', '2026-03-01T15:04:07.000Z'],
    ]);
  });

  it('ends at "read" when reports arrive read-first and twice each (fake → parse → applyStatus)', async () => {
    const id = await sendOne('out-of-order');
    const deliveries = await fake.deliverStatuses(receiver.url, id, ['read', 'delivered', 'sent'], {
      duplicate: true,
    });
    expect(deliveries).toHaveLength(6);
    let message: MessageDelivery = { status: 'queued', history: [] };
    for (const request of receiver.requests.slice(-6)) {
      expect(driver.verifySignature(request)).toBe(true);
      for (const update of parseStatus(request)) message = applyStatus(message, update);
    }
    expect(message.status).toBe('read');
    expect(message.history.map((e) => e.status)).toEqual(['sent', 'delivered', 'read']);
  });

  it('leaves out statuses that are not delivery progress', () => {
    const body = {
      object: 'whatsapp_business_account',
      entry: [
        {
          changes: [
            {
              field: 'messages',
              value: {
                metadata: { phone_number_id: '1' },
                statuses: [{ id: 'wamid.x', status: 'deleted', timestamp: '1739321024' }],
              },
            },
          ],
        },
      ],
    };
    expect(parseStatus({ headers: {}, rawBody: JSON.stringify(body), url: 'http://localhost/' })).toEqual([]);
  });
});
