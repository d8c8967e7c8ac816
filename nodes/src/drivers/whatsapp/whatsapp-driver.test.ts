import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OutboundMessage } from '../messaging/messaging-driver.ts';
import { FakeGraphApi } from './testing/fake-graph-api.ts';
import { WhatsAppDriver } from './whatsapp-driver.ts';
import { WhatsAppError } from './whatsapp-error.ts';

const credentials = {
  accessToken: 'EAAtest-token',
  appSecret: 'app-secret',
  phoneNumberId: '106540352242922',
};
const ana = '+5215512345678';

let fake: FakeGraphApi;
let driver: WhatsAppDriver;
let keys = 0;

const message = (fields: Partial<OutboundMessage>): OutboundMessage => ({
  to: ana,
  idempotencyKey: `run-1:node-${++keys}:0`,
  ...fields,
});

async function sendError(promise: Promise<unknown>): Promise<WhatsAppError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof WhatsAppError)) throw new Error(`expected a WhatsAppError, got ${String(error)}`);
  return error;
}

beforeAll(async () => {
  fake = await FakeGraphApi.start({
    ...credentials,
    templates: [{ name: 'appointment_reminder', language: 'es_MX', bodyParameters: 2 }],
  });
  driver = new WhatsAppDriver({
    ...credentials,
    baseUrl: fake.url,
    apiVersion: 'v21.0',
    verifyToken: 'verify-me',
  });
});

afterAll(() => fake.close());

beforeEach(() => {
  fake.calls.length = 0;
  fake.sent.length = 0;
  fake.openWindow(ana);
});

