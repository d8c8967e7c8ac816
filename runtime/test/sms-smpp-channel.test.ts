import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactChannels, messages } from '@omniflow/db';
import { planSms } from '@omniflow/nodes/drivers/messaging';
import { LoopbackSmsc } from '@omniflow/nodes/drivers/sms/testing';
import { sendOnlyFlow } from './support/flows.ts';
import {
  eventually,
  latestRunOf,
  publishFlow,
  runReaches,
  startTestOmniflow,
  type TestOmniflow,
} from './support/test-omniflow.ts';

// The whole SMS path over SMPP: settings saved through the API, the worker's bound link to a real
// SMPP peer (the `smpp` package's server), conversations routed with signal-with-start.

const credentials = { systemId: 'omniflow', password: 's3cret' };
const ourNumber = '+34911000000';
const longReply =
  '¡Gracias, {{ nodes.name.output.answer }}! Tu cita en la clínica está confirmada para el miércoles a las 10:30 😀. ' +
  'Si no puedes venir, responde con otra fecha y te llamamos 📞. ¡Gracias por confiar en nosotros! 🙏';
const longNotice =
  'Aviso: mañana cortamos el agua de 9:00 a 13:00 en tu calle 🚰. Llena una jarra antes y perdona las molestias. ' +
  'Si tienes dudas, responde a este SMS y te llamamos 📞. Gracias por tu paciencia 🙏.';

const appointmentBot = {
  name: 'Citas por SMS',
  nodes: [
    { id: 'hi', type: 'message.inbound', config: { channel: 'sms' } },
    {
      id: 'name',
      type: 'message.ask',
      config: { channel: 'sms', question: '¿Cómo te llamas?', expect: 'text', timeout: 'PT1H' },
    },
    { id: 'confirm', type: 'message.send', config: { channel: 'sms', text: longReply } },
    { id: 'end', type: 'flow.end', config: { output: { name: '{{ nodes.name.output.answer }}' } } },
    { id: 'late', type: 'flow.end', config: {} },
  ],
  edges: [
    { id: 'e1', from: { node: 'hi', port: 'next' }, to: { node: 'name' } },
    { id: 'e2', from: { node: 'name', port: 'answered' }, to: { node: 'confirm' } },
    { id: 'e3', from: { node: 'name', port: 'timeout' }, to: { node: 'late' } },
    { id: 'e4', from: { node: 'confirm', port: 'sent' }, to: { node: 'end' } },
  ],
};

