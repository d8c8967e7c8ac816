import { afterEach, describe, expect, it } from 'vitest';
import type { InboundMessage, MessagingDriver, StatusUpdate } from '../messaging/messaging-driver.ts';
import { planSms } from '../messaging/sms-encoding.ts';
import { classifyOptKeyword } from './opt-out.ts';
import { SmppDriver, type SmppDriverOptions, type SmppEvent } from './smpp-driver.ts';
import { LoopbackSmsc } from './testing/loopback-smsc.ts';

const credentials = { systemId: 'omniflow', password: 's3cret' };
const at = new Date('2026-11-21T10:00:00Z');
const spanishWithEmoji =
  '¡Hola, María! Tu cita en la clínica está confirmada para el miércoles 12 a las 10:30 😀. ' +
  'Si no puedes venir, responde con otra fecha y te llamamos 📞. ¡Gracias por confiar en nosotros! 🙏';
const gsmLong =
  'Recordatorio: su factura [F-2026-11] de 42,50€ vence el lunes. Puede pagarla en la web {omniflow} ' +
  'o llamando al 900 100 200. Si ya la pago, ignore este mensaje. Gracias y buen dia a todos.';

let smsc: LoopbackSmsc;
const drivers: SmppDriver[] = [];

async function start(options: Partial<SmppDriverOptions> = {}) {
  smsc = await LoopbackSmsc.start(credentials);
  return driverFor(options);
}

function driverFor(options: Partial<SmppDriverOptions> = {}) {
  const events: SmppEvent[] = [];
  const driver = new SmppDriver({
    ...smsc.address,
    ...credentials,
    sourceAddress: '+34911000000',
    responseTimeoutMs: 2_000,
    reconnectInitialDelayMs: 50,
    reconnectMaxDelayMs: 400,
    sendTimeoutMs: 5_000,
    messagesPerSecond: 1_000,
    now: () => at,
    ...options,
  });
  driver.onEvent((event) => events.push(event));
  drivers.push(driver);
  return { driver, events };
}

