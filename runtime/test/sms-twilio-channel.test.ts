import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '@omniflow/db';
import { twilioSignature } from '@omniflow/nodes/drivers/sms';
import { FakeTwilio } from '@omniflow/nodes/drivers/sms/testing';
import { listen } from './support/serve-omniflow.ts';
import {
  eventually,
  latestRunOf,
  publishFlow,
  runReaches,
  startTestOmniflow,
  type TestOmniflow,
} from './support/test-omniflow.ts';

const account = { accountSid: `AC${'7'.repeat(32)}`, authToken: 'twilio-auth-token' };
const ourNumber = '+34911000001';

const surveyBot = {
  name: 'Encuesta SMS',
  nodes: [
    { id: 'hi', type: 'message.inbound', config: { channel: 'sms', keyword: 'encuesta' } },
    {
      id: 'score',
      type: 'message.ask',
      config: { channel: 'sms', question: 'Del 1 al 5, ¿qué tal te atendimos?', expect: 'number' },
    },
    { id: 'thanks', type: 'message.send', config: { channel: 'sms', text: 'Gracias por tu nota' } },
    { id: 'end', type: 'flow.end', config: { output: { score: '{{ nodes.score.output.answer }}' } } },
    { id: 'other', type: 'flow.end', config: {} },
  ],
  edges: [
    { id: 'e1', from: { node: 'hi', port: 'next' }, to: { node: 'score' } },
    { id: 'e2', from: { node: 'score', port: 'answered' }, to: { node: 'thanks' } },
    { id: 'e3', from: { node: 'score', port: 'invalid' }, to: { node: 'other' } },
    { id: 'e4', from: { node: 'score', port: 'timeout' }, to: { node: 'other' } },
    { id: 'e5', from: { node: 'thanks', port: 'sent' }, to: { node: 'end' } },
  ],
};

describe('SMS through Twilio: signed webhooks and status callbacks', () => {
  let twilio: FakeTwilio;
  let omni: TestOmniflow;
  let server: Awaited<ReturnType<typeof listen>>;
  let incoming: string;

  beforeAll(async () => {
    twilio = await FakeTwilio.start(account);
    omni = await startTestOmniflow();
    server = await listen(omni.app);
    const workspace = (await omni.handle.db.query.workspaces.findFirst())!;
    const saved = await omni.call('PUT', '/api/v1/channels/sms', {
      provider: 'twilio',
      config: {
        accountSid: account.accountSid,
        from: ourNumber,
        baseUrl: twilio.baseUrl,
        statusCallbackUrl: `${server.url}/api/v1/webhooks/twilio/${workspace.id}/status`,
      },
      secrets: { authToken: account.authToken },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.webhooks).toEqual({
      incoming: `/api/v1/webhooks/twilio/${workspace.id}/sms`,
      statusCallback: `/api/v1/webhooks/twilio/${workspace.id}/status`,
    });
    incoming = `${server.url}${saved.body.webhooks.incoming}`;
    await publishFlow(omni, surveyBot);
  });
  afterAll(async () => {
    await server?.close();
    await omni?.close();
    await twilio?.close();
  });

  const runOf = (phone: string) => latestRunOf(omni, phone);
  const rowOf = async (sid: string) =>
    (await omni.handle.db.select().from(messages).where(eq(messages.providerMessageId, sid)))[0];

  it('starts a conversation from a signed incoming SMS, answers empty TwiML, and continues it with the reply', async () => {
    const phone = '+34600444001';
    const first = await twilio.sendIncomingMessage(incoming, {
      from: phone,
      to: ourNumber,
      body: 'Encuesta',
    });
    expect(first).toEqual({ status: 200, body: '<?xml version="1.0" encoding="UTF-8"?><Response/>' });
    const runId = await eventually(() => runOf(phone));
    await runReaches(omni, runId, ['waiting']);
    await eventually(async () => (twilio.messages.some((m) => m.to === phone) ? true : undefined));
    expect(twilio.messages.find((m) => m.to === phone)).toMatchObject({
      from: ourNumber,
      body: 'Del 1 al 5, ¿qué tal te atendimos?',
      statusCallback: expect.stringContaining('/webhooks/twilio/'),
    });

    await twilio.sendIncomingMessage(incoming, { from: phone, to: ourNumber, body: '5' });
    expect(await runReaches(omni, runId, ['completed', 'failed'])).toMatchObject({
      status: 'completed',
      output: { score: 5 },
    });
    expect(twilio.messages.filter((m) => m.to === phone).map((m) => m.body)).toEqual([
      'Del 1 al 5, ¿qué tal te atendimos?',
      'Gracias por tu nota',
    ]);
  });

  it('answers text/xml to Twilio', async () => {
    const params = new URLSearchParams({
      MessageSid: 'SMx1',
      AccountSid: account.accountSid,
      From: '+34600444009',
      To: ourNumber,
      Body: 'hola',
    });
    const response = await fetch(incoming, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': twilioSignature(account.authToken, incoming, params),
      },
      body: params,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/xml/);
  });

  it('refuses a badly signed webhook with 401 and records nothing', async () => {
    const phone = '+34600444002';
    const before = (await omni.handle.db.select().from(messages)).length;
    const params = new URLSearchParams({
      MessageSid: `SM${'1'.repeat(32)}`,
      AccountSid: account.accountSid,
      From: phone,
      To: ourNumber,
      Body: 'Encuesta',
    });
    const post = (signature: string | undefined, body = params, url = incoming) =>
      fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          ...(signature ? { 'x-twilio-signature': signature } : {}),
        },
        body,
      });
    const tampered = new URLSearchParams(params);
    tampered.set('Body', 'STOP');
    const responses = [
      await post(undefined),
      await post(twilioSignature('another-token', incoming, params)),
      await post(twilioSignature(account.authToken, incoming, params), tampered),
      await post(twilioSignature(account.authToken, `${incoming}?x=1`, params)),
    ];
    for (const response of responses) {
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: 'SIGNATURE_INVALID' } });
    }
    expect((await omni.handle.db.select().from(messages)).length).toBe(before);
    expect(await runOf(phone)).toBeUndefined();
  });

  it('updates the message from status callbacks and never lets a late one move it back', async () => {
    const question = twilio.messages.find((m) => m.to === '+34600444001')!;
    const thanks = twilio.messages.filter((m) => m.to === '+34600444001')[1]!;
    expect((await rowOf(question.sid))!.status).toBe('sent');

    expect((await twilio.sendStatusCallback(question.sid, 'sent')).status).toBe(200);
    expect((await twilio.sendStatusCallback(question.sid, 'delivered')).status).toBe(200);
    // Twilio does not promise order: a "sent" that arrives after "delivered" changes nothing.
    await twilio.sendStatusCallback(question.sid, 'sent');
    const row = await rowOf(question.sid);
    expect(row!.status).toBe('delivered');
    expect(row!.statusHistory.map((h) => h.status)).toContain('delivered');

    await twilio.sendStatusCallback(thanks.sid, 'undelivered', { errorCode: '30003' });
    expect(await rowOf(thanks.sid)).toMatchObject({ status: 'undelivered', errorCode: '30003' });
  });

  it('answers 404 for a workspace whose SMS does not go through Twilio', async () => {
    const url = `${server.url}/api/v1/webhooks/twilio/0190b3c4-0000-7000-8000-000000000000/sms`;
    const params = new URLSearchParams({ MessageSid: 'SM1', AccountSid: account.accountSid });
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': twilioSignature(account.authToken, url, params),
      },
      body: params,
    });
    expect(response.status).toBe(404);
  });
});