describe('WhatsAppDriver.send', () => {
  it('sends text to /{version}/{phone-number-id}/messages with the bearer token and returns the wamid', async () => {
    const result = await driver.send(message({ text: 'Hola Ana, ¿en qué te ayudo?' }));

    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]).toMatchObject({
      path: '/v21.0/106540352242922/messages',
      authorization: 'Bearer EAAtest-token',
      status: 200,
    });
    expect(fake.sent[0]?.body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: ana,
      type: 'text',
      text: { body: 'Hola Ana, ¿en qué te ayudo?' },
    });
    expect(result).toEqual({ providerMessageId: fake.sent[0]?.id, segments: 1 });
    expect(result.providerMessageId).toMatch(/^wamid\./);
  });

  it('renders up to three buttons as an interactive button message', async () => {
    await driver.send(
      message({
        text: '¿Qué necesitas?',
        buttons: [
          { id: 'billing', title: 'Facturación' },
          { id: 'support', title: 'Soporte técnico' },
          { id: 'agent', title: 'Hablar con alguien' },
        ],
      }),
    );
    expect(fake.sent[0]?.body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: ana,
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: '¿Qué necesitas?' },
        action: {
          buttons: [
            { type: 'reply', reply: { id: 'billing', title: 'Facturación' } },
            { type: 'reply', reply: { id: 'support', title: 'Soporte técnico' } },
            { type: 'reply', reply: { id: 'agent', title: 'Hablar con alguien' } },
          ],
        },
      },
    });
  });

  it('puts an image above the buttons as the interactive header', async () => {
    await driver.send(
      message({
        text: '¿Es este tu pedido?',
        media: { kind: 'image', url: 'https://cdn.example.com/order.png' },
        buttons: [
          { id: 'yes', title: 'Sí' },
          { id: 'no', title: 'No' },
        ],
      }),
    );
    expect(fake.sent[0]?.body).toMatchObject({
      interactive: {
        type: 'button',
        header: { type: 'image', image: { link: 'https://cdn.example.com/order.png' } },
      },
    });
  });

  it('renders a list with sections and rows as an interactive list message', async () => {
    await driver.send(
      message({
        text: 'Elige una sucursal',
        list: {
          button: 'Ver sucursales',
          sections: [
            {
              title: 'CDMX',
              rows: [{ id: 'roma', title: 'Roma Norte', description: 'Lun a sáb, 9 a 19 h' }],
            },
            { title: 'Monterrey', rows: [{ id: 'centro', title: 'Centro' }] },
          ],
        },
      }),
    );
    expect(fake.sent[0]?.body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: ana,
      type: 'interactive',
      interactive: {
        type: 'list',
        body: { text: 'Elige una sucursal' },
        action: {
          button: 'Ver sucursales',
          sections: [
            {
              title: 'CDMX',
              rows: [{ id: 'roma', title: 'Roma Norte', description: 'Lun a sáb, 9 a 19 h' }],
            },
            { title: 'Monterrey', rows: [{ id: 'centro', title: 'Centro' }] },
          ],
        },
      },
    });
  });

  it('renders a template with its body parameters, and may send it outside the 24 h window', async () => {
    const stranger = '+5215599990000';
    await driver.send(
      message({
        to: stranger,
        text: 'ignored on WhatsApp: SMS fallback',
        template: {
          name: 'appointment_reminder',
          language: 'es_MX',
          parameters: ['Ana', 'mañana a las 10:00'],
        },
      }),
    );
    expect(fake.sent[0]?.body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: stranger,
      type: 'template',
      template: {
        name: 'appointment_reminder',
        language: { code: 'es_MX' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'Ana' },
              { type: 'text', text: 'mañana a las 10:00' },
            ],
          },
        ],
      },
    });
  });

  it('sends media by link, with the text as caption', async () => {
    await driver.send(
      message({
        text: 'Tu factura de marzo',
        media: { kind: 'document', url: 'https://cdn.example.com/f-0325.pdf' },
      }),
    );
    await driver.send(message({ media: { kind: 'audio', url: 'https://cdn.example.com/hola.ogg' } }));
    expect(fake.sent.map((s) => s.body)).toEqual([
      {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: ana,
        type: 'document',
        document: { link: 'https://cdn.example.com/f-0325.pdf', caption: 'Tu factura de marzo' },
      },
      {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: ana,
        type: 'audio',
        audio: { link: 'https://cdn.example.com/hola.ogg' },
      },
    ]);
  });

  it('refuses four buttons or a 21-character title before any request', async () => {
    const four = await sendError(
      driver.send(
        message({
          text: 'Elige',
          buttons: ['a', 'b', 'c', 'd'].map((id) => ({ id, title: id.toUpperCase() })),
        }),
      ),
    );
    expect(four).toMatchObject({ code: 'WHATSAPP_MESSAGE_INVALID', retryable: false });
    expect(four.message).toMatch(/4 reply buttons.*at most 3/);

    const long = await sendError(
      driver.send(message({ text: 'Elige', buttons: [{ id: 'x', title: 'Atención personalizada' }] })),
    );
    expect(long).toMatchObject({ code: 'WHATSAPP_MESSAGE_INVALID', retryable: false });
    expect(long.message).toMatch(/22 characters; WhatsApp allows 20/);
    expect(fake.calls).toHaveLength(0);
  });

  it('surfaces Graph error 131047 (not retryable) for free-form text outside the 24 h window', async () => {
    const error = await sendError(driver.send(message({ to: '+5215588887777', text: '¿Sigues ahí?' })));
    expect(error).toMatchObject({ code: '131047', graphCode: 131047, httpStatus: 400, retryable: false });
    expect(error.message).toMatch(/Re-engagement message: .*more than 24 hours/);
    expect(error.fbtraceId).toBeTruthy();
    expect(fake.sent).toHaveLength(0);
  });

  it('returns the first result for a repeated idempotency key without sending again', async () => {
    const first = message({ text: 'Tu cita quedó confirmada' });
    const results = await Promise.all([driver.send(first), driver.send(first)]);
    const again = await driver.send({ ...first, text: 'a retried activity with the same key' });

    expect(fake.sent).toHaveLength(1);
    expect(results[1]).toEqual(results[0]);
    expect(again).toEqual(results[0]);
  });

  it('really retries a key whose send failed, and marks rate limits and 5xx retryable', async () => {
    const retried = message({ text: 'Hola' });
    fake.failNext({
      status: 429,
      code: 130429,
      title: 'Rate limit hit',
      details: 'Cloud API message throughput has been reached.',
    });
    expect(await sendError(driver.send(retried))).toMatchObject({ code: '130429', retryable: true });
    fake.failNext({ status: 500, code: 131000, title: 'Something went wrong' });
    expect(await sendError(driver.send(retried))).toMatchObject({
      code: '131000',
      httpStatus: 500,
      retryable: true,
    });

    const result = await driver.send(retried);
    expect(fake.sent).toHaveLength(1);
    expect(result.providerMessageId).toBe(fake.sent[0]?.id);
  });

  it('reports a wrong token (190) and an unknown phone-number id (100) as not retryable', async () => {
    const badToken = new WhatsAppDriver({
      ...credentials,
      accessToken: 'expired',
      baseUrl: fake.url,
      apiVersion: 'v21.0',
      verifyToken: 'v',
    });
    expect(await sendError(badToken.send(message({ text: 'Hola' })))).toMatchObject({
      code: '190',
      httpStatus: 401,
      retryable: false,
    });
    expect(await sendError(driver.send(message({ from: '999', text: 'Hola' })))).toMatchObject({
      code: '100',
      retryable: false,
    });
  });

  it('is retryable when the Cloud API cannot be reached at all', async () => {
    const offline = new WhatsAppDriver({
      ...credentials,
      baseUrl: 'http://127.0.0.1:9',
      apiVersion: 'v21.0',
      verifyToken: 'v',
    });
    expect(await sendError(offline.send(message({ text: 'Hola' })))).toMatchObject({
      code: 'WHATSAPP_UNREACHABLE',
      retryable: true,
    });
  });

  it('refuses settings it cannot work with', () => {
    expect(() => new WhatsAppDriver({ ...credentials, apiVersion: '21', verifyToken: 'v' })).toThrow(
      expect.objectContaining({ code: 'WHATSAPP_CONFIG_INVALID' }),
    );
  });
});
