import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { reportSchedules } from '@omniflow/db';
import { SmtpSink } from '@omniflow/nodes/drivers/email/testing';
import { channelResolverOf } from '../src/api/channel-resolver-of.ts';
import { allReports } from '../src/reports/all-reports.ts';
import type { ReportDefinition } from '../src/reports/report-registry.ts';
import { startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

/**
 * A report with known figures that also shows the period it was asked for, so the mail's
 * workbook proves both the rendering and the relative period ('yesterday' in the workspace's zone).
 */
const knownReport: ReportDefinition = {
  name: 'test-known-figures',
  title: { en: 'Known figures', es: 'Cifras conocidas' },
  description: { en: 'Figures the test knows', es: 'Cifras que la prueba conoce' },
  async build(_deps, { language, filters }) {
    return {
      report: 'test-known-figures',
      title: language === 'es' ? 'Cifras conocidas' : 'Known figures',
      language,
      generatedAt: new Date().toISOString(),
      timezone: filters.timezone,
      filters: [
        { label: 'from', value: filters.from },
        { label: 'to', value: filters.to },
      ],
      charts: [],
      tables: [
        {
          name: language === 'es' ? 'Llamadas' : 'Calls',
          columns: [
            { key: 'queue', label: language === 'es' ? 'Cola' : 'Queue', type: 'text' },
            { key: 'answered', label: language === 'es' ? 'Atendidas' : 'Answered', type: 'integer' },
          ],
          rows: [
            { queue: 'Ventas', answered: 41 },
            { queue: 'Soporte', answered: 17 },
          ],
          totals: { queue: null, answered: 58 },
        },
      ],
    };
  },
};

describe.skipIf(!inject('postgresUrl'))('scheduled reports e-mailed', () => {
  let omni: TestOmniflow;
  let sink: SmtpSink;
  const input = {
    report: knownReport.name,
    period: 'yesterday',
    format: 'xlsx',
    frequency: 'daily',
    hour: 7,
    recipients: ['jefa@example.test', 'Analista@Example.test'],
    language: 'es',
  };

  const until = async <T>(what: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await what();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error('timed out waiting');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const finished = (id: string, scheduleId: string) =>
    until(async () => {
      const list = await omni.call('GET', `/api/v1/report-schedules/${scheduleId}/deliveries`);
      const delivery = list.body.items.find((d: { id: string }) => d.id === id);
      return delivery && delivery.status !== 'sending' && delivery.finishedAt ? delivery : undefined;
    });
  const workbookOf = async (raw: string) => {
    const mail = await simpleParser(raw);
    expect(mail.attachments).toHaveLength(1);
    const attachment = mail.attachments[0]!;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(attachment.content as unknown as ArrayBuffer);
    return { mail, attachment, workbook };
  };

  beforeAll(async () => {
    allReports.push(knownReport);
    process.env.OMNIFLOW_REPORT_RETRY_SECONDS = '1';
    sink = await SmtpSink.start();
    omni = await startTestOmniflow({ db: 'postgres' });
    const saved = await omni.call('PUT', '/api/v1/channels/email', {
      provider: 'smtp',
      config: {
        host: '127.0.0.1',
        port: sink.port,
        security: 'none',
        fromAddress: 'informes@omniflow.test',
        fromName: 'Informes Omniflow',
      },
    });
    expect(saved.status).toBe(200);
    await omni.handle.db.execute(
      // Lima's midnight is 05:00 UTC: 'yesterday' must be cut there, not at UTC midnight.
      `update workspaces set timezone = 'America/Lima'` as never,
    );
  });
  afterAll(async () => {
    allReports.splice(allReports.indexOf(knownReport), 1);
    delete process.env.OMNIFLOW_REPORT_RETRY_SECONDS;
    await channelResolverOf(omni?.deps)?.close();
    await omni?.close();
    await sink?.close();
  });

  it('refuses bad schedules with a 400 in the caller’s language', async () => {
    const bad = [
      { ...input, recipients: [] },
      { ...input, recipients: ['not-an-address'] },
      { ...input, hour: 24 },
      { ...input, frequency: 'hourly' },
      { ...input, format: 'docx' },
      { ...input, period: 'last-year' },
    ];
    for (const body of bad) {
      const en = await omni.call('POST', '/api/v1/report-schedules', body, { 'accept-language': 'en' });
      expect(en.status, JSON.stringify(body)).toBe(400);
      expect(en.body.error.code).toBe('VALIDATION_FAILED');
    }
    const es = await omni.call(
      'POST',
      '/api/v1/report-schedules',
      { ...input, recipients: [] },
      { 'accept-language': 'es' },
    );
    expect(es.status).toBe(400);
    const en = await omni.call(
      'POST',
      '/api/v1/report-schedules',
      { ...input, recipients: [] },
      { 'accept-language': 'en' },
    );
    expect(en.body.error.message).toContain('Add at least one recipient');
    expect(es.body.error.message).not.toBe(en.body.error.message);

    const unknownEs = await omni.call(
      'POST',
      '/api/v1/report-schedules',
      { ...input, report: 'nada' },
      { 'accept-language': 'es' },
    );
    expect(unknownEs.status).toBe(400);
    expect(unknownEs.body.error).toMatchObject({ code: 'UNKNOWN_REPORT' });
    expect(unknownEs.body.error.message).toContain('No existe el informe «nada»');
    const unknownEn = await omni.call(
      'POST',
      '/api/v1/report-schedules',
      { ...input, report: 'nada' },
      { 'accept-language': 'en' },
    );
    expect(unknownEn.body.error.message).toContain('There is no report "nada"');

    const missing = await omni.call(
      'GET',
      '/api/v1/report-schedules/0190b3c4-0000-7000-8000-000000000000',
      undefined,
      { 'accept-language': 'es' },
    );
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toContain('No existe ese informe programado');
  });

  it('creates, lists, changes and deletes a schedule, due at its hour in the workspace’s zone', async () => {
    const created = await omni.call('POST', '/api/v1/report-schedules', input);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      report: knownReport.name,
      recipients: ['jefa@example.test', 'analista@example.test'],
      timezone: 'America/Lima',
      enabled: true,
      lastDelivery: null,
    });
    // 07:00 in Lima is 12:00 UTC, within the next day.
    const next = new Date(created.body.nextRunAt);
    expect(next.getUTCHours()).toBe(12);
    expect(next.getTime() - Date.now()).toBeLessThanOrEqual(86_400_000);
    expect(next.getTime()).toBeGreaterThan(Date.now());

    const list = await omni.call('GET', '/api/v1/report-schedules');
    expect(list.body.reports).toContain(knownReport.name);
    expect(list.body.items.map((s: { id: string }) => s.id)).toContain(created.body.id);

    const changed = await omni.call('PUT', `/api/v1/report-schedules/${created.body.id}`, {
      ...input,
      frequency: 'monthly',
      format: 'pdf',
      period: 'last-month',
    });
    expect(changed.status).toBe(200);
    expect(new Date(changed.body.nextRunAt).getUTCDate()).toBe(1);
    expect(changed.body).toMatchObject({ format: 'pdf', frequency: 'monthly', period: 'last-month' });

    expect((await omni.call('DELETE', `/api/v1/report-schedules/${created.body.id}`)).status).toBe(204);
    expect((await omni.call('GET', `/api/v1/report-schedules/${created.body.id}`)).status).toBe(404);
  });

  it('sends now: every recipient gets the mail with the workbook attached, its figures intact', async () => {
    const created = await omni.call('POST', '/api/v1/report-schedules', input);
    const sent = await omni.call('POST', `/api/v1/report-schedules/${created.body.id}/send`);
    expect(sent.status).toBe(202);
    expect(sent.body).toMatchObject({ trigger: 'manual', status: 'sending' });
    const delivery = await finished(sent.body.id, created.body.id);
    expect(delivery).toMatchObject({ status: 'sent', attempts: 1, error: null });
    expect(delivery.filename).toMatch(/^test-known-figures-\d{4}-\d{2}-\d{2}\.xlsx$/);

    for (const to of ['jefa@example.test', 'analista@example.test']) {
      const [raw] = sink.mailsTo(to);
      expect(raw, to).toBeDefined();
      const { mail, attachment, workbook } = await workbookOf(raw!.raw);
      expect(mail.subject).toMatch(/^Cifras conocidas — /);
      expect(mail.text).toContain('Adjuntamos el informe «Cifras conocidas»');
      expect(attachment.filename).toBe(delivery.filename);
      expect(attachment.contentType).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      expect(attachment.size).toBe(delivery.bytes);
      const sheet = workbook.getWorksheet('Llamadas')!;
      expect(
        sheet
          .getSheetValues()
          .filter(Boolean)
          .map((r) => (r as unknown[]).slice(1)),
      ).toEqual([
        ['Cola', 'Atendidas'],
        ['Ventas', 41],
        ['Soporte', 17],
        ['Total', 58],
      ]);
      // 'yesterday' in Lima: from its midnight (05:00 UTC) to the next.
      const cover = workbook.worksheets[0]!;
      const values = Object.fromEntries(
        cover
          .getSheetValues()
          .filter(Boolean)
          .map((r) => [(r as unknown[])[1], (r as unknown[])[2]]),
      );
      expect(values.from).toMatch(/T05:00:00\.000Z$/);
      expect(new Date(values.to as string).getTime() - new Date(values.from as string).getTime()).toBe(
        86_400_000,
      );
      expect(new Date(values.to as string).getTime()).toBeLessThanOrEqual(Date.now());
    }
    const listed = await omni.call('GET', '/api/v1/report-schedules');
    const mine = listed.body.items.find((s: { id: string }) => s.id === created.body.id);
    expect(mine.lastDelivery).toMatchObject({ id: sent.body.id, status: 'sent' });
  });

  it('records a refused mail as failed with the server’s reason, retries, and sends once the server takes it', async () => {
    const created = await omni.call('POST', '/api/v1/report-schedules', {
      ...input,
      recipients: ['ocupado@example.test'],
    });
    sink.refusals.set('ocupado@example.test', [
      { code: 451, text: '4.3.0 Mailbox busy, try later', times: 1 },
    ]);
    const sent = await omni.call('POST', `/api/v1/report-schedules/${created.body.id}/send`);
    const delivery = await until(async () => {
      const d = await finished(sent.body.id, created.body.id);
      return d.status === 'sent' ? d : undefined;
    });
    expect(delivery.attempts).toBe(2);
    expect(sink.attempts.filter((a) => a === 'ocupado@example.test')).toHaveLength(2);
    expect(sink.mailsTo('ocupado@example.test')).toHaveLength(1);

    const never = await omni.call('POST', '/api/v1/report-schedules', {
      ...input,
      recipients: ['nadie@example.test'],
    });
    sink.refusals.set('nadie@example.test', [{ code: 550, text: '5.1.1 No such user here', times: 10 }]);
    const tried = await omni.call('POST', `/api/v1/report-schedules/${never.body.id}/send`);
    const failed = await until(async () => {
      const d = await finished(tried.body.id, never.body.id);
      return d.attempts === 3 && d.status === 'failed' ? d : undefined;
    });
    expect(failed.error).toContain('No such user here');
    expect(sink.attempts.filter((a) => a === 'nadie@example.test')).toHaveLength(3);
    const listed = await omni.call('GET', `/api/v1/report-schedules/${never.body.id}`);
    expect(listed.body.lastDelivery).toMatchObject({ status: 'failed', attempts: 3 });
  });

  it('the periodic sweep sends a schedule that is due and moves it to its next time', async () => {
    const created = await omni.call('POST', '/api/v1/report-schedules', {
      ...input,
      recipients: ['semanal@example.test'],
      frequency: 'weekly',
      period: 'last-week',
    });
    await omni.handle.db
      .update(reportSchedules)
      .set({ nextRunAt: new Date(Date.now() - 60_000) })
      .where(eq(reportSchedules.id, created.body.id));
    const count = await omni.temporal.workflow.execute('scheduledReports', {
      taskQueue: omni.taskQueue,
      workflowId: `test-report-sweep-${Date.now()}`,
      args: [1000],
    });
    expect(count).toBeGreaterThanOrEqual(1);
    const delivery = await until(async () => {
      const list = await omni.call('GET', `/api/v1/report-schedules/${created.body.id}/deliveries`);
      const d = list.body.items[0];
      return d?.status === 'sent' ? d : undefined;
    });
    expect(delivery.trigger).toBe('schedule');
    const after = await omni.call('GET', `/api/v1/report-schedules/${created.body.id}`);
    const next = new Date(after.body.nextRunAt);
    expect(next.getTime()).toBeGreaterThan(Date.now());
    // Mondays at 07:00 Lima (12:00 UTC).
    expect(next.getUTCDay()).toBe(1);
    expect(next.getUTCHours()).toBe(12);
    const { workbook } = await workbookOf(sink.mailsTo('semanal@example.test')[0]!.raw);
    const cover = workbook.worksheets[0]!;
    const values = Object.fromEntries(
      cover
        .getSheetValues()
        .filter(Boolean)
        .map((r) => [(r as unknown[])[1], (r as unknown[])[2]]),
    );
    expect(new Date(values.to as string).getTime() - new Date(values.from as string).getTime()).toBe(
      7 * 86_400_000,
    );
    expect(new Date(values.from as string).getUTCDay()).toBe(1);
  });
});
