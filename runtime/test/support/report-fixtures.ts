import {
  callRecords,
  campaigns,
  contactChannels,
  contacts,
  emailEvents,
  flowVersions,
  flows,
  messages,
  newId,
  quotaLedger,
  quotas,
  runSteps,
  runs,
  workspaces,
  type Db,
} from '@omniflow/db';
import { eq } from 'drizzle-orm';

/**
 * A workspace's month of traffic with totals known by hand, for the reports' tests and e2e. The
 * workspace is on Lima time (UTC−5, no summer time); the period is 2026-11-02 (a Monday) to
 * 2026-11-16 local. Call c2 starts at 23:59 Lima on the 2nd (04:59 UTC on the 3rd) and c4 on
 * Sunday the 8th at 22:00 Lima (Monday in UTC): both are the local day's and week's.
 */
export const reportPeriod = { from: '2026-11-02T00:00:00-05:00', to: '2026-11-16T00:00:00-05:00' };
export const reportTimezone = 'America/Lima';

const lima = (local: string) => new Date(`${local}-05:00`);
const plus = (at: Date, seconds: number) => new Date(at.getTime() + seconds * 1000);

export interface ReportFixture {
  workspaceId: string;
  flowId: string;
  campaignSms: string;
  campaignEmail: string;
}