const until = async (check: () => boolean, timeoutMs = 3_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

const acceptedBinds = () => smsc.binds.filter((b) => b.accepted).length;

afterEach(async () => {
  await Promise.all(drivers.splice(0).map((d) => d.close()));
  await smsc?.stop();
});

describe('SmppDriver against a loopback SMSC', () => {
  it('calls handingOver once per message, holding its window slot, before the SMSC gets it; a failed one sends nothing', async () => {
    const { driver } = await start({ windowSize: 2 });
    const seenAtHandOver: number[] = [];
    const handingOver = async () => {
      seenAtHandOver.push(smsc.received.length);
    };
    const long = await driver.send(
      { to: '+34600000001', text: gsmLong, idempotencyKey: 'k1' },
      { handingOver },
    );
    expect(long.segments).toBe(2);
    // Once for the message, not per part, and before any part arrived.
    expect(seenAtHandOver).toEqual([0]);
    await expect(
      driver.send(
        { to: '+34600000002', text: 'hola', idempotencyKey: 'k2' },
        { handingOver: () => Promise.reject(new Error('journal full')) },
      ),
    ).rejects.toThrow('journal full');
    expect(smsc.received).toHaveLength(2);
    // The same key goes once the hand-over can be recorded (a retried chunk).
    await driver.send({ to: '+34600000002', text: 'hola', idempotencyKey: 'k2' }, { handingOver });
    expect(smsc.received).toHaveLength(3);
    expect(driver.announcesHandOver).toBe(true);
  });

  it('binds as an SMPP 3.4 transceiver with its system_id and password', async () => {
    const { driver } = await start();
    await driver.connect();
    expect(smsc.binds).toEqual([{ ...credentials, interfaceVersion: 0x34, accepted: true }]);
  });

  it('splits a long Spanish message with emoji into UCS-2 parts that the SMSC reassembles exactly', async () => {
    const { driver } = await start();
    const plan = planSms(spanishWithEmoji);
    expect(plan.encoding).toBe('ucs2');
    expect(plan.parts.length).toBeGreaterThanOrEqual(3);

    const result = await driver.send({
      to: '+34600111222',
      text: spanishWithEmoji,
      idempotencyKey: 'cita-1',
    });

    expect(result.segments).toBe(plan.parts.length);
    const [message, ...others] = smsc.messages();
    expect(others).toEqual([]);
    expect(message!.text).toBe(spanishWithEmoji);
    expect(message!.dataCoding).toBe(8);
    const [first] = message!.parts;
    expect(result.providerMessageId).toBe(first!.messageId);
    message!.parts.forEach((part, i) => {
      expect(part.esmClass & 0x40).toBe(0x40);
      expect(part.registeredDelivery).toBe(1);
      expect(part.destination).toBe('34600111222');
      expect(part.destinationTon).toBe(1);
      expect(part.source).toBe('34911000000');
      expect([...part.udh[0]!]).toEqual([0x00, 0x03, first!.concat!.reference, plan.parts.length, i + 1]);
    });
  });

  it('sends a long GSM-7 message, extension characters included, as data_coding 0 parts', async () => {
    const { driver } = await start();
    const plan = planSms(gsmLong);
    expect(plan.encoding).toBe('gsm7');
    expect(plan.parts.length).toBe(2);

    const result = await driver.send({ to: '+34600111222', text: gsmLong, idempotencyKey: 'factura-1' });

    expect(result.segments).toBe(2);
    const [message] = smsc.messages();
    expect(message!.text).toBe(gsmLong);
    expect(message!.dataCoding).toBe(0);
    expect(message!.parts.map((p) => p.concat?.sequence)).toEqual([1, 2]);
  });

  it('sends a short message as one part without a UDH', async () => {
    const { driver } = await start();
    const result = await driver.send({ to: '+34600111222', text: 'Hola', idempotencyKey: 'corto' });
    expect(result.segments).toBe(1);
    expect(smsc.received).toMatchObject([{ text: 'Hola', esmClass: 0, dataCoding: 0, udh: [] }]);
  });

  it('maps delivery receipts to statuses: delivered, undelivered with its error code, expired', async () => {
    const { driver } = await start();
    const statuses: StatusUpdate[] = [];
    driver.onStatus((s) => {
      statuses.push(s);
    });
    const ok = await driver.send({ to: '+34600000001', text: 'uno', idempotencyKey: 'r1' });
    const lost = await driver.send({ to: '+34600000002', text: 'dos', idempotencyKey: 'r2' });
    const late = await driver.send({ to: '+34600000003', text: 'tres', idempotencyKey: 'r3' });

    expect(await smsc.sendReceipt(ok.providerMessageId, 'DELIVRD')).toBe(0);
    expect(await smsc.sendReceipt(lost.providerMessageId, 'UNDELIV', { err: '034' })).toBe(0);
    expect(await smsc.sendReceipt(late.providerMessageId, 'EXPIRED', { as: 'tlv' })).toBe(0);

    expect(statuses).toEqual([
      { providerMessageId: ok.providerMessageId, status: 'delivered', at },
      {
        providerMessageId: lost.providerMessageId,
        status: 'undelivered',
        at,
        errorCode: '034',
        errorMessage: 'SMSC reported UNDELIV',
      },
      {
        providerMessageId: late.providerMessageId,
        status: 'expired',
        at,
        errorMessage: 'SMSC reported EXPIRED',
      },
    ]);
  });

  it('resolves receipts for any part of a long message to that message', async () => {
    const { driver } = await start();
    const statuses: StatusUpdate[] = [];
    driver.onStatus((s) => {
      statuses.push(s);
    });
    const result = await driver.send({ to: '+34600111222', text: spanishWithEmoji, idempotencyKey: 'multi' });
    const parts = smsc.messages()[0]!.parts;

    for (const part of [...parts].reverse()) await smsc.sendReceipt(part.messageId, 'DELIVRD');

    expect(statuses.map((s) => [s.providerMessageId, s.status])).toEqual([
      [result.providerMessageId, 'sent'],
      [result.providerMessageId, 'delivered'],
    ]);
  });

  it('holds a receipt that overtakes the answers for the other parts until the message has its id', async () => {
    const { driver } = await start();
    const statuses: StatusUpdate[] = [];
    driver.onStatus((s) => {
      statuses.push(s);
    });
    smsc.receiptOnAcknowledge = 'DELIVRD';

    const result = await driver.send({ to: '+34600111222', text: spanishWithEmoji, idempotencyKey: 'fast' });

    await until(() => statuses.some((s) => s.status === 'delivered'));
    expect(statuses.map((s) => [s.providerMessageId, s.status])).toEqual([
      [result.providerMessageId, 'sent'],
      [result.providerMessageId, 'delivered'],
    ]);
  });

  it('emits an inbound "BAJA" that opt-out classifies as an opt-out', async () => {
    const { driver } = await start();
    const inbound: InboundMessage[] = [];
    driver.onInbound((m) => {
      inbound.push(m);
    });
    await driver.connect();

    expect(await smsc.sendInbound({ from: '+34600111222', to: '+34911000000', text: 'BAJA' })).toEqual([0]);

    expect(inbound).toEqual([
      {
        channel: 'sms',
        from: '+34600111222',
        to: '+34911000000',
        providerMessageId: expect.stringMatching(/^smpp-/),
        text: 'BAJA',
        receivedAt: at,
      },
    ]);
    expect(classifyOptKeyword(inbound[0]!.text)).toBe('opt-out');
  });

  it('joins a concatenated inbound message that arrives last part first before emitting it', async () => {
    const { driver } = await start();
    const inbound: InboundMessage[] = [];
    driver.onInbound((m) => {
      inbound.push(m);
    });
    await driver.connect();

    await smsc.sendInbound({
      from: '+34600111222',
      to: '+34911000000',
      text: spanishWithEmoji,
      ucs2: true,
      parts: 3,
    });

    expect(inbound.map((m) => m.text)).toEqual([spanishWithEmoji]);
  });

  it('hands on the parts that arrived when the rest of a concatenated message never comes', async () => {
    const { driver, events } = await start({ reassemblyTimeoutMs: 100 });
    const inbound: InboundMessage[] = [];
    driver.onInbound((m) => {
      inbound.push(m);
    });
    await driver.connect();

    await smsc.sendInbound({
      from: '+34600111222',
      to: '+34911000000',
      text: 'uno-dos',
      parts: 2,
      onlyParts: [1],
    });
    expect(inbound).toEqual([]);
    await until(() => inbound.length === 1);
    expect(inbound[0]!.text).toBe('uno-');

    driver.onInbound(() => {
      throw new Error('database down');
    });
    await smsc.sendInbound({
      from: '+34600111222',
      to: '+34911000000',
      text: 'tres--cuatro',
      parts: 2,
      onlyParts: [2],
    });
    await until(() => events.some((e) => e.type === 'inbound-lost'));
    expect(events.find((e) => e.type === 'inbound-lost')).toMatchObject({
      from: '+34600111222',
      text: 'cuatro',
      error: new Error('database down'),
    });
  });

  it('answers deliver_sm with a temporary error when nobody took the message, so the SMSC redelivers', async () => {
    const { driver } = await start();
    await driver.connect();
    expect(await smsc.sendInbound({ from: '+34600111222', to: '+34911000000', text: 'Hola' })).toEqual([
      0x64,
    ]);

    let failOnce = true;
    const inbound: string[] = [];
    driver.onInbound((m) => {
      if (failOnce) {
        failOnce = false;
        throw new Error('database down');
      }
      inbound.push(m.text ?? '');
    });
    expect(await smsc.sendInbound({ from: '+34600111222', to: '+34911000000', text: 'Hola' })).toEqual([
      0x64,
    ]);
    expect(await smsc.sendInbound({ from: '+34600111222', to: '+34911000000', text: 'Hola' })).toEqual([0]);
    expect(inbound).toEqual(['Hola']);
  });

  it('re-binds after the link drops mid-message and submits every part exactly once', async () => {
    const { driver, events } = await start();
    await driver.connect();
    smsc.dropAfterAcknowledging(2);

    const result = await driver.send({
      to: '+34600111222',
      text: spanishWithEmoji,
      idempotencyKey: 'drop-1',
    });

    expect(acceptedBinds()).toBe(2);
    const keys = smsc.received.map((p) => `${p.concat!.reference}/${p.concat!.sequence}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toHaveLength(result.segments);
    expect(smsc.messages().map((m) => m.text)).toEqual([spanishWithEmoji]);
    expect(events.map((e) => e.type)).toEqual(['bound', 'down', 'reconnecting', 'bound']);
  });

  it('submits again a part the SMSC dropped the link on without answering, once', async () => {
    const { driver } = await start();
    await driver.connect();
    smsc.dropOnNextSubmit();

    const result = await driver.send({
      to: '+34600111222',
      text: 'Tu código es 4821',
      idempotencyKey: 'otp',
    });

    expect(smsc.received).toHaveLength(1);
    expect(smsc.received[0]!.messageId).toBe(result.providerMessageId);
    expect(acceptedBinds()).toBe(2);
  });

  it('waits and submits again while the SMSC answers "throttled"', async () => {
    const { driver } = await start();
    smsc.refuseNextSubmits(0x58, 0x58);

    const result = await driver.send({ to: '+34600111222', text: 'Hola', idempotencyKey: 'throttled' });

    expect(smsc.received.map((p) => p.messageId)).toEqual([result.providerMessageId]);
  });

  it('fails with SMS_SUBMIT_REJECTED naming the SMPP status when the SMSC refuses a message', async () => {
    const { driver } = await start();
    smsc.refuseNextSubmits(0x0b);

    await expect(
      driver.send({ to: '+34600111222', text: 'Hola', idempotencyKey: 'refused' }),
    ).rejects.toMatchObject({
      code: 'SMS_SUBMIT_REJECTED',
      retryable: false,
      message: 'The SMSC refused the SMS to +34600111222: ESME_RINVDSTADR (0x0000000b)',
    });
    expect(smsc.received).toEqual([]);
  });

  it('returns the first result for a repeated idempotencyKey and submits nothing more', async () => {
    const { driver } = await start();
    const [a, b] = await Promise.all([
      driver.send({ to: '+34600111222', text: 'Hola', idempotencyKey: 'same' }),
      driver.send({ to: '+34600111222', text: 'Hola', idempotencyKey: 'same' }),
    ]);
    const again = await driver.send({ to: '+34600111222', text: 'Hola otra vez', idempotencyKey: 'same' });

    expect(b).toEqual(a);
    expect(again).toEqual(a);
    expect(smsc.received).toHaveLength(1);
  });

  it('holds sends while the SMSC is down and delivers them after re-binding with exponential backoff', async () => {
    const { driver, events } = await start();
    await driver.connect();
    await smsc.stop();
    await until(() => events.some((e) => e.type === 'down'));

    const sending = driver.send({ to: '+34600111222', text: 'Sigo aquí', idempotencyKey: 'wait' });
    await until(() => events.filter((e) => e.type === 'reconnecting').length >= 4);
    await smsc.restart();
    const result = await sending;

    const delays = events.flatMap((e) => (e.type === 'reconnecting' ? [e.delayMs] : []));
    expect(delays.slice(0, 4)).toEqual([50, 100, 200, 400]);
    expect(smsc.received.map((p) => [p.messageId, p.text])).toEqual([
      [result.providerMessageId, 'Sigo aquí'],
    ]);
  });

  it('fails a send with a clear error when the link is not back within sendTimeoutMs', async () => {
    const { driver, events } = await start({ sendTimeoutMs: 300 });
    await driver.connect();
    await smsc.stop();
    await until(() => events.some((e) => e.type === 'down'));

    await expect(
      driver.send({ to: '+34600111222', text: 'Hola', idempotencyKey: 'late' }),
    ).rejects.toMatchObject({
      code: 'SMS_LINK_UNAVAILABLE',
      message: expect.stringContaining(
        `${smsc.address.host}:${smsc.address.port} was not bound within 300 ms`,
      ),
    });
  });

  it('keeps at most windowSize submit_sm unanswered', async () => {
    const { driver } = await start({ windowSize: 3 });
    smsc.answerDelayMs = 30;
    const text = 'x'.repeat(153 * 8);

    const result = await driver.send({ to: '+34600111222', text, idempotencyKey: 'window' });

    expect(result.segments).toBe(8);
    expect(smsc.maxUnanswered).toBe(3);
  });

  it('paces submissions at messagesPerSecond', async () => {
    const { driver } = await start({ messagesPerSecond: 20 });
    await driver.connect();
    const started = Date.now();

    await driver.send({ to: '+34600111222', text: 'y'.repeat(153 * 5), idempotencyKey: 'pace' });

    // Five parts at 20/s: the fifth starts 4 × 50 ms after the first.
    expect(Date.now() - started).toBeGreaterThanOrEqual(195);
  });

  it("sends enquire_link on schedule and answers the SMSC's", async () => {
    const { driver } = await start({ enquireLinkIntervalMs: 40 });
    await driver.connect();
    await until(() => smsc.enquireLinksReceived >= 3);
    expect(await smsc.sendEnquireLink()).toBe(0);
  });

  it('treats an SMSC that stops answering enquire_link as down and re-binds', async () => {
    const { driver, events } = await start({ enquireLinkIntervalMs: 40, responseTimeoutMs: 150 });
    await driver.connect();
    smsc.ignoreEnquireLinks = true;
    await until(() => events.some((e) => e.type === 'down'));
    smsc.ignoreEnquireLinks = false;
    await until(() => acceptedBinds() === 2);
    expect(events.find((e) => e.type === 'down')).toMatchObject({
      reason: 'no answer to enquire_link within 150 ms',
    });
  });

  it('refuses bad credentials with a clear error and does not retry them', async () => {
    smsc = await LoopbackSmsc.start(credentials);
    const { driver } = driverFor({ password: 'wrong' });

    const refused = { code: 'CHANNEL_AUTH_FAILED', retryable: false };
    await expect(driver.connect()).rejects.toMatchObject({
      ...refused,
      message: expect.stringMatching(/refused to bind system_id "omniflow": ESME_RINVPASWD/),
    });
    await expect(
      driver.send({ to: '+34600111222', text: 'Hola', idempotencyKey: 'k' }),
    ).rejects.toMatchObject(refused);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(smsc.binds).toHaveLength(1);
  });

  it('takes no webhooks: SMPP traffic arrives on the link', async () => {
    const { driver } = await start();
    const messaging: MessagingDriver = driver;
    const request = {
      headers: {},
      rawBody: 'MessageSid=SM1&MessageStatus=delivered',
      url: 'https://example.com/hooks/sms',
    };
    expect(messaging.verifySignature(request)).toBe(false);
    expect(() => messaging.parseStatus(request)).toThrow(
      expect.objectContaining({ code: 'SMS_WEBHOOK_UNSUPPORTED' }),
    );
    expect(() => messaging.parseInbound(request)).toThrow(
      expect.objectContaining({ code: 'SMS_WEBHOOK_UNSUPPORTED' }),
    );
  });
});
