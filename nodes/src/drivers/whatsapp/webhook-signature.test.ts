import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeGraphApi } from './testing/fake-graph-api.ts';
import { WebhookReceiver } from './testing/webhook-receiver.ts';
import { signWebhookBody, verifyWebhookSignature } from './webhook-signature.ts';

const appSecret = 'the-app-secret';
let fake: FakeGraphApi;
let receiver: WebhookReceiver;

beforeAll(async () => {
  fake = await FakeGraphApi.start({ accessToken: 't', appSecret, phoneNumberId: '106540352242922' });
  receiver = await WebhookReceiver.start();
});

afterAll(async () => {
  await Promise.all([fake.close(), receiver.close()]);
});

describe('verifyWebhookSignature', () => {
  it('accepts a webhook the fake Graph API signed with the app secret, non-ASCII text included', async () => {
    await fake.userSends(receiver.url, '+5215512345678', { text: '¿Cómo estás? 😀' });
    const request = receiver.last();
    // Meta sends (and signs) non-ASCII characters escaped.
    expect(request.rawBody).toContain('\\u00bfC\\u00f3mo');
    expect(request.headers['x-hub-signature-256']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(request, appSecret)).toBe(true);
  });

  it('rejects a body changed after signing', async () => {
    await fake.userSends(receiver.url, '+5215512345678', { text: 'Quiero 1 boleto' });
    const request = receiver.last();
    const tampered = { ...request, rawBody: request.rawBody.replace('Quiero 1 boleto', 'Quiero 9 boletos') };
    expect(verifyWebhookSignature(tampered, appSecret)).toBe(false);

    await fake.deliverRaw(receiver.url, request.rawBody, 'tampered');
    expect(verifyWebhookSignature(receiver.last(), appSecret)).toBe(false);
  });

  it('rejects a signature made with another secret', async () => {
    await fake.deliverRaw(receiver.url, '{"object":"whatsapp_business_account","entry":[]}', 'wrong-secret');
    const request = receiver.last();
    expect(request.headers['x-hub-signature-256']).toBeDefined();
    expect(verifyWebhookSignature(request, appSecret)).toBe(false);
  });

  it('rejects a webhook without the header, or with a malformed one', async () => {
    const rawBody = '{"object":"whatsapp_business_account","entry":[]}';
    await fake.deliverRaw(receiver.url, rawBody, 'missing');
    expect(receiver.last().headers['x-hub-signature-256']).toBeUndefined();
    expect(verifyWebhookSignature(receiver.last(), appSecret)).toBe(false);

    const good = signWebhookBody(rawBody, appSecret);
    const url = 'http://localhost/webhooks/whatsapp';
    for (const header of [good.replace('sha256=', 'sha1='), good.slice(0, -2), `${good}00`, 'sha256=', '']) {
      expect(
        verifyWebhookSignature({ headers: { 'x-hub-signature-256': header }, rawBody, url }, appSecret),
      ).toBe(false);
    }
    // Header names are case-insensitive, and hex digits too.
    expect(
      verifyWebhookSignature(
        { headers: { 'X-Hub-Signature-256': good.toUpperCase().replace('SHA256', 'sha256') }, rawBody, url },
        appSecret,
      ),
    ).toBe(true);
  });
});
