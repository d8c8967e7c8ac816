import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeGraphApi } from './testing/fake-graph-api.ts';
import { WebhookReceiver } from './testing/webhook-receiver.ts';
import { parseInbound } from './parse-inbound.ts';

const now = new Date('2026-03-01T15:04:05Z');
const phoneNumberId = '106540352242922';
const ana = '+5215512345678';
let fake: FakeGraphApi;
let receiver: WebhookReceiver;

beforeAll(async () => {
  fake = await FakeGraphApi.start({ accessToken: 't', appSecret: 's', phoneNumberId, now: () => now });
  receiver = await WebhookReceiver.start();
});

afterAll(async () => {
  await Promise.all([fake.close(), receiver.close()]);
});

const url = 'http://localhost/webhooks/whatsapp';
const raw = (body: unknown) => ({ headers: {}, rawBody: JSON.stringify(body), url });

describe('parseInbound', () => {
  it('reads a text message: sender in E.164, our phone-number id, the time it was sent', async () => {
    const { id } = await fake.userSends(receiver.url, ana, { text: 'Hola, ¿tienen envío a Puebla?' });
    expect(parseInbound(receiver.last())).toEqual([
      {
        channel: 'whatsapp',
        from: ana,
        to: phoneNumberId,
        providerMessageId: id,
        text: 'Hola, ¿tienen envío a Puebla?',
        receivedAt: now,
      },
    ]);
  });

  it('reads a reply-button tap as the button id and its title', async () => {
    await fake.userSends(receiver.url, ana, { buttonReply: { id: 'billing', title: 'Facturación' } });
    expect(parseInbound(receiver.last())).toMatchObject([
      { from: ana, choiceId: 'billing', text: 'Facturación' },
    ]);
  });

  it('reads a list-row choice as the row id and its title', async () => {
    await fake.userSends(receiver.url, ana, {
      listReply: { id: 'roma', title: 'Roma Norte', description: 'Lun a sáb' },
    });
    expect(parseInbound(receiver.last())).toMatchObject([{ choiceId: 'roma', text: 'Roma Norte' }]);
  });

  it('reads an image as its media id and caption', async () => {
    await fake.userSends(receiver.url, ana, { image: { id: '2754859441498128', caption: 'Mi ticket' } });
    const [message] = parseInbound(receiver.last());
    expect(message?.media).toEqual({ kind: 'image', id: '2754859441498128', caption: 'Mi ticket' });
    expect(message?.text).toBeUndefined();
  });

  it("reads a template quick-reply tap as the button's payload and text", () => {
    const body = webhook({
      from: '16505551234',
      id: 'wamid.q',
      timestamp: '1739321024',
      type: 'button',
      button: { payload: 'CONFIRM', text: 'Confirmar' },
    });
    expect(parseInbound(raw(body))).toMatchObject([
      { from: '+16505551234', choiceId: 'CONFIRM', text: 'Confirmar', receivedAt: new Date(1739321024_000) },
    ]);
  });

  it('keeps a location without text, and leaves out reactions', () => {
    const body = webhook(
      {
        from: '16505551234',
        id: 'wamid.l',
        timestamp: '1739321024',
        type: 'location',
        location: { latitude: 19.4, longitude: -99.1 },
      },
      {
        from: '16505551234',
        id: 'wamid.r',
        timestamp: '1739321025',
        type: 'reaction',
        reaction: { message_id: 'wamid.x', emoji: '👍' },
      },
    );
    const messages = parseInbound(raw(body));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ providerMessageId: 'wamid.l' });
    expect(messages[0]?.text).toBeUndefined();
  });

  it('finds no messages in a status webhook or in another product’s webhook', async () => {
    await fake.deliverStatuses(receiver.url, 'wamid.any', ['delivered']);
    expect(parseInbound(receiver.last())).toEqual([]);
    expect(parseInbound(raw({ object: 'page', entry: [] }))).toEqual([]);
  });

  it('throws WHATSAPP_WEBHOOK_INVALID for a body that is not JSON or not the published shape', () => {
    expect(() => parseInbound({ headers: {}, rawBody: '<xml/>', url })).toThrow(
      expect.objectContaining({ code: 'WHATSAPP_WEBHOOK_INVALID' }),
    );
    const noTimestamp = webhook({ from: '16505551234', id: 'wamid.t', type: 'text', text: { body: 'hola' } });
    expect(() => parseInbound(raw(noTimestamp))).toThrow(
      expect.objectContaining({ code: 'WHATSAPP_WEBHOOK_INVALID', retryable: false }),
    );
  });
});

function webhook(...messages: Record<string, unknown>[]) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550783881', phone_number_id: phoneNumberId },
              contacts: [{ profile: { name: 'Kerry' }, wa_id: '16505551234' }],
              messages,
            },
          },
        ],
      },
    ],
  };
}
