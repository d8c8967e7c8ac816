import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  flowVersions,
  flows,
  messages,
  newId,
  openDb,
  queryRows,
  quotaLedger,
  quotas,
  runs,
  workspaces,
  type Db,
  type DbHandle,
} from '@omniflow/db';
import { planSms } from '@omniflow/nodes/drivers/messaging';
import { SmppDriver } from '@omniflow/nodes/drivers/sms';
import { LoopbackSmsc } from '@omniflow/nodes/drivers/sms/testing';
import { NodeError } from '@omniflow/nodes/sdk';
import { createMessagingService, type MessagingService } from '../src/messaging/messaging-service.ts';
import { createOutboundRows } from '../src/messaging/outbound-rows.ts';
import { quotaGate, type QuotaGate } from '../src/quotas/quota-gate.ts';
import { quotaStatuses } from '../src/quotas/quota-status.ts';
import { freshPostgresDatabase } from './support/postgres.ts';
import { eventually } from './support/test-omniflow.ts';

// Quotas on real PostgreSQL with a real SMPP peer: what counts (delivered segments, once), what
// never does (failed, undelivered, test runs, the sandbox), the 80 % warning, the block at 100 %
// and the overdraft, and a ledger that adds up to the balance.

const credentials = { systemId: 'omniflow', password: 's3cret' };
const longText =
  'Aviso: mañana cortamos el agua de 9:00 a 13:00 en tu calle 🚰. Llena una jarra antes y perdona las molestias. ' +
  'Si tienes dudas, responde a este SMS y te llamamos 📞. Gracias por tu paciencia 🙏.';

