import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeGraphApi } from './fake-graph-api.ts';

// The fake stands in for Meta in every driver test, so its own refusals are pinned here with
// raw requests the driver would never send.

let now = new Date('2026-03-01T12:00:00Z');
let fake: FakeGraphApi;
const to = '+5215512345678';

beforeAll(async () => {
  fake = await FakeGraphApi.start({
    accessToken: 'token',
    appSecret: 'secret',
    phoneNumberId: '106540352242922',
    templates: [{ name: 'order_update', language: 'es_MX', bodyParameters: 1 }],
    now: () => now,
  });
});

afterAll(() => fake.close());

async function post(body: unknown, options: { token?: string | null; phoneNumberId?: string } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.token !== null) headers.authorization = `Bearer ${options.token ?? 'token'}`;
  const response = await fetch(`${fake.url}/v21.0/${options.phoneNumberId ?? '106540352242922'}/messages`, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      error?: {
        code: number;
        message: string;
        type: string;
        error_data?: { details: string };
        fbtrace_id: string;
      };
    },
  };
}

const message = (content: Record<string, unknown>) => ({
  messaging_product: 'whatsapp',
  recipient_type: 'individual',
  to,
  ...content,
});
const buttons = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ type: 'reply', reply: { id: `b${i}`, title: `B${i}` } }));

describe('the fake Graph API', () => {
  it('answers an accepted send like Meta and records it', async () => {
    fake.openWindow(to);
    const answer = await post(message({ type: 'text', text: { body: 'Hola' } }));
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      messaging_product: 'whatsapp',
      contacts: [{ input: to, wa_id: '5215512345678' }],
      messages: [{ id: expect.stringMatching(/^wamid\./) }],
    });
    expect(fake.sent.at(-1)).toMatchObject({
      waId: '5215512345678',
      body: message({ type: 'text', text: { body: 'Hola' } }),
    });
  });

  it('checks the bearer token and the phone-number id', async () => {
    expect(await post({}, { token: null })).toMatchObject({
      status: 400,
      body: { error: { code: 2500, type: 'OAuthException' } },
    });
    expect(await post({}, { token: 'other' })).toMatchObject({ status: 401, body: { error: { code: 190 } } });
    expect(await post({}, { phoneNumberId: '1' })).toMatchObject({
      status: 400,
      body: { error: { code: 100, error_subcode: 33, type: 'GraphMethodException' } },
    });
  });

  it('refuses malformed payloads with Graph error JSON', async () => {
    fake.openWindow(to);
    const refusals = [
      [{ to, type: 'text', text: { body: 'x' } }, 100],
      [message({ type: 'text', text: {} }), 131008],
      [message({ type: 'sticker_pack' }), 131051],
      [
        message({
          type: 'interactive',
          interactive: { type: 'button', body: { text: 'x' }, action: { buttons: buttons(4) } },
        }),
        131009,
      ],
      [
        message({
          type: 'interactive',
          interactive: {
            type: 'button',
            body: { text: 'x' },
            action: { buttons: [{ type: 'reply', reply: { id: 'a', title: 'x'.repeat(21) } }] },
          },
        }),
        131009,
      ],
      [
        message({
          type: 'interactive',
          interactive: {
            type: 'list',
            body: { text: 'x' },
            action: {
              button: 'Ver',
              sections: [
                { title: 'A', rows: Array.from({ length: 11 }, (_, i) => ({ id: `r${i}`, title: 'R' })) },
              ],
            },
          },
        }),
        131009,
      ],
      [message({ type: 'image', image: { link: 'https://x.example/a.png', id: '1' } }), 131009],
      [message({ type: 'template', template: { name: 'nope', language: { code: 'es_MX' } } }), 132001],
      [
        message({ type: 'template', template: { name: 'order_update', language: { code: 'es_MX' } } }),
        132000,
      ],
    ] as const;
    for (const [body, code] of refusals) {
      const answer = await post(body);
      expect({ status: answer.status, code: answer.body.error?.code }).toEqual({ status: 400, code });
      expect(answer.body.error?.message).toMatch(new RegExp(`^\\(#${code}\\) `));
      expect(answer.body.error?.fbtrace_id).toBeTruthy();
    }
    expect(fake.calls.slice(-refusals.length).every((c) => c.status === 400)).toBe(true);
  });

  it('refuses free-form messages 24 h after the user last wrote (131047), but not templates', async () => {
    const waId = '+5215500001111';
    fake.openWindow(waId, new Date(now.getTime() - 24 * 60 * 60 * 1000 + 1000));
    expect((await post(message({ to: waId, type: 'text', text: { body: 'a tiempo' } }))).status).toBe(200);
    now = new Date(now.getTime() + 1000);
    const late = await post(message({ to: waId, type: 'text', text: { body: 'tarde' } }));
    expect(late).toMatchObject({
      status: 400,
      body: { error: { code: 131047, error_data: { details: expect.stringMatching(/24 hours/) } } },
    });
    const template = message({
      to: waId,
      type: 'template',
      template: {
        name: 'order_update',
        language: { code: 'es_MX' },
        components: [{ type: 'body', parameters: [{ type: 'text', text: 'A-1' }] }],
      },
    });
    expect((await post(template)).status).toBe(200);
  });
});
