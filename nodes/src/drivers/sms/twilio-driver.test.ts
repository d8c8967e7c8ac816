import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { WebhookRequest } from '../messaging/messaging-driver.ts';
import { planSms } from '../messaging/sms-encoding.ts';
import { classifyOptKeyword } from './opt-out.ts';
import { FakeTwilio } from './testing/fake-twilio.ts';
import { TwilioSmsDriver, type TwilioDriverOptions } from './twilio-driver.ts';

const account = { accountSid: 'AC0123456789abcdef0123456789abcdef', authToken: 'tok-3f9a' };
const at = new Date('2026-11-21T10:00:00Z');
const longText =
  '¡Hola, María! Tu cita en la clínica está confirmada para el miércoles 12 a las 10:30 😀. ' +
  'Si no puedes venir, responde con otra fecha y te llamamos 📞.';

let twilio: FakeTwilio;
let hooks: Server;
let hooksUrl: string;
let received: WebhookRequest[] = [];

beforeAll(async () => {
  twilio = await FakeTwilio.start(account);
  // Our side of the webhooks: records each request as the HTTP layer would hand it to a driver.
  hooks = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const headers: Record<string, string | undefined> = {};
      for (const [name, value] of Object.entries(req.headers)) headers[name] = String(value);
      received.push({
        headers,
        rawBody: Buffer.concat(chunks).toString('utf8'),
        url: `${hooksUrl}${req.url}`,
      });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => hooks.listen(0, '127.0.0.1', resolve));
  const address = hooks.address();
  hooksUrl = `http://127.0.0.1:${address && typeof address === 'object' ? address.port : 0}`;
});

afterAll(async () => {
  await twilio.close();
  hooks.closeAllConnections();
  await new Promise((resolve) => hooks.close(resolve));
});

beforeEach(() => {
  received = [];
});

const driver = (options: Partial<TwilioDriverOptions> = {}) =>
  new TwilioSmsDriver({
    ...account,
    baseUrl: twilio.baseUrl,
    from: '+34911000000',
    statusCallbackUrl: `${hooksUrl}/hooks/sms/status?channel=ch_1`,
    now: () => at,
    ...options,
  });