export async function seedReportData(db: Db, workspaceId: string): Promise<ReportFixture> {
  await db.update(workspaces).set({ timezone: reportTimezone }).where(eq(workspaces.id, workspaceId));
  const graph = {
    schemaVersion: 1,
    name: 'Mesa de ayuda',
    nodes: [
      {
        id: 'menu',
        type: 'voice.menu',
        label: 'Menú principal',
        config: {
          options: [
            { id: 'ventas', digit: '1', label: 'Ventas' },
            { id: 'soporte', digit: '2', label: 'Soporte' },
          ],
        },
      },
    ],
    edges: [],
  };
  const flowId = newId();
  const versionId = newId();
  await db
    .insert(flows)
    .values({ id: flowId, workspaceId, name: 'Mesa de ayuda', draft: graph, latestVersion: 1 });
  await db
    .insert(flowVersions)
    .values({ id: versionId, workspaceId, flowId, version: 1, graph, machine: {}, hash: 'x' });

  const calls = [
    // c1: answered at 09:00, 30 s in the sales queue, 120 s handled, menu option 1 for 10 s.
    {
      start: lima('2026-11-02T09:00:00'),
      answered: 2,
      ms: 120_000,
      side: 'flow',
      from: '+51911111111',
      menu: ['ventas', 10],
      queue: ['ventas', 'sip:ana@pbx', 30_000],
    },
    // c2: 23:59 Lima, the caller hung up after option 2 (abandoned).
    {
      start: lima('2026-11-02T23:59:00'),
      answered: 1,
      ms: 10_000,
      side: 'caller',
      from: '+51911111111',
      menu: ['soporte', 5],
    },
    // c3: the next Monday, transferred after 10 s in the support queue, 60 s handled.
    {
      start: lima('2026-11-09T10:00:00'),
      answered: 1,
      ms: 60_000,
      side: 'transfer',
      from: '+51933333333',
      menu: ['ventas', 5],
      queue: ['soporte', 'sip:luis@pbx', 10_000],
    },
    // c4: Sunday 22:00 Lima, never answered, the caller hung up (abandoned).
    { start: lima('2026-11-08T22:00:00'), answered: null, ms: 8_000, side: 'caller', from: '+51933333333' },
  ] as const;
  for (const [i, c] of calls.entries()) {
    const runId = 'menu' in c ? newId() : null;
    if (runId && 'menu' in c) {
      await db.insert(runs).values({
        id: runId,
        workspaceId,
        flowId,
        flowVersionId: versionId,
        version: 1,
        status: 'completed',
        temporalWorkflowId: runId,
        startedAt: c.start,
      });
      const answeredAt = plus(c.start, c.answered ?? 0);
      const [port, menuSeconds] = c.menu;
      await db.insert(runSteps).values({
        workspaceId,
        runId,
        seq: 1,
        nodeId: 'menu',
        nodeType: 'voice.menu',
        enteredAt: answeredAt,
        leftAt: plus(answeredAt, menuSeconds),
        port,
      });
      if ('queue' in c) {
        const [queue, agent, waitedMs] = c.queue;
        await db.insert(runSteps).values({
          workspaceId,
          runId,
          seq: 2,
          nodeId: 'queue',
          nodeType: 'voice.enqueue',
          enteredAt: plus(answeredAt, menuSeconds),
          leftAt: plus(answeredAt, menuSeconds + waitedMs / 1000),
          port: 'connected',
          output: { queue, agent, position: 1, waitedMs },
        });
      }
    }
    await db.insert(callRecords).values({
      id: newId(),
      workspaceId,
      callId: `call-${i}`,
      driver: 'sip',
      runId,
      flowId: runId ? flowId : null,
      fromNumber: c.from,
      toNumber: '+5117000000',
      startedAt: c.start,
      answeredAt: c.answered === null ? null : plus(c.start, c.answered),
      endedAt: plus(c.start, c.ms / 1000),
      durationMs: c.ms,
      hangupSide: c.side,
    });
  }

  const campaignSms = newId();
  const campaignEmail = newId();
  await db.insert(campaigns).values([
    {
      id: campaignSms,
      workspaceId,
      name: 'Black Friday',
      kind: 'broadcast',
      status: 'completed',
      channels: ['sms'],
    },
    {
      id: campaignEmail,
      workspaceId,
      name: 'Boletín',
      kind: 'broadcast',
      status: 'completed',
      channels: ['email'],
    },
  ]);
  const contactId = newId();
  await db.insert(contacts).values({ id: contactId, workspaceId, displayName: 'Ana Pérez' });
  await db
    .insert(contactChannels)
    .values({ id: newId(), workspaceId, contactId, channel: 'sms', address: '+51911111111' });

  type Msg = {
    channel: 'sms' | 'whatsapp' | 'email';
    direction?: 'inbound';
    to: string;
    status: (typeof messages.$inferInsert)['status'];
    error?: string;
    campaign?: string;
    at: string;
  };
  const list: Msg[] = [
    {
      channel: 'sms',
      to: '+51911111111',
      status: 'delivered',
      campaign: campaignSms,
      at: '2026-11-02T10:00:00',
    },
    {
      channel: 'sms',
      to: '+51911111111',
      status: 'delivered',
      campaign: campaignSms,
      at: '2026-11-02T10:00:01',
    },
    {
      channel: 'sms',
      to: '+51911111111',
      status: 'delivered',
      campaign: campaignSms,
      at: '2026-11-03T10:00:00',
    },
    {
      channel: 'sms',
      to: '+51922222222',
      status: 'undelivered',
      error: 'ABSENT_SUBSCRIBER',
      campaign: campaignSms,
      at: '2026-11-03T10:00:00',
    },
    { channel: 'sms', to: '+51922222222', status: 'sent', campaign: campaignSms, at: '2026-11-10T10:00:00' },
    { channel: 'whatsapp', to: '+51911111111', status: 'read', at: '2026-11-04T12:00:00' },
    { channel: 'whatsapp', to: '+51911111111', status: 'failed', error: '131026', at: '2026-11-04T12:05:00' },
    { channel: 'email', to: 'a@x.pe', status: 'sent', campaign: campaignEmail, at: '2026-11-05T08:00:00' },
    { channel: 'email', to: 'b@x.pe', status: 'sent', campaign: campaignEmail, at: '2026-11-05T08:00:00' },
    { channel: 'email', to: 'c@x.pe', status: 'bounced', campaign: campaignEmail, at: '2026-11-05T08:00:00' },
    { channel: 'email', to: 'd@x.pe', status: 'sent', campaign: campaignEmail, at: '2026-11-12T08:00:00' },
    {
      channel: 'sms',
      direction: 'inbound',
      to: '+51911111111',
      status: 'received',
      at: '2026-11-02T10:05:00',
    },
    {
      channel: 'sms',
      direction: 'inbound',
      to: '+51911111111',
      status: 'received',
      at: '2026-11-02T10:06:00',
    },
    {
      channel: 'whatsapp',
      direction: 'inbound',
      to: '+51911111111',
      status: 'received',
      at: '2026-11-04T11:59:00',
    },
    // Before the period: in no figure.
    {
      channel: 'sms',
      to: '+51911111111',
      status: 'delivered',
      campaign: campaignSms,
      at: '2026-10-20T10:00:00',
    },
  ];
  const ids: string[] = [];
  for (const m of list) {
    const id = newId();
    ids.push(id);
    await db.insert(messages).values({
      id,
      workspaceId,
      channel: m.channel,
      direction: m.direction ?? 'outbound',
      contactAddress: m.to,
      campaignId: m.campaign ?? null,
      body: { text: 'hola' },
      status: m.status,
      errorCode: m.error ?? null,
      createdAt: lima(m.at),
    });
  }
  const [e1, e2, e3, e4] = ids.slice(7, 11) as [string, string, string, string];
  const event = (messageId: string, type: 'open' | 'click' | 'bounce' | 'unsubscribe', proxy = false) => ({
    id: newId(),
    workspaceId,
    messageId,
    type,
    proxy,
    at: lima('2026-11-06T09:00:00'),
  });
  await db
    .insert(emailEvents)
    .values([
      event(e1, 'open'),
      event(e1, 'open'),
      event(e1, 'open', true),
      event(e1, 'click'),
      event(e2, 'open'),
      event(e3, 'bounce'),
      event(e4, 'unsubscribe'),
      event(e4, 'open'),
    ]);

  await db.insert(quotas).values({
    id: newId(),
    workspaceId,
    channel: 'sms',
    period: 'month',
    amount: 1000,
    startsAt: lima('2026-11-01T00:00:00'),
  });
  const ledger = (
    delta: number,
    reason: (typeof quotaLedger.$inferInsert)['reason'],
    at: string,
    extra = {},
  ) => ({
    id: newId(),
    workspaceId,
    channel: 'sms' as const,
    delta,
    reason,
    at: lima(at),
    ...extra,
  });
  await db
    .insert(quotaLedger)
    .values([
      ledger(-1, 'delivered', '2026-11-02T10:00:05', { messageId: ids[0], campaignId: campaignSms }),
      ledger(-1, 'delivered', '2026-11-02T10:00:06', { messageId: ids[1], campaignId: campaignSms }),
      ledger(-1, 'delivered', '2026-11-03T10:00:05', { messageId: ids[2], campaignId: campaignSms }),
      ledger(500, 'top_up', '2026-11-03T12:00:00', { note: 'Recarga noviembre' }),
      ledger(1, 'refund', '2026-11-05T12:00:00'),
      ledger(-10, 'adjustment', '2026-11-10T12:00:00', { note: 'Corrección' }),
    ]);
  return { workspaceId, flowId, campaignSms, campaignEmail };
}
