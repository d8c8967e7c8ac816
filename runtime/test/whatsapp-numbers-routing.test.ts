import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contacts, messages, newId, runs } from '@omniflow/db';
import { FakeGraphApi } from '@omniflow/nodes/drivers/whatsapp/testing';
import { listen } from './support/serve-omniflow.ts';
import { eventually, publishFlow, startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

/** A flow each workspace answers its WhatsApp with: one run per person who writes, one reply. */
const greeter = (name: string) => ({
  name,
  nodes: [
    { id: 'hi', type: 'message.inbound', config: { channel: 'whatsapp' } },
    { id: 'reply', type: 'message.send', config: { channel: 'whatsapp', text: `Hola desde ${name}` } },
    { id: 'end', type: 'flow.end', config: {} },
  ],
  edges: [
    { id: 'e1', from: { node: 'hi', port: 'next' }, to: { node: 'reply' } },
    { id: 'e2', from: { node: 'reply', port: 'sent' }, to: { node: 'end' } },
  ],
});

/** One WhatsApp Business number: its phone number id and the Meta app secret its webhooks are signed with. */
const numbers = {
  a1: { phoneNumberId: '100000000000001', appSecret: 'secret-a1', displayPhoneNumber: '34910000001' },
  a2: { phoneNumberId: '100000000000002', appSecret: 'secret-a2', displayPhoneNumber: '34910000002' },
  b1: { phoneNumberId: '100000000000003', appSecret: 'secret-b1', displayPhoneNumber: '34910000003' },
};
type NumberName = keyof typeof numbers;

const settingsOf = (name: NumberName, graphUrl: string) => ({
  provider: 'whatsapp-cloud',
  config: { phoneNumberId: numbers[name].phoneNumberId, baseUrl: graphUrl },
  secrets: {
    accessToken: `token-${name}`,
    appSecret: numbers[name].appSecret,
    verifyToken: `verify-${name}`,
  },
});

describe('several WhatsApp numbers in several workspaces, each webhook to its own', () => {
  let omni: TestOmniflow;
  let server: Awaited<ReturnType<typeof listen>>;
  let webhook: string;
  const graphs = {} as Record<NumberName, FakeGraphApi>;
  let workspaceA: string;
  let workspaceB: string;
  let keyB: string;
  const origin = 'http://localhost';

  beforeAll(async () => {
    for (const name of Object.keys(numbers) as NumberName[])
      graphs[name] = await FakeGraphApi.start({ ...numbers[name], accessToken: `token-${name}` });
    omni = await startTestOmniflow({
      db: 'postgres',
      env: { OMNIFLOW_SECRET_KEY: randomBytes(32).toString('base64') },
    });
    server = await listen(omni.app);
    webhook = `${server.url}/api/v1/webhooks/whatsapp`;
    workspaceA = (await omni.handle.db.query.workspaces.findFirst())!.id;

    // Workspace A: its channel's own number, and a second one.
    expect(
      (await omni.call('PUT', '/api/v1/channels/whatsapp', settingsOf('a1', graphs.a1.url))).status,
    ).toBe(200);
    const second = await omni.call('POST', '/api/v1/channels/whatsapp/numbers', {
      name: 'Citas',
      ...settingsOf('a2', graphs.a2.url),
    });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({
      address: numbers.a2.phoneNumberId,
      name: 'Citas',
      secretsSet: expect.any(Array),
    });
    expect(JSON.stringify(second.body)).not.toContain('secret-a2');
    await publishFlow(omni, greeter('Saludo A'));

    // Workspace B, made by A's admin, who then makes a key there.
    const login = await omni.app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(omni.admin),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const asAdmin = { cookie, origin, authorization: '' };
    const made = await omni.call('POST', '/api/v1/workspaces', { name: 'B' }, asAdmin);
    workspaceB = made.body.id;
    await omni.call('POST', `/api/v1/workspaces/${workspaceB}/switch`, undefined, asAdmin);
    keyB = (await omni.call('POST', '/api/v1/api-keys', { name: 'B', role: 'admin' }, asAdmin)).body.key;
    const b = { authorization: `Bearer ${keyB}` };
    expect(
      (await omni.call('PUT', '/api/v1/channels/whatsapp', settingsOf('b1', graphs.b1.url), b)).status,
    ).toBe(200);
    const flowB = await omni.call('POST', '/api/v1/flows', greeter('Saludo B'), b);
    expect((await omni.call('POST', `/api/v1/flows/${flowB.body.id}/publish`, {}, b)).status).toBe(201);
  });
  afterAll(async () => {
    await server?.close();
    await omni?.close();
    for (const graph of Object.values(graphs)) await graph?.close();
  });

  const inbound = (workspaceId: string, from: string) =>
    omni.handle.db
      .select()
      .from(messages)
      .where(and(eq(messages.workspaceId, workspaceId), eq(messages.contactAddress, from)));

  it('takes each number’s signed messages into its own workspace, its own number and its own conversation', async () => {
    const people: [NumberName, string, string][] = [
      ['a1', '+34600000101', workspaceA],
      ['a2', '+34600000102', workspaceA],
      ['b1', '+34600000103', workspaceB],
    ];
    for (const [name, phone] of people) {
      const delivery = await graphs[name].userSends(webhook, phone, { text: `hola ${name}` });
      expect(delivery.status).toBe(200);
    }
    for (const [name, phone, workspaceId] of people) {
      const from = phone;
      const [message] = await inbound(workspaceId, from);
      expect(message).toMatchObject({
        ourAddress: numbers[name].phoneNumberId,
        body: expect.objectContaining({ text: `hola ${name}` }),
      });
      const other = workspaceId === workspaceA ? workspaceB : workspaceA;
      expect(await inbound(other, from)).toEqual([]);
      // That workspace's flow took them into a conversation of their own; the other's did not.
      const conversation = await eventually(async () => {
        const [row] = await omni.handle.db
          .select({ workspaceId: runs.workspaceId })
          .from(runs)
          .where(eq(runs.contact, phone));
        return row;
      });
      expect(conversation.workspaceId).toBe(workspaceId);
      const [contact] = await omni.handle.db
        .select({ workspaceId: contacts.workspaceId })
        .from(contacts)
        .where(eq(contacts.id, message!.contactId!));
      expect(contact!.workspaceId).toBe(workspaceId);
    }
    const runsOf = async (workspaceId: string) =>
      (await omni.handle.db.select().from(runs).where(eq(runs.workspaceId, workspaceId))).length;
    await eventually(async () => ((await runsOf(workspaceA)) === 2 ? true : undefined));
    await eventually(async () => ((await runsOf(workspaceB)) === 1 ? true : undefined));
  });

  it('answers each person from the number they wrote to: a message to A’s second number is answered from it', async () => {
    const repliesTo = (name: NumberName, waId: string) => graphs[name].sent.filter((s) => s.waId === waId);
    // Each fake Graph API takes sends only for its own phone number id, with its own token.
    for (const [name, waId] of [
      ['a1', '34600000101'],
      ['a2', '34600000102'],
      ['b1', '34600000103'],
    ] as const) {
      const [reply] = await eventually(async () => {
        const found = repliesTo(name, waId);
        return found.length > 0 ? found : undefined;
      });
      expect(JSON.stringify(reply!.body)).toContain('Hola desde');
    }
    expect(repliesTo('a1', '34600000102')).toEqual([]);
    expect(repliesTo('a2', '34600000101')).toEqual([]);
    const [row] = await omni.handle.db
      .select({ ourAddress: messages.ourAddress })
      .from(messages)
      .where(and(eq(messages.contactAddress, '+34600000102'), eq(messages.direction, 'outbound')));
    expect(row!.ourAddress).toBe(numbers.a2.phoneNumberId);
    // The same person then writes to A's own number straight away, maybe while the first run is
    // still ending (it then hands the message to the conversation's next run): the reply follows them there.
    expect((await graphs.a1.userSends(webhook, '+34600000102', { text: 'otra vez' })).status).toBe(200);
    await eventually(async () => (repliesTo('a1', '34600000102').length > 0 ? true : undefined));
  });

  it('checks each number with its own secret: a body signed with another number’s secret is refused', async () => {
    // b1's notification signed with a1's app secret: as if A's app tried to speak for B's number.
    const forged = await FakeGraphApi.start({
      ...numbers.b1,
      appSecret: numbers.a1.appSecret,
      accessToken: 'x',
    });
    try {
      const delivery = await forged.userSends(webhook, '+34600000199', { text: 'suplantado' });
      expect(delivery.status).toBe(401);
      expect(await inbound(workspaceB, '+34600000199')).toEqual([]);
      expect(await inbound(workspaceA, '+34600000199')).toEqual([]);
    } finally {
      await forged.close();
    }
    const tampered = await graphs.a2.deliverRaw(webhook, '{"entry":[]}', 'wrong-secret');
    expect(tampered.status).toBe(401);
  });

  it('lets a number’s delivery reports change only its own workspace’s messages', async () => {
    const [theirs] = await omni.handle.db
      .insert(messages)
      .values({
        id: newId(),
        workspaceId: workspaceA,
        channel: 'whatsapp',
        direction: 'outbound',
        contactAddress: '+34600000301',
        providerMessageId: 'wamid.de-A',
        body: { text: 'cita' },
        status: 'sent',
      })
      .returning();
    // B's own number, signed with B's own secret, reporting on A's message: Meta's wire format.
    const report = (business: (typeof numbers)[NumberName]) =>
      JSON.stringify({
        object: 'whatsapp_business_account',
        entry: [
          {
            id: '102290129340398',
            changes: [
              {
                field: 'messages',
                value: {
                  messaging_product: 'whatsapp',
                  metadata: {
                    display_phone_number: business.displayPhoneNumber,
                    phone_number_id: business.phoneNumberId,
                  },
                  statuses: [
                    {
                      id: 'wamid.de-A',
                      status: 'failed',
                      timestamp: String(Math.floor(Date.now() / 1000)),
                      recipient_id: '34600000301',
                    },
                  ],
                },
              },
            ],
          },
        ],
      });
    expect((await graphs.b1.deliverRaw(webhook, report(numbers.b1))).status).toBe(200);
    const [after] = await omni.handle.db.select().from(messages).where(eq(messages.id, theirs!.id));
    expect(after!.status).toBe('sent');
    // The same report from A's own number does apply.
    expect((await graphs.a1.deliverRaw(webhook, report(numbers.a1))).status).toBe(200);
    const [applied] = await omni.handle.db.select().from(messages).where(eq(messages.id, theirs!.id));
    expect(applied!.status).toBe('failed');
  });

  it('answers a number nobody has with 200 and takes nothing', async () => {
    const stranger = await FakeGraphApi.start({
      phoneNumberId: '199999999999999',
      appSecret: 'whatever',
      accessToken: 'x',
    });
    try {
      const delivery = await stranger.userSends(webhook, '+34600000177', { text: '¿hay alguien?' });
      expect(delivery.status).toBe(200);
      const taken = await omni.handle.db
        .select()
        .from(messages)
        .where(eq(messages.contactAddress, '+34600000177'));
      expect(taken).toEqual([]);
    } finally {
      await stranger.close();
    }
  });

  it('answers Meta’s handshake for any number by its verify token', async () => {
    for (const name of Object.keys(numbers) as NumberName[]) {
      const answer = await omni.app.request(
        `/api/v1/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=verify-${name}&hub.challenge=7${name}`,
      );
      expect([answer.status, await answer.text()]).toEqual([200, `7${name}`]);
    }
    const wrong = await omni.app.request(
      '/api/v1/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1',
    );
    expect(wrong.status).toBe(403);
  });

  it('refuses a number another workspace has (409), as a further number or as the channel’s own', async () => {
    const b = { authorization: `Bearer ${keyB}`, 'accept-language': 'es' };
    const claim = await omni.call(
      'POST',
      '/api/v1/channels/whatsapp/numbers',
      { name: 'Robado', ...settingsOf('a2', graphs.a2.url) },
      b,
    );
    expect(claim.status).toBe(409);
    expect(claim.body.error).toMatchObject({
      code: 'NUMBER_TAKEN',
      message: expect.stringContaining('ya está conectado'),
    });
    const main = await omni.call('PUT', '/api/v1/channels/whatsapp', settingsOf('a1', graphs.a1.url), b);
    expect(main.status).toBe(409);
    // Nor twice in one workspace, and A's list is A's alone.
    const twice = await omni.call(
      'POST',
      '/api/v1/channels/whatsapp/numbers',
      settingsOf('a1', graphs.a1.url),
    );
    expect(twice.status).toBe(409);
    const listB = await omni.call('GET', '/api/v1/channels/whatsapp/numbers', undefined, b);
    expect(listB.body.items).toEqual([]);
    const listA = await omni.call('GET', '/api/v1/channels/whatsapp/numbers');
    expect(listA.body.items.map((n: { address: string }) => n.address)).toEqual([numbers.a2.phoneNumberId]);
    // B cannot remove A's number by its id.
    const id = listA.body.items[0].id as string;
    expect((await omni.call('DELETE', `/api/v1/channels/whatsapp/numbers/${id}`, undefined, b)).status).toBe(
      404,
    );
    // Bad input: a provider that has no numbers here, and a number without its secrets.
    const smpp = await omni.call('POST', '/api/v1/channels/sms/numbers', {
      provider: 'smpp',
      config: { host: 'smsc.test', systemId: 'x', sourceAddress: '123' },
      secrets: { password: 'p' },
    });
    expect(smpp.status).toBe(422);
    const bare = await omni.call('POST', '/api/v1/channels/whatsapp/numbers', {
      provider: 'whatsapp-cloud',
      config: { phoneNumberId: '100000000000009' },
    });
    expect(bare.status).toBe(422);
  });

  it('stops routing a number once it is disconnected', async () => {
    const listA = await omni.call('GET', '/api/v1/channels/whatsapp/numbers');
    const id = listA.body.items[0].id as string;
    expect((await omni.call('DELETE', `/api/v1/channels/whatsapp/numbers/${id}`)).status).toBe(204);
    const delivery = await graphs.a2.userSends(webhook, '+34600000155', { text: 'tarde' });
    expect(delivery.status).toBe(200);
    expect(
      await omni.handle.db.select().from(messages).where(eq(messages.contactAddress, '+34600000155')),
    ).toEqual([]);
  });
});
