import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages, newId, users, workspaces } from '@omniflow/db';
import { FakeTwilio } from '@omniflow/nodes/drivers/sms/testing';
import { hashPassword } from '../src/auth/passwords.ts';
import { listen } from './support/serve-omniflow.ts';
import { eventually, publishFlow, startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

/** Three Twilio numbers, each on an account (or subaccount) of its own with its own auth token. */
const numbers = {
  a1: { number: '+34911000001', accountSid: `AC${'a1'.repeat(16)}`, authToken: 'token-a1' },
  a2: { number: '+34911000002', accountSid: `AC${'a2'.repeat(16)}`, authToken: 'token-a2' },
  b1: { number: '+34911000003', accountSid: `AC${'b1'.repeat(16)}`, authToken: 'token-b1' },
};
type NumberName = keyof typeof numbers;

describe('several Twilio SMS numbers: each webhook checked with its number’s token, in its workspace', () => {
  let omni: TestOmniflow;
  let server: Awaited<ReturnType<typeof listen>>;
  const twilio = {} as Record<NumberName, FakeTwilio>;
  let workspaceA: string;
  let workspaceB: string;
  let keyB: string;
  const settingsOf = (name: NumberName) => ({
    provider: 'twilio',
    config: {
      accountSid: numbers[name].accountSid,
      from: numbers[name].number,
      baseUrl: twilio[name].baseUrl,
    },
    secrets: { authToken: numbers[name].authToken },
  });
  const incoming = (workspaceId: string) => `${server.url}/api/v1/webhooks/twilio/${workspaceId}/sms`;
  const inbound = (workspaceId: string, from: string) =>
    omni.handle.db
      .select()
      .from(messages)
      .where(and(eq(messages.workspaceId, workspaceId), eq(messages.contactAddress, from)));

  beforeAll(async () => {
    for (const name of Object.keys(numbers) as NumberName[])
      twilio[name] = await FakeTwilio.start(numbers[name]);
    omni = await startTestOmniflow();
    server = await listen(omni.app);
    workspaceA = (await omni.handle.db.query.workspaces.findFirst())!.id;
    expect((await omni.call('PUT', '/api/v1/channels/sms', settingsOf('a1'))).status).toBe(200);
    const second = await omni.call('POST', '/api/v1/channels/sms/numbers', {
      name: 'Avisos',
      ...settingsOf('a2'),
    });
    expect(second.status).toBe(201);
    expect(second.body.webhooks.incoming).toBe(`/api/v1/webhooks/twilio/${workspaceA}/sms`);
    await publishFlow(omni, {
      name: 'Respuesta SMS',
      nodes: [
        { id: 'hi', type: 'message.inbound', config: { channel: 'sms' } },
        { id: 'reply', type: 'message.send', config: { channel: 'sms', text: 'Recibido' } },
        { id: 'end', type: 'flow.end', config: {} },
      ],
      edges: [
        { id: 'e1', from: { node: 'hi', port: 'next' }, to: { node: 'reply' } },
        { id: 'e2', from: { node: 'reply', port: 'sent' }, to: { node: 'end' } },
      ],
    });

    workspaceB = newId();
    await omni.handle.db.insert(workspaces).values({ id: workspaceB, name: 'B' });
    const email = `b-${newId()}@b.test`;
    await omni.handle.db.insert(users).values({
      id: newId(),
      workspaceId: workspaceB,
      email,
      passwordHash: await hashPassword('clave b'),
      role: 'admin',
    });
    const login = await omni.app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'clave b' }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    keyB = (
      await omni.call(
        'POST',
        '/api/v1/api-keys',
        { name: 'B', role: 'admin' },
        { cookie, origin: 'http://localhost', authorization: '' },
      )
    ).body.key;
    const saved = await omni.call('PUT', '/api/v1/channels/sms', settingsOf('b1'), {
      authorization: `Bearer ${keyB}`,
    });
    expect(saved.status).toBe(200);
  });
  afterAll(async () => {
    await server?.close();
    await omni?.close();
    for (const fake of Object.values(twilio)) await fake?.close();
  });

  it('takes a message to either of A’s numbers into A, each signed with its own token, and B’s into B', async () => {
    for (const [name, from, workspaceId] of [
      ['a1', '+34600000201', () => workspaceA],
      ['a2', '+34600000202', () => workspaceA],
      ['b1', '+34600000203', () => workspaceB],
    ] as const) {
      const delivery = await twilio[name].sendIncomingMessage(incoming(workspaceId()), {
        from,
        to: numbers[name].number,
        body: `hola ${name}`,
      });
      expect(delivery.status).toBe(200);
      const [message] = await inbound(workspaceId(), from);
      expect(message).toMatchObject({ ourAddress: numbers[name].number });
    }
  });

  it('answers a message to A’s second number from that number, through its own account', async () => {
    const person = '+34600000221';
    const delivery = await twilio.a2.sendIncomingMessage(incoming(workspaceA), {
      from: person,
      to: numbers.a2.number,
      body: 'hola',
    });
    expect(delivery.status).toBe(200);
    const reply = await eventually(async () => twilio.a2.messages.find((m) => m.to === person));
    expect(reply).toMatchObject({ from: numbers.a2.number, body: 'Recibido' });
    expect(twilio.a1.messages.filter((m) => m.to === person)).toEqual([]);
  });

  it('refuses a number’s webhook signed with another number’s token (401), and another workspace’s number on this URL (404)', async () => {
    const forged = await twilio.a1.sendIncomingMessage(incoming(workspaceA), {
      from: '+34600000211',
      to: numbers.a2.number,
      body: 'firmado con otra cuenta',
    });
    expect(forged.status).toBe(401);
    const crossed = await twilio.b1.sendIncomingMessage(incoming(workspaceA), {
      from: '+34600000212',
      to: numbers.b1.number,
      body: 'a la URL de otro',
    });
    expect(crossed.status).toBe(404);
    for (const from of ['+34600000211', '+34600000212']) {
      expect(await inbound(workspaceA, from)).toEqual([]);
      expect(await inbound(workspaceB, from)).toEqual([]);
    }
  });

  it('lets no workspace claim another’s Twilio number (409)', async () => {
    const b = { authorization: `Bearer ${keyB}` };
    const claim = await omni.call('POST', '/api/v1/channels/sms/numbers', settingsOf('a2'), b);
    expect(claim.status).toBe(409);
    const main = await omni.call('PUT', '/api/v1/channels/sms', settingsOf('a1'), b);
    expect(main.status).toBe(409);
    const noFrom = await omni.call(
      'POST',
      '/api/v1/channels/sms/numbers',
      {
        provider: 'twilio',
        config: { accountSid: numbers.b1.accountSid, messagingServiceSid: `MG${'0'.repeat(32)}` },
        secrets: { authToken: 'x' },
      },
      b,
    );
    expect(noFrom.status).toBe(422);
    expect(noFrom.body.error.code).toBe('NUMBER_ADDRESS_MISSING');
  });
});