describe('TwilioSmsDriver against a fake Twilio', () => {
  it('creates a Message with To, From, Body and StatusCallback and returns its sid and segments', async () => {
    const result = await driver().send({ to: '+34600111222', text: longText, idempotencyKey: 'tw-1' });

    const message = twilio.messages.find((m) => m.sid === result.providerMessageId);
    expect(message).toMatchObject({
      to: '+34600111222',
      from: '+34911000000',
      body: longText,
      statusCallback: `${hooksUrl}/hooks/sms/status?channel=ch_1`,
    });
    expect(result).toEqual({ providerMessageId: expect.stringMatching(/^SM[0-9a-f]{32}$/), segments: 3 });
    expect(planSms(longText).parts).toHaveLength(3);
  });

  it('sends through a Messaging Service and counts the segments itself while Twilio says 0', async () => {
    const result = await driver({ from: undefined, messagingServiceSid: 'MG123' }).send({
      to: '+34600111222',
      text: longText,
      idempotencyKey: 'tw-mg',
    });
    expect(twilio.messages.find((m) => m.sid === result.providerMessageId)).toMatchObject({
      from: null,
      messagingServiceSid: 'MG123',
      numSegments: 0,
    });
    expect(result.segments).toBe(3);
  });

  it('returns the first result for a repeated idempotencyKey without calling Twilio again', async () => {
    const sms = driver();
    const before = twilio.requests;
    const [a, b] = await Promise.all([
      sms.send({ to: '+34600111222', text: 'Hola', idempotencyKey: 'tw-same' }),
      sms.send({ to: '+34600111222', text: 'Hola', idempotencyKey: 'tw-same' }),
    ]);
    expect(await sms.send({ to: '+34600111222', text: 'Hola', idempotencyKey: 'tw-same' })).toEqual(a);
    expect(b).toEqual(a);
    expect(twilio.requests - before).toBe(1);
  });

  it("turns a 401 into CHANNEL_AUTH_FAILED carrying Twilio's code", async () => {
    await expect(
      driver({ authToken: 'wrong' }).send({ to: '+34600111222', text: 'Hola', idempotencyKey: 'tw-401' }),
    ).rejects.toMatchObject({
      code: 'CHANNEL_AUTH_FAILED',
      retryable: false,
      message: expect.stringContaining('Authenticate (HTTP 401, Twilio error 20003)'),
      details: { httpStatus: 401, twilioCode: 20003, moreInfo: 'https://www.twilio.com/docs/errors/20003' },
    });
  });

  it("turns a 400 into SMS_SEND_REJECTED with Twilio's code and message", async () => {
    await expect(
      driver().send({ to: '600111222', text: 'Hola', idempotencyKey: 'tw-400' }),
    ).rejects.toMatchObject({
      code: 'SMS_SEND_REJECTED',
      retryable: false,
      message: expect.stringContaining(
        "The 'To' number 600111222 is not a valid phone number. (HTTP 400, Twilio error 21211)",
      ),
      details: { httpStatus: 400, twilioCode: 21211 },
    });
  });

  it('reports rate limiting as retryable and sends on the retry with the same key', async () => {
    const sms = driver();
    twilio.failNext(429, 20429, 'Too Many Requests');
    await expect(
      sms.send({ to: '+34600111222', text: 'Hola', idempotencyKey: 'tw-429' }),
    ).rejects.toMatchObject({
      code: 'SMS_THROTTLED',
      retryable: true,
    });
    const retried = await sms.send({ to: '+34600111222', text: 'Hola', idempotencyKey: 'tw-429' });
    expect(twilio.messages.map((m) => m.sid)).toContain(retried.providerMessageId);
  });

  it("verifies and parses the fake's signed status callbacks", async () => {
    const sms = driver();
    const { providerMessageId } = await sms.send({
      to: '+34600111222',
      text: 'Hola',
      idempotencyKey: 'tw-cb',
    });

    expect((await twilio.sendStatusCallback(providerMessageId, 'delivered')).status).toBe(204);
    expect(
      (await twilio.sendStatusCallback(providerMessageId, 'undelivered', { errorCode: '30003' })).status,
    ).toBe(204);

    const [delivered, undelivered] = received;
    expect(sms.verifySignature(delivered!)).toBe(true);
    expect(sms.verifySignature(undelivered!)).toBe(true);
    expect(sms.parseStatus(delivered!)).toEqual([{ providerMessageId, status: 'delivered', at }]);
    expect(sms.parseStatus(undelivered!)).toEqual([
      { providerMessageId, status: 'undelivered', at, errorCode: '30003' },
    ]);
    expect(sms.parseInbound(delivered!)).toEqual([]);
  });

  it('rejects a callback with a tampered body, a wrong token or no signature', async () => {
    const { providerMessageId } = await driver().send({
      to: '+34600111222',
      text: 'Hola',
      idempotencyKey: 'tw-bad',
    });
    await twilio.sendStatusCallback(providerMessageId, 'failed', { errorCode: '30005' });
    const [callback] = received;

    expect(driver().verifySignature(callback!)).toBe(true);
    expect(
      driver().verifySignature({
        ...callback!,
        rawBody: callback!.rawBody.replace('MessageStatus=failed', 'MessageStatus=delivered'),
      }),
    ).toBe(false);
    expect(driver({ authToken: 'another-token' }).verifySignature(callback!)).toBe(false);
    expect(driver().verifySignature({ ...callback!, url: callback!.url.replace('ch_1', 'ch_2') })).toBe(
      false,
    );
    expect(driver().verifySignature({ ...callback!, headers: {} })).toBe(false);
  });

  it('verifies and parses an incoming-message webhook', async () => {
    const sms = driver();
    await twilio.sendIncomingMessage(`${hooksUrl}/hooks/sms/inbound`, {
      from: '+34600111222',
      to: '+34911000000',
      body: 'Baja',
    });
    const [webhook] = received;

    expect(sms.verifySignature(webhook!)).toBe(true);
    const [inbound, ...more] = sms.parseInbound(webhook!);
    expect(more).toEqual([]);
    expect(inbound).toEqual({
      channel: 'sms',
      from: '+34600111222',
      to: '+34911000000',
      providerMessageId: expect.stringMatching(/^SM/),
      text: 'Baja',
      receivedAt: at,
    });
    expect(classifyOptKeyword(inbound!.text)).toBe('opt-out');
    expect(sms.parseStatus(webhook!)).toEqual([]);
  });

  it("maps every MessageStatus of Twilio's lifecycle and ignores the inbound ones", () => {
    const sms = driver();
    const statusOf = (word: string) =>
      sms.parseStatus({ headers: {}, url: hooksUrl, rawBody: `MessageSid=SM1&MessageStatus=${word}` })[0]
        ?.status;
    expect(
      [
        'accepted',
        'scheduled',
        'queued',
        'sending',
        'sent',
        'delivered',
        'read',
        'undelivered',
        'failed',
        'canceled',
      ].map(statusOf),
    ).toEqual([
      'queued',
      'queued',
      'queued',
      'queued',
      'sent',
      'delivered',
      'read',
      'undelivered',
      'failed',
      'failed',
    ]);
    expect(statusOf('receiving')).toBeUndefined();
    expect(statusOf('received')).toBeUndefined();
  });
});
