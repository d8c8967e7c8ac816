import { describe, expect, it } from 'vitest';
import type { StatusUpdate } from '../messaging/messaging-driver.ts';
import type { WebChatEvent } from './webchat-events.ts';
import { WebChatDriver } from './webchat-driver.ts';
import { WebChatHub } from './webchat-hub.ts';

const secret = 'a-server-secret-of-some-length';
const session = 'visitor-session-0123456789';
const at = new Date('2026-11-22T10:00:00Z');

function setup() {
  const hub = new WebChatHub();
  const driver = new WebChatDriver({ hub, secret, clock: () => at });
  const tabs: WebChatEvent[][] = [[], []];
  const unsubscribe = tabs.map((events) => hub.subscribe(session, (e) => events.push(e)));
  return { hub, driver, tabs, unsubscribe };
}

describe('the web chat driver', () => {
  it('delivers a message with buttons as chips to every open tab of the session', async () => {
    const { driver, tabs } = setup();
    const sent = await driver.send({
      to: session,
      text: '¿Qué necesitas?',
      buttons: [
        { id: 'sales', title: 'Ventas' },
        { id: 'help', title: 'Soporte' },
      ],
      idempotencyKey: 'run:ask:1',
    });
    const expected: WebChatEvent = {
      type: 'message',
      message: {
        id: sent.providerMessageId,
        from: 'bot',
        text: '¿Qué necesitas?',
        chips: [
          { id: 'sales', title: 'Ventas' },
          { id: 'help', title: 'Soporte' },
        ],
        at: at.toISOString(),
      },
    };
    expect(tabs).toEqual([[expected], [expected]]);
  });

  it('turns list rows into chips and keeps media with its caption', async () => {
    const { driver, tabs } = setup();
    await driver.send({
      to: session,
      list: { button: 'Ver', sections: [{ title: 'A', rows: [{ id: 'r1', title: 'Uno' }] }] },
      media: { kind: 'image', url: 'https://example.test/a.png', caption: 'Mapa' },
      idempotencyKey: 'k2',
    });
    expect(tabs[0]![0]).toMatchObject({
      message: { chips: [{ id: 'r1', title: 'Uno' }], media: { kind: 'image', caption: 'Mapa' } },
    });
  });

  it('sends a retried message once and reports delivery only when a widget was connected', async () => {
    const { driver, tabs, unsubscribe, hub } = setup();
    const statuses: StatusUpdate[] = [];
    driver.onStatus((s) => statuses.push(s));
    const first = await driver.send({ to: session, text: 'Hola', idempotencyKey: 'same' });
    expect(await driver.send({ to: session, text: 'Hola', idempotencyKey: 'same' })).toEqual(first);
    expect(tabs[0]).toHaveLength(1);
    for (const stop of unsubscribe) stop();
    expect(hub.connections(session)).toBe(0);
    const offline = await driver.send({ to: session, text: 'Sigues ahí?', idempotencyKey: 'other' });
    await new Promise((r) => setImmediate(r));
    expect(statuses.map((s) => s.providerMessageId)).toEqual([first.providerMessageId]);
    expect(offline.providerMessageId).not.toBe(first.providerMessageId);
  });

  it('refuses an empty message as permanent', async () => {
    const { driver } = setup();
    await expect(driver.send({ to: session, idempotencyKey: 'e' })).rejects.toMatchObject({
      retryable: false,
    });
  });

  it('verifies the visitor by the session token and reads the message', () => {
    const { driver } = setup();
    const body = JSON.stringify({
      key: 'ws-1',
      sessionId: session,
      clientMessageId: 'msg-000001',
      text: ' hola ',
    });
    const request = (token: string, raw = body) => ({
      headers: { authorization: `Bearer ${token}` },
      rawBody: raw,
      url: 'http://x/api/v1/webchat/messages',
    });
    const token = driver.issueToken('ws-1', session);
    expect(driver.verifySignature(request(token))).toBe(true);
    expect(driver.verifySignature(request(driver.issueToken('ws-2', session)))).toBe(false);
    expect(driver.verifySignature(request(token, '{not json'))).toBe(false);
    expect(driver.verifySignature({ headers: {}, rawBody: body, url: '' })).toBe(false);
    expect(driver.parseInbound(request(token))).toEqual([
      {
        channel: 'webchat',
        from: session,
        to: 'webchat',
        providerMessageId: `webchat.in.${session}.msg-000001`,
        text: 'hola',
        receivedAt: at,
      },
    ]);
  });
});
