import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';
import { buildWidget, webChatChannels } from './support/webchat.ts';
import { messages, newId } from '@omniflow/db';
import { startWebChatRelay } from '../src/messaging/webchat-relay.ts';

describe('web chat API: sessions, messages and refusals', () => {
  let omni: TestOmniflow;
  let key: string;
  const channels = webChatChannels();

  beforeAll(async () => {
    omni = await startTestOmniflow({
      worker: false,
      channels,
      appDeps: { widgetFile: buildWidget() },
    });
    key = (await omni.handle.db.query.workspaces.findFirst())!.id;
  });
  afterAll(async () => omni?.close());

  // Visitors have no API key: every call here goes without one.
  const visitor = async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const response = await omni.app.request(`/api/v1/webchat${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  };
  const newSession = async () => (await visitor('POST', '/sessions', { key })).body;
  const message = (session: { sessionId: string; token: string }, extra: object, token = session.token) =>
    visitor(
      'POST',
      '/messages',
      { key, sessionId: session.sessionId, clientMessageId: randomUUID(), ...extra },
      { authorization: `Bearer ${token}` },
    );

  it('starts a session with an unguessable id and a token, and resumes it with its history', async () => {
    const session = await newSession();
    expect(session).toMatchObject({ resumed: false, messages: [] });
    expect(session.sessionId).toMatch(/^[0-9a-f]{32}$/);
    await message(session, { text: 'hola' });
    const resumed = await visitor('POST', '/sessions', {
      key,
      sessionId: session.sessionId,
      token: session.token,
    });
    expect(resumed.status).toBe(200);
    expect(resumed.body).toMatchObject({ sessionId: session.sessionId, resumed: true });
    expect(resumed.body.messages).toMatchObject([{ from: 'visitor', text: 'hola' }]);
  });

  it('answers 404 for a widget key no workspace has', async () => {
    for (const unknown of [randomUUID(), 'not-a-key']) {
      const response = await visitor('POST', '/sessions', { key: unknown });
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('WIDGET_NOT_FOUND');
    }
    const events = await visitor(
      'GET',
      `/events?key=${randomUUID()}&sessionId=${'x'.repeat(24)}&token=wc1.x`,
    );
    expect(events.status).toBe(404);
  });

  it('answers 401 for a token that is not the session’s, on every endpoint', async () => {
    const mine = await newSession();
    const theirs = await newSession();
    const resume = await visitor('POST', '/sessions', {
      key,
      sessionId: mine.sessionId,
      token: theirs.token,
    });
    expect(resume.status).toBe(401);
    expect(resume.body.error.code).toBe('SESSION_TOKEN_INVALID');
    expect((await message(mine, { text: 'hola' }, theirs.token)).status).toBe(401);
    expect((await message(mine, { text: 'hola' }, '')).status).toBe(401);
    const query = new URLSearchParams({ key, sessionId: mine.sessionId, token: theirs.token });
    expect((await visitor('GET', `/events?${query}`)).status).toBe(401);
    expect((await visitor('GET', `/socket?${query}`)).status).toBe(401);
  });

  it('answers 400 naming the field for malformed requests', async () => {
    const session = await newSession();
    const empty = await message(session, { text: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toMatch(/text or a choiceId/);
    const badId = await message(session, { text: 'hola', clientMessageId: 'a b' });
    expect(badId.status).toBe(400);
    expect(badId.body.error.message).toMatch(/clientMessageId/);
    const half = await visitor('POST', '/sessions', { key, sessionId: session.sessionId });
    expect(half.status).toBe(400);
    expect(half.body.error.message).toMatch(/together/);
    expect((await visitor('POST', '/sessions', '{nope')).body.error.code).toBe('INVALID_JSON');
    const noToken = await visitor('GET', `/events?key=${key}&sessionId=${session.sessionId}`);
    expect(noToken.status).toBe(400);
    expect(noToken.body.error.message).toMatch(/token/);
  });

  it('records a resent message once (same clientMessageId) and says when no flow takes it', async () => {
    const session = await newSession();
    const body = { text: 'hola', clientMessageId: 'resend-0001' };
    const first = await message(session, body);
    expect(first).toMatchObject({ status: 202, body: { outcome: 'unrouted' } });
    expect((await message(session, body)).body.outcome).toBe('duplicate');
    const history = await visitor('POST', '/sessions', { key, ...session });
    expect(history.body.messages).toHaveLength(1);
  });

  it('lets any site call it (CORS) and serves the widget script', async () => {
    const preflight = await omni.app.request('/api/v1/webchat/messages', {
      method: 'OPTIONS',
      headers: {
        origin: 'https://shop.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,authorization',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    const refused = await omni.app.request('/api/v1/webchat/sessions', {
      method: 'POST',
      headers: { origin: 'https://shop.example', 'content-type': 'application/json' },
      body: JSON.stringify({ key: randomUUID() }),
    });
    expect(refused.status).toBe(404);
    expect(refused.headers.get('access-control-allow-origin')).toBe('*');
    const script = await omni.app.request('/webchat.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(await script.text()).toContain('omniflow-webchat');
  });

  it('gives a signed-in designer the embed code with the widget key', async () => {
    const embed = await omni.call('GET', '/api/v1/workspace/webchat-embed', undefined, {
      host: 'flows.example',
    });
    expect(embed.status).toBe(200);
    expect(embed.body.key).toBe(key);
    expect(embed.body.embedCode).toContain(`src="http://flows.example/webchat.js" data-key="${key}"`);
    const anonymous = await omni.app.request('/api/v1/workspace/webchat-embed');
    expect(anonymous.status).toBe(401);
  });

  it('streams the history, then replies a worker in another process recorded (the relay)', async () => {
    const session = await newSession();
    await message(session, { text: 'hola' });
    const stopRelay = startWebChatRelay({ db: omni.handle.db, hub: channels.webchat.hub, everyMs: 100 });
    const query = new URLSearchParams({ key, sessionId: session.sessionId, token: session.token });
    const response = await omni.app.request(`/api/v1/webchat/events?${query}`);
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let received = '';
    const until = async (text: string) => {
      while (!received.includes(text)) received += (await reader.read()).value ?? '';
    };
    try {
      await until('"type":"history"');
      expect(received).toContain('"text":"hola"');
      // What a separate worker's send leaves behind: the row, with the provider id, and no hub call here.
      await omni.handle.db.insert(messages).values({
        id: newId(),
        workspaceId: key,
        channel: 'webchat',
        direction: 'outbound',
        contactAddress: session.sessionId,
        providerMessageId: 'webchat.from-another-process',
        body: { to: session.sessionId, text: 'Hola desde otro proceso', idempotencyKey: 'k' },
        status: 'sent',
      });
      await until('Hola desde otro proceso');
      expect(received).toContain('"id":"webchat.from-another-process"');
    } finally {
      stopRelay();
      await reader.cancel();
    }
  });
});