describe.skipIf(!inject('postgresUrl'))('quotas and the consumption ledger (PostgreSQL, SMPP)', () => {
  let handle: DbHandle;
  let db: Db;
  let drop: () => Promise<void>;
  let smsc: LoopbackSmsc;
  let driver: SmppDriver;
  let gate: QuotaGate;
  let service: MessagingService;
  let workspaceId: string;
  let runId: string;
  let testRunId: string;
  let step = 0;

  async function newWorkspaceRuns() {
    workspaceId = newId();
    await db.insert(workspaces).values({ id: workspaceId, name: 'Quotas' });
    const flowId = newId();
    const versionId = newId();
    await db.insert(flows).values({ id: flowId, workspaceId, name: 'Avisos', draft: {}, latestVersion: 1 });
    await db
      .insert(flowVersions)
      .values({ id: versionId, workspaceId, flowId, version: 1, graph: {}, machine: {}, hash: 'q' });
    runId = newId();
    testRunId = newId();
    await db.insert(runs).values([
      {
        id: runId,
        workspaceId,
        flowId,
        flowVersionId: versionId,
        version: 1,
        input: {},
        temporalWorkflowId: runId,
      },
      // Version 0: a test run of the draft (the builder's simulator).
      {
        id: testRunId,
        workspaceId,
        flowId,
        flowVersionId: versionId,
        version: 0,
        input: {},
        temporalWorkflowId: testRunId,
      },
    ]);
  }

  const send = (text: string, to = '+51987000111', run = runId) =>
    service
      .forStep({ runId: run, nodeId: 'notice', idempotencyKey: `${run}:notice:${++step}` })
      .send('sms', { to, text });

  const statusOf = async (id: string) =>
    (await db.select({ status: messages.status }).from(messages).where(eq(messages.id, id)))[0]?.status;

  const ledger = () => db.select().from(quotaLedger).where(eq(quotaLedger.workspaceId, workspaceId));

  async function balance() {
    gate.forget(workspaceId);
    return (await quotaStatuses(db, workspaceId)).find((s) => s.channel === 'sms')!;
  }

  /** Sends and waits for the SMSC's automatic receipt to be applied. */
  async function sendDelivered(text = 'Tu cita es mañana a las 10:00') {
    const sent = await send(text);
    await eventually(async () => ((await statusOf(sent.messageId)) === 'delivered' ? true : undefined));
    return sent;
  }

  beforeAll(async () => {
    const fresh = await freshPostgresDatabase(inject('postgresUrl'));
    drop = fresh.drop;
    handle = await openDb({ databaseUrl: fresh.url });
    db = handle.db;
    smsc = await LoopbackSmsc.start(credentials);
    driver = new SmppDriver({ ...smsc.address, ...credentials, sourceAddress: '+51911000000' });
    await driver.connect();
    gate = quotaGate(db);
    service = createMessagingService({ db, drivers: { sms: driver }, quotas: gate });
    await newWorkspaceRuns();
  });

  afterAll(async () => {
    await driver?.close();
    await smsc?.stop();
    await handle?.close();
    await drop?.();
  });

  it('counts a delivered message once, however many receipts say so', async () => {
    smsc.receiptOnAcknowledge = undefined;
    const sent = await send('Su trámite fue aprobado');
    const part = smsc.received.at(-1)!;
    await smsc.sendReceipt(part.messageId, 'DELIVRD');
    await smsc.sendReceipt(part.messageId, 'DELIVRD', { as: 'tlv' });
    await eventually(async () => ((await statusOf(sent.messageId)) === 'delivered' ? true : undefined));
    // A webhook provider repeating itself, twice at once (one batched statement).
    const repeat = {
      providerMessageId: sent.providerMessageId,
      status: 'delivered' as const,
      at: new Date(),
    };
    await Promise.all([service.applyStatus('sms', repeat), service.applyStatus('sms', repeat)]);
    const rows = (await ledger()).filter((r) => r.messageId === sent.messageId);
    expect(rows).toEqual([expect.objectContaining({ delta: -1, reason: 'delivered', channel: 'sms' })]);
  });

  it('counts a long SMS by its segments', async () => {
    smsc.receiptOnAcknowledge = 'DELIVRD';
    const segments = planSms(longText).parts.length;
    expect(segments).toBeGreaterThan(1);
    const sent = await sendDelivered(longText);
    const rows = (await ledger()).filter((r) => r.messageId === sent.messageId);
    expect(rows.map((r) => r.delta)).toEqual([-segments]);
  });

  it('never counts undelivered, failed or test messages', async () => {
    smsc.receiptOnAcknowledge = 'UNDELIV';
    const undelivered = await send('No llegará');
    await eventually(async () =>
      (await statusOf(undelivered.messageId)) === 'undelivered' ? true : undefined,
    );
    // A late "delivered" after the failure does not move the status back, nor count.
    await service.applyStatus('sms', {
      providerMessageId: undelivered.providerMessageId,
      status: 'delivered',
      at: new Date(),
    });
    expect(await statusOf(undelivered.messageId)).toBe('undelivered');

    smsc.receiptOnAcknowledge = 'REJECTD';
    const rejected = await send('Tampoco');
    await eventually(async () => ((await statusOf(rejected.messageId)) === 'failed' ? true : undefined));

    // A test run goes to the sandbox; its "delivered" is still not counted.
    const test = await send('Prueba', '+51987000999', testRunId);
    expect(test.providerMessageId).toMatch(/^sandbox\./);
    await service.applyStatus('sms', {
      providerMessageId: test.providerMessageId,
      status: 'delivered',
      at: new Date(),
    });
    expect(await statusOf(test.messageId)).toBe('delivered');

    const counted = new Set((await ledger()).map((r) => r.messageId));
    for (const id of [undelivered.messageId, rejected.messageId, test.messageId])
      expect(counted.has(id)).toBe(false);
  });

  it('counts mail when its server accepts it, once, and not the catcher’s', async () => {
    const rows = createOutboundRows(db);
    const record = (key: string) =>
      rows.record({
        workspaceId,
        channel: 'email',
        contactAddress: 'ana@example.test',
        ourAddress: 'avisos@example.test',
        runId,
        nodeId: 'mail',
        idempotencyKey: key,
        body: { text: 'Hola' },
        queued: { status: 'queued', at: new Date().toISOString() },
      });
    const accepted = await record(`${runId}:mail:1`);
    const caught = await record(`${runId}:mail:2`);
    const sent = { status: 'sent' as const, at: new Date().toISOString() };
    await Promise.all([
      rows.markSent({
        id: accepted.id,
        providerMessageId: '<a@x>',
        segments: 1,
        sent,
        countsAsAccepted: true,
      }),
      rows.markSent({
        id: caught.id,
        providerMessageId: '<b@x>',
        segments: 1,
        sent,
        countsAsAccepted: false,
      }),
    ]);
    // The same acceptance recorded again (a retried activity) counts nothing more.
    await rows.markSent({
      id: accepted.id,
      providerMessageId: '<a@x>',
      segments: 1,
      sent,
      countsAsAccepted: true,
    });
    const mail = (await ledger()).filter((r) => r.channel === 'email');
    expect(mail).toEqual([
      expect.objectContaining({ messageId: accepted.id, delta: -1, reason: 'accepted' }),
    ]);
  });

  it('warns at 80 %, blocks at 100 % with QUOTA_EXHAUSTED, and lets the overdraft through first', async () => {
    await newWorkspaceRuns();
    smsc.receiptOnAcknowledge = 'DELIVRD';
    await db.insert(quotas).values({ id: newId(), workspaceId, channel: 'sms', period: 'month', amount: 5 });
    for (let i = 0; i < 3; i++) await sendDelivered();
    expect(await balance()).toMatchObject({
      used: 3,
      remaining: 2,
      percent: 60,
      warning: false,
      exhausted: false,
    });
    await sendDelivered();
    expect(await balance()).toMatchObject({ used: 4, remaining: 1, percent: 80, warning: true });
    await sendDelivered();
    expect(await balance()).toMatchObject({ used: 5, remaining: 0, percent: 100, exhausted: true });

    const blocked = send('Una más');
    await expect(blocked).rejects.toThrow(NodeError);
    await expect(blocked).rejects.toMatchObject({ code: 'QUOTA_EXHAUSTED', retryable: false });
    const [refused] = await db
      .select()
      .from(messages)
      .where(and(eq(messages.workspaceId, workspaceId), eq(messages.status, 'failed')));
    expect(refused).toMatchObject({ errorCode: 'QUOTA_EXHAUSTED' });
    const sentBefore = smsc.received.length;

    await db.update(quotas).set({ overdraft: 2 }).where(eq(quotas.workspaceId, workspaceId));
    gate.forget(workspaceId);
    await sendDelivered();
    await sendDelivered();
    expect(smsc.received.length).toBe(sentBefore + 2);
    expect(await balance()).toMatchObject({ used: 7, remaining: -2, exhausted: true });
    await expect(send('Y otra')).rejects.toMatchObject({ code: 'QUOTA_EXHAUSTED' });
    expect(smsc.received.length).toBe(sentBefore + 2);
  });

  it('reserves for a campaign no more than is left, including what is still in flight', async () => {
    await newWorkspaceRuns();
    await db.insert(quotas).values({ id: newId(), workspaceId, channel: 'sms', period: 'year', amount: 100 });
    const first = await gate.reserve(workspaceId, 'sms', 60);
    const second = await gate.reserve(workspaceId, 'sms', 60);
    expect([first.granted, second.granted]).toEqual([60, 40]);
    await gate.release(workspaceId, 'sms', 10);
    expect((await gate.reserve(workspaceId, 'sms', 60)).granted).toBe(10);
    // A channel with no bag has no limit.
    expect((await gate.reserve(workspaceId, 'email', 1_000_000)).granted).toBe(1_000_000);
  });

  it('adds the ledger up to the balance, period by period', async () => {
    await newWorkspaceRuns();
    smsc.receiptOnAcknowledge = 'DELIVRD';
    const startsAt = new Date(Date.now() - 40 * 86_400_000);
    await db
      .insert(quotas)
      .values({ id: newId(), workspaceId, channel: 'sms', period: 'month', amount: 50, startsAt });
    // Last period's use is not this period's.
    await db.insert(quotaLedger).values({
      id: newId(),
      workspaceId,
      channel: 'sms',
      delta: -30,
      reason: 'adjustment',
      at: new Date(startsAt.getTime() + 86_400_000),
    });
    await sendDelivered();
    await sendDelivered(longText);
    const [topUp] = await db
      .insert(quotaLedger)
      .values({ id: newId(), workspaceId, channel: 'sms', delta: 20, reason: 'top_up' })
      .returning();
    // Read in the very millisecond of the top-up (PostgreSQL keeps microseconds, JavaScript does
    // not): the top-up already counts. CI once read the balance that fast.
    const sameMillisecond = (await quotaStatuses(db, workspaceId, topUp!.at)).find(
      (s) => s.channel === 'sms',
    )!;
    expect(sameMillisecond.added).toBe(20);
    const status = await balance();
    expect(status.periodStart.getTime()).toBeGreaterThan(startsAt.getTime());
    expect(status.periodStart.getTime()).toBeLessThanOrEqual(Date.now());
    const [sum] = await queryRows<{ total: string }>(
      db,
      sql`select coalesce(sum(delta), 0) as total from quota_ledger
        where workspace_id = ${workspaceId}::uuid and channel = 'sms' and at >= ${status.periodStart.toISOString()}::timestamptz`,
    );
    expect(status.remaining).toBe(status.amount + Number(sum!.total));
    expect(status).toMatchObject({ used: 1 + planSms(longText).parts.length, added: 20, limit: 70 });
  });
});