describe('SMS over SMPP, end to end through flows', () => {
  let smsc: LoopbackSmsc;
  let omni: TestOmniflow;

  beforeAll(async () => {
    smsc = await LoopbackSmsc.start(credentials);
    omni = await startTestOmniflow();
    const saved = await omni.call('PUT', '/api/v1/channels/sms', {
      provider: 'smpp',
      config: { ...smsc.address, systemId: credentials.systemId, sourceAddress: ourNumber },
      secrets: { password: credentials.password },
    });
    expect(saved.status).toBe(200);
    // The worker binds on its own once it sees the settings: inbound SMS need a link to arrive on.
    await eventually(async () => (smsc.boundSessions === 1 ? true : undefined));
    await publishFlow(omni, appointmentBot);
  });
  afterAll(async () => {
    await omni?.close();
    await smsc?.stop();
  });

  const runOf = (phone: string) => latestRunOf(omni, phone);
  const sentTo = (phone: string) => smsc.messages().filter((m) => m.destination === phone.slice(1));
  const rowOf = async (providerMessageId: string) => {
    const [row] = await omni.handle.db
      .select()
      .from(messages)
      .where(and(eq(messages.channel, 'sms'), eq(messages.providerMessageId, providerMessageId)));
    return row;
  };
  const acceptedBinds = () => smsc.binds.filter((b) => b.accepted).length;

  it('starts a conversation on an inbound SMS, continues it with the reply, and sends a long UCS-2 answer whole', async () => {
    const phone = '+34600333001';
    expect(await smsc.sendInbound({ from: phone, to: ourNumber, text: 'Hola, quiero una cita' })).toEqual([
      0,
    ]);
    const runId = await eventually(() => runOf(phone));
    await runReaches(omni, runId, ['waiting']);
    await eventually(async () => (sentTo(phone).length === 1 ? true : undefined));
    // "ó" is not in the GSM 7-bit alphabet: even the short question goes as UCS-2.
    expect(sentTo(phone)[0]).toMatchObject({ text: '¿Cómo te llamas?', dataCoding: 8 });
    expect(sentTo(phone)[0]!.parts[0]).toMatchObject({ source: ourNumber.slice(1), registeredDelivery: 1 });

    // A reply of several UCS-2 parts, reassembled by the driver before it reaches the run.
    expect(
      await smsc.sendInbound({ from: phone, to: ourNumber, text: 'María José 😀', ucs2: true, parts: 2 }),
    ).toEqual([0, 0]);
    const done = await runReaches(omni, runId, ['completed', 'failed']);
    expect(done).toMatchObject({ status: 'completed', output: { name: 'María José 😀' } });
    expect(await runOf(phone)).toBe(runId);

    const expected = longReply.replace('{{ nodes.name.output.answer }}', 'María José 😀');
    const confirmation = sentTo(phone)[1]!;
    expect(confirmation.text).toBe(expected);
    expect(confirmation.dataCoding).toBe(8);
    expect(confirmation.parts).toHaveLength(planSms(expected).parts.length);
    expect(confirmation.parts.length).toBeGreaterThanOrEqual(3);
    const [row] = await omni.handle.db
      .select()
      .from(messages)
      .where(and(eq(messages.runId, runId), eq(messages.nodeId, 'confirm')));
    expect(row).toMatchObject({
      providerMessageId: confirmation.parts[0]!.messageId,
      segments: confirmation.parts.length,
      status: 'sent',
    });
  });

  it('updates message rows from delivery receipts: delivered once every part is, undelivered with its error', async () => {
    const phone = '+34600333001';
    const [question, confirmation] = sentTo(phone);
    await smsc.sendReceipt(question!.parts[0]!.messageId, 'UNDELIV', { err: '034' });
    for (const part of confirmation!.parts) await smsc.sendReceipt(part.messageId, 'DELIVRD', { as: 'tlv' });

    const undelivered = await rowOf(question!.parts[0]!.messageId);
    expect(undelivered).toMatchObject({ status: 'undelivered', errorCode: '034' });
    const delivered = await rowOf(confirmation!.parts[0]!.messageId);
    expect(delivered!.status).toBe('delivered');
    // The driver reports "sent" while only some parts are known delivered, then "delivered" once.
    const history = delivered!.statusHistory.map((h) => h.status);
    expect(history.slice(0, 2)).toEqual(['queued', 'sent']);
    expect(history.filter((s) => s === 'delivered')).toHaveLength(1);
    expect(history.at(-1)).toBe('delivered');
  });

  it('opts a number out on STOP (the next send is refused with OPTED_OUT) and back in on START', async () => {
    const phone = '+34600333002';
    const noticeFlow = await publishFlow(omni, sendOnlyFlow('Aviso SMS', 'sms', 'Mañana no hay clase'));
    const notify = async () => {
      const started = await omni.call('POST', '/api/v1/runs', { flowId: noticeFlow, input: { phone } });
      return runReaches(omni, started.body.id, ['completed', 'failed']);
    };
    expect(await smsc.sendInbound({ from: phone, to: ourNumber, text: 'STOP' })).toEqual([0]);
    const [consent] = await omni.handle.db
      .select()
      .from(contactChannels)
      .where(and(eq(contactChannels.channel, 'sms'), eq(contactChannels.address, phone)));
    expect(consent).toMatchObject({ optOutKeyword: 'STOP' });
    expect(consent!.optedOutAt).toBeInstanceOf(Date);
    // A keyword is not a conversation: no bot run starts on it.
    expect(await runOf(phone)).toBeUndefined();

    expect(await notify()).toMatchObject({
      status: 'failed',
      failedNodeId: 'tell',
      error: { code: 'OPTED_OUT', message: expect.stringContaining(`${phone} opted out of sms`) },
    });
    expect(sentTo(phone)).toEqual([]);

    expect(await smsc.sendInbound({ from: phone, to: ourNumber, text: 'START' })).toEqual([0]);
    expect(await notify()).toMatchObject({ status: 'completed' });
    expect(sentTo(phone).map((m) => m.text)).toEqual(['Mañana no hay clase']);

    const notice = sentTo(phone)[0]!.parts[0]!;
    await smsc.sendReceipt(notice.messageId, 'EXPIRED', { as: 'tlv' });
    expect(await rowOf(notice.messageId)).toMatchObject({ status: 'expired' });
  });

  it('sends a message exactly once when the link drops in the middle of it', async () => {
    const phone = '+34600333003';
    const flowId = await publishFlow(omni, sendOnlyFlow('Corte de agua', 'sms', longNotice));
    const bindsBefore = acceptedBinds();
    const receivedBefore = smsc.received.length;
    // The SMSC acknowledges the first part, then cuts the link before the others are answered.
    smsc.dropAfterAcknowledging(1);

    const started = await omni.call('POST', '/api/v1/runs', { flowId, input: { phone } });
    const run = await runReaches(omni, started.body.id, ['completed', 'failed'], 60_000);

    expect(run.status).toBe('completed');
    expect(acceptedBinds()).toBe(bindsBefore + 1);
    const parts = smsc.received.slice(receivedBefore);
    const keys = parts.map((p) => `${p.concat!.reference}/${p.concat!.sequence}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(parts).toHaveLength(planSms(longNotice).parts.length);
    expect(sentTo(phone).map((m) => m.text)).toEqual([longNotice]);
    const rows = await omni.handle.db.select().from(messages).where(eq(messages.runId, started.body.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      status: 'sent',
      segments: parts.length,
      providerMessageId: parts[0]!.messageId,
    });
  });
});
