import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, users, workspaces, type Role } from '@omniflow/db';
import { createApiKey } from '../src/api/api-keys.ts';
import { startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';
import { reportPeriod, seedReportData, type ReportFixture } from './support/report-fixtures.ts';

// The reports route over real PostgreSQL with a month of traffic whose totals are known by hand
// (support/report-fixtures.ts): every report's figures, in JSON and CSV, in Lima's time zone.
interface Doc {
  report: string;
  title: string;
  timezone: string;
  filters: { label: string; value: string }[];
  charts: { title: string; categories: string[]; series: { name: string; data: number[] }[] }[];
  tables: {
    name: string;
    columns: { key: string; label: string }[];
    rows: Record<string, string | number | null>[];
    totals?: Record<string, string | number | null>;
  }[];
}

interface Answer {
  items: { name: string; title: string; filters: string[] }[];
  error: { code: string; message: string };
}
const read = async (response: Response) => (await response.json()) as Answer;

describe('reports', () => {
  let omni: TestOmniflow;
  let fixture: ReportFixture;
  const keys: Partial<Record<Role, string>> = {};
  const period = `from=${encodeURIComponent(reportPeriod.from)}&to=${encodeURIComponent(reportPeriod.to)}`;

  const get = async (path: string, language = 'en', role?: Role) =>
    omni.app.request(`/api/v1${path}`, {
      headers: {
        authorization: `Bearer ${role ? keys[role] : omni.apiKey}`,
        'accept-language': language,
      },
    });
  const report = async (name: string, query = '', language = 'en'): Promise<Doc> => {
    const response = await get(`/reports/${name}?${period}${query}`, language);
    expect(response.status).toBe(200);
    return (await response.json()) as Doc;
  };
  const table = (doc: Doc, index: number) => doc.tables[index]!;
  const row = (doc: Doc, index: number, key: string, value: string) =>
    table(doc, index).rows.find((r) => r[key] === value);

  beforeAll(async () => {
    omni = await startTestOmniflow({ db: 'postgres', worker: false });
    const workspaceId = (await omni.handle.db.select().from(workspaces))[0]!.id;
    fixture = await seedReportData(omni.handle.db, workspaceId);
    for (const role of ['viewer', 'agent'] as const) {
      const userId = newId();
      await omni.handle.db
        .insert(users)
        .values({ id: userId, workspaceId, email: `${role}@reports.test`, passwordHash: 'x', role });
      keys[role] = (await createApiKey(omni.handle.db, workspaceId, role, userId, role)).key;
    }
  }, 120_000);
  afterAll(() => omni?.close());

  it('lists every report with its title in the reader’s language', async () => {
    const en = await read(await get('/reports'));
    expect(en.items.map((r) => r.name)).toEqual([
      'call-traffic',
      'ivr',
      'outbound-messages',
      'email',
      'interactions',
      'quota-consumption',
      'availability',
      'flow-analytics',
      'live-dashboard',
    ]);
    const es = await read(await get('/reports', 'es'));
    // Each with a title of its own, never its name, in the picker.
    for (const item of es.items) expect(item.title, item.name).not.toBe(item.name);
    expect(es.items[0]).toMatchObject({ name: 'call-traffic', title: 'Tráfico de llamadas entrantes' });
    expect(es.items[0]?.filters).toEqual(['flow', 'queue', 'agent']);
  });

  it('counts inbound calls per local day: a call at 23:59 Lima is that day’s', async () => {
    const doc = await report('call-traffic', '&bucket=day');
    expect(doc.timezone).toBe('America/Lima');
    const days = table(doc, 0);
    expect(days.rows).toHaveLength(14);
    expect(days.rows[0]).toEqual({
      period: '2026-11-02',
      offered: 2,
      answered: 1,
      abandoned: 1,
      transferred: 0,
      waiting: 30,
      handling: 120,
    });
    expect(row(doc, 0, 'period', '2026-11-03')).toMatchObject({ offered: 0 });
    expect(row(doc, 0, 'period', '2026-11-08')).toMatchObject({ offered: 1, abandoned: 1, answered: 0 });
    expect(row(doc, 0, 'period', '2026-11-09')).toMatchObject({
      offered: 1,
      transferred: 1,
      waiting: 10,
      handling: 60,
    });
    expect(days.totals).toEqual({
      period: 'Total',
      offered: 4,
      answered: 2,
      abandoned: 2,
      transferred: 1,
      waiting: 20,
      handling: 90,
    });
    const hours = table(doc, 1);
    expect(hours.rows).toHaveLength(24);
    expect(hours.rows.filter((r) => r.offered !== 0).map((r) => r.hour)).toEqual([
      '09:00',
      '10:00',
      '22:00',
      '23:00',
    ]);
    expect(doc.charts[0]!.series.map((s) => s.name)).toEqual(['Offered', 'Answered', 'Abandoned']);
  });

  it('puts the same calls on other days in UTC, and starts weeks on Monday', async () => {
    const utc = await report('call-traffic', '&bucket=day&timezone=UTC');
    expect(row(utc, 0, 'period', '2026-11-03')).toMatchObject({ offered: 1, abandoned: 1 });
    expect(row(utc, 0, 'period', '2026-11-09')).toMatchObject({ offered: 2 });
    const weeks = await report('call-traffic', '&bucket=week');
    expect(table(weeks, 0).rows.map((r) => [r.period, r.offered])).toEqual([
      ['2026-11-02', 3],
      ['2026-11-09', 1],
    ]);
    const weeksUtc = await report('call-traffic', '&bucket=week&timezone=UTC');
    expect(table(weeksUtc, 0).rows.map((r) => [r.period, r.offered])).toEqual([
      ['2026-11-02', 2],
      ['2026-11-09', 2],
      // The period ends at midnight Lima, 05:00 UTC on the 16th: a few hours of a third week.
      ['2026-11-16', 0],
    ]);
  });

  it('narrows calls to a queue, an agent and a flow', async () => {
    const sales = await report('call-traffic', '&queue=ventas');
    expect(table(sales, 0).totals).toMatchObject({ offered: 1, answered: 1, waiting: 30 });
    const luis = await report('call-traffic', `&agentId=${encodeURIComponent('sip:luis@pbx')}`);
    expect(table(luis, 0).totals).toMatchObject({ offered: 1, transferred: 1 });
    const flow = await report('call-traffic', `&flowId=${fixture.flowId}`);
    expect(table(flow, 0).totals).toMatchObject({ offered: 3 });
    expect(flow.filters).toContainEqual({ label: 'Flow', value: 'Mesa de ayuda' });
  });

  it('counts IVR entries, options per menu by their names and the time in the IVR', async () => {
    const doc = await report('ivr', '&bucket=week', 'es');
    expect(table(doc, 0).rows).toEqual([
      { period: '2026-11-02', entries: 2, time: 7.5 },
      { period: '2026-11-09', entries: 1, time: 5 },
    ]);
    expect(table(doc, 0).totals).toEqual({ period: 'Total', entries: 3, time: 6.67 });
    expect(table(doc, 1).rows).toEqual([
      { menu: 'Mesa de ayuda · Menú principal', option: '1 · Ventas', chosen: 2, share: 0.6667, time: 7.5 },
      { menu: 'Mesa de ayuda · Menú principal', option: '2 · Soporte', chosen: 1, share: 0.3333, time: 5 },
    ]);
  });

  it('counts outbound messages by outcome, channel, campaign and reason', async () => {
    const doc = await report('outbound-messages', '&bucket=week');
    expect(table(doc, 0).totals).toEqual({
      period: 'Total',
      sent: 11,
      delivered: 4,
      undelivered: 3,
      pending: 4,
      deliveryRate: 0.3636,
    });
    expect(table(doc, 0).rows.map((r) => [r.period, r.sent])).toEqual([
      ['2026-11-02', 9],
      ['2026-11-09', 2],
    ]);
    expect(row(doc, 1, 'channel', 'SMS')).toMatchObject({
      sent: 5,
      delivered: 3,
      undelivered: 1,
      pending: 1,
    });
    expect(row(doc, 1, 'channel', 'WhatsApp')).toMatchObject({ sent: 2, delivered: 1, undelivered: 1 });
    expect(row(doc, 1, 'channel', 'Email')).toMatchObject({ sent: 4, undelivered: 1, pending: 3 });
    expect(row(doc, 2, 'campaign', 'Black Friday')).toMatchObject({ sent: 5, delivered: 3 });
    expect(row(doc, 2, 'campaign', 'Boletín')).toMatchObject({ sent: 4 });
    expect(table(doc, 3).rows).toEqual(
      expect.arrayContaining([
        { channel: 'SMS', reason: 'ABSENT_SUBSCRIBER', messages: 1 },
        { channel: 'WhatsApp', reason: '131026', messages: 1 },
        { channel: 'Email', reason: 'Bounced', messages: 1 },
      ]),
    );
    const campaign = await report('outbound-messages', `&campaignId=${fixture.campaignSms}`);
    expect(table(campaign, 0).totals).toMatchObject({ sent: 5 });
    const sms = await report('outbound-messages', '&channel=sms');
    expect(table(sms, 0).totals).toMatchObject({ sent: 5 });
  });

  it('counts mails opened, clicked, bounced and unsubscribed, unique and total, without proxy opens', async () => {
    const doc = await report('email');
    expect(table(doc, 1).rows).toEqual([
      { metric: 'Sent', unique: 4, total: 4, rate: 1 },
      { metric: 'Opened', unique: 3, total: 4, rate: 0.75 },
      { metric: 'Clicked', unique: 1, total: 1, rate: 0.25 },
      { metric: 'Bounced', unique: 1, total: 1, rate: 0.25 },
      { metric: 'Unsubscribed', unique: 1, total: 1, rate: 0.25 },
      { metric: 'Marked as spam', unique: 0, total: 0, rate: 0 },
    ]);
    expect(table(doc, 0).totals).toMatchObject({ sent: 4, opened: 3, clicked: 1 });
    expect(row(doc, 0, 'period', '2026-11-05')).toMatchObject({ sent: 3, opened: 2 });
  });

  it('counts interactions per channel and per contact, calls included', async () => {
    const doc = await report('interactions', '&bucket=month');
    expect(table(doc, 0).rows).toEqual([
      { period: '2026-11', email: 4, sms: 7, voice: 4, whatsapp: 3, total: 18 },
    ]);
    expect(row(doc, 1, 'channel', 'Voice')).toEqual({
      channel: 'Voice',
      inbound: 4,
      outbound: 0,
      total: 4,
      contacts: 2,
    });
    expect(table(doc, 2).rows[0]).toEqual({
      contact: 'Ana Pérez',
      address: '+51911111111',
      channels: 3,
      inbound: 5,
      outbound: 5,
      total: 10,
    });
  });

  it('shows each quota’s consumption in the period and its top-ups and adjustments', async () => {
    const doc = await report('quota-consumption', '&bucket=week', 'es');
    expect(table(doc, 0).rows).toEqual([
      {
        channel: 'SMS',
        renews: 'mensual',
        amount: 1000,
        limit: 1000,
        used: 0,
        remaining: 1000,
        usedShare: 0,
        consumed: 2,
      },
    ]);
    expect(table(doc, 1).rows).toEqual([
      { period: '2026-11-02', channel: 'SMS', consumed: 2, refunded: 1, added: 500 },
      { period: '2026-11-09', channel: 'SMS', consumed: 0, refunded: 0, added: -10 },
    ]);
    expect(table(doc, 2).rows.map((r) => [r.change, r.reason, r.note])).toEqual([
      [-10, 'Ajuste', 'Corrección'],
      [500, 'Recarga', 'Recarga noviembre'],
    ]);
  });

  it('downloads a report as CSV: one section per table with the same figures', async () => {
    const response = await get(`/reports/call-traffic?${period}&format=csv`, 'es');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="call-traffic-.*\.csv"$/,
    );
    const csv = (await response.text()).replace(/^\uFEFF/, '');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('Tráfico de llamadas entrantes');
    expect(lines).toContain('Llamadas');
    expect(lines).toContain(
      'Periodo,Ofrecidas,Atendidas,Abandonadas,Transferidas,Espera media en cola (s),Tiempo medio de atención (s)',
    );
    expect(lines).toContain('2026-11-02,2,1,1,0,30,120');
    expect(lines).toContain('Total,4,2,2,1,20,90');
    expect(lines).toContain('Por hora del día');
    const email = await (await get(`/reports/email?${period}&format=csv`)).text();
    expect(email).toContain('\r\nOpened,3,4,0.75\r\n');
  });

  it('downloads the same report as an Excel workbook and a PDF', async () => {
    const xlsx = await get(`/reports/email?${period}&format=xlsx`, 'es');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(xlsx.headers.get('content-disposition')).toMatch(/^attachment; filename="email-.*\.xlsx"$/);
    // A workbook is a zip: its first bytes are the local file header.
    expect(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    const pdf = await get(`/reports/email?${period}&format=pdf`, 'es');
    expect(pdf.status).toBe(200);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it('refuses bad filters with 400 in the reader’s language and an unknown report with 404', async () => {
    const tooMany = await get(`/reports/call-traffic?${period}&bucket=minute`, 'es');
    expect(tooMany.status).toBe(400);
    const body = await read(tooMany);
    expect(body.error.code).toBe('REPORT_FILTERS_INVALID');
    expect(body.error.message).toMatch(/^Ese periodo da 20160 intervalos, más de 1500 filas/);
    const reversed = await get(
      `/reports/call-traffic?from=${encodeURIComponent(reportPeriod.to)}&to=${encodeURIComponent(reportPeriod.from)}`,
    );
    expect(reversed.status).toBe(400);
    expect((await read(reversed)).error.message).toMatch(/`from` must be before `to`/);
    const long = await get('/reports/ivr?from=2025-01-01T00:00:00Z&to=2026-06-01T00:00:00Z', 'es');
    expect((await read(long)).error.message).toMatch(/más de 367 días/);
    const badZone = await get(`/reports/ivr?${period}&timezone=Mars/Olympus`);
    expect(badZone.status).toBe(400);
    expect((await read(badZone)).error.message).toMatch(/IANA time zone/);
    const badBucket = await get(`/reports/ivr?${period}&bucket=year`, 'es');
    expect(badBucket.status).toBe(400);
    expect((await read(badBucket)).error.message).toMatch(/Elige una de estas opciones/);
    const unknown = await get(`/reports/nope?${period}`, 'es');
    expect(unknown.status).toBe(404);
    expect((await read(unknown)).error.message).toMatch(/No hay ningún informe llamado «nope»/);
  });

  it('lets a viewer read reports and refuses an agent', async () => {
    expect((await get(`/reports/email?${period}`, 'en', 'viewer')).status).toBe(200);
    const agent = await get(`/reports/email?${period}`, 'en', 'agent');
    expect(agent.status).toBe(403);
    expect((await get('/reports', 'en', 'agent')).status).toBe(403);
  });

  it('keeps another workspace’s data out', async () => {
    const other = newId();
    await omni.handle.db.insert(workspaces).values({ id: other, name: 'Other' });
    await seedReportData(omni.handle.db, other);
    const doc = await report('call-traffic');
    expect(table(doc, 0).totals).toMatchObject({ offered: 4 });
  });
});
