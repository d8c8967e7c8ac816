import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { healthSamples, newId, openDb, workspaces, type DbHandle } from '@omniflow/db';
import { availabilityReport } from '../src/reports/availability-report.ts';
import { allReports } from '../src/reports/all-reports.ts';
import type { ReportFilters } from '../src/reports/report-registry.ts';
import { freshPostgresDatabase, type FreshDatabase } from './support/postgres.ts';

const from = new Date('2026-11-01T00:00:00Z');
const to = new Date('2026-11-02T00:00:00Z');
const filters: ReportFilters = {
  from: from.toISOString(),
  to: to.toISOString(),
  bucket: 'day',
  timezone: 'UTC',
};
const at = (hh: number, mm = 0) => new Date(from.getTime() + (hh * 60 + mm) * 60_000);

describe('the availability report', () => {
  let fresh: FreshDatabase;
  let handle: DbHandle;
  const workspaceId = newId();
  const otherWorkspace = newId();

  /** A sample every 30 s over [start, end), down with `error` inside [downFrom, downTo). */
  async function sample(
    component: string,
    workspace: string | null,
    start: Date,
    end: Date,
    down?: { from: Date; to: Date; error: string },
  ) {
    const rows = [];
    for (let t = start.getTime(); t < end.getTime(); t += 30_000) {
      const isDown = down !== undefined && t >= down.from.getTime() && t < down.to.getTime();
      rows.push({
        id: newId(),
        workspaceId: workspace,
        component,
        kind: component,
        sampledAt: new Date(t),
        intervalMs: 30_000,
        up: !isDown,
        lastError: isDown ? down.error : null,
      });
    }
    for (let i = 0; i < rows.length; i += 1000)
      await handle.db.insert(healthSamples).values(rows.slice(i, i + 1000));
  }

  beforeAll(async () => {
    fresh = await freshPostgresDatabase(inject('postgresUrl'));
    handle = await openDb({ databaseUrl: fresh.url });
    await handle.db.insert(workspaces).values([
      { id: workspaceId, name: 'Help desk' },
      { id: otherWorkspace, name: 'Other' },
    ]);
    // The API: up all day but for 14:00–14:30 (database unreachable).
    await sample('api', null, at(0), to, {
      from: at(14),
      to: at(14, 30),
      error: 'connect ECONNREFUSED 127.0.0.1:5432',
    });
    // The worker: not running 03:00–03:05 (no samples at all), and sampled only from the day's start.
    await sample('worker', null, at(0), at(3));
    await sample('worker', null, at(3, 5), to);
    // This workspace's SMS bind: saved at 12:00, down 20:00–20:01.
    await sample('sms', workspaceId, at(12), to, {
      from: at(20),
      to: at(20, 1),
      error: 'bind refused: ESME_RBINDFAIL',
    });
    // Another workspace's channel never shows here.
    await sample('email', otherWorkspace, at(0), to, { from: at(1), to: at(2), error: 'nope' });
  });
  afterAll(async () => {
    await handle?.close();
    await fresh?.drop();
  });

  const build = (language: 'en' | 'es' = 'en', now = to) =>
    availabilityReport(() => now).build({ db: handle.db }, { workspaceId, language, filters });

  it('gives each component its exact uptime against the 99.8 % target, outages listed', async () => {
    const doc = await build();
    expect(doc.report).toBe('availability');
    const [summary, outages] = doc.tables;
    expect(summary!.rows).toEqual([
      { component: 'API', uptime: 1 - 1800 / 86400, target: 0.998, met: 'no', downtime: 1800, outages: 1 },
      { component: 'Worker', uptime: 1 - 300 / 86400, target: 0.998, met: 'no', downtime: 300, outages: 1 },
      // 12 h measured (it did not exist before noon), 60 s down.
      {
        component: 'SMS (SMPP bind)',
        uptime: 1 - 60 / 43200,
        target: 0.998,
        met: 'yes',
        downtime: 60,
        outages: 1,
      },
    ]);
    expect(outages!.rows).toEqual([
      {
        component: 'API',
        start: at(14).toISOString(),
        end: at(14, 30).toISOString(),
        duration: 1800,
        lastError: 'connect ECONNREFUSED 127.0.0.1:5432',
      },
      {
        component: 'Worker',
        start: at(3).toISOString(),
        end: at(3, 5).toISOString(),
        duration: 300,
        lastError: 'no samples: the process was not running',
      },
      {
        component: 'SMS (SMPP bind)',
        start: at(20).toISOString(),
        end: at(20, 1).toISOString(),
        duration: 60,
        lastError: 'bind refused: ESME_RBINDFAIL',
      },
    ]);
    expect(doc.charts[0]!.series[0]!.data).toEqual([1 - 1800 / 86400, 1 - 300 / 86400, 1 - 60 / 43200]);
  });

  it("measures against the workspace's own target, in Spanish", async () => {
    await handle.db.update(workspaces).set({ slaTargetPercent: 99 }).where(eq(workspaces.id, workspaceId));
    const doc = await build('es');
    expect(doc.title).toBe('Disponibilidad del servicio');
    expect(doc.tables[0]!.rows.map((r) => [r.component, r.target, r.met])).toEqual([
      ['API', 0.99, 'no'],
      ['Worker (procesos de flujos)', 0.99, 'sí'],
      ['SMS (enlace SMPP)', 0.99, 'sí'],
    ]);
    expect(doc.tables[1]!.rows[1]!.lastError).toBe('sin muestras: el proceso no estaba en marcha');
    // The head every report has (reportHead): the period in the report's zone, then the target.
    expect(doc.generatedAt).toBe(to.toISOString());
    expect(doc.filters).toEqual([
      { label: 'Periodo', value: '2026-11-01 00:00 – 2026-11-02 00:00' },
      { label: 'Agrupado por', value: 'día' },
      { label: 'Zona horaria', value: 'UTC' },
      { label: 'Objetivo de SLA', value: '99 %' },
    ]);
    await handle.db.update(workspaces).set({ slaTargetPercent: 99.8 }).where(eq(workspaces.id, workspaceId));
  });

  it('counts the time since the last sample as down while the period is still going', async () => {
    // The period runs to 01:00 and it is 00:30: the samples stop at midnight, so the half hour
    // since counts as down beside the 14:00 outage, and the half hour still to come does not count.
    const later = { ...filters, to: new Date(to.getTime() + 3_600_000).toISOString() };
    const now = new Date(to.getTime() + 1_800_000);
    const doc = await availabilityReport(() => now).build(
      { db: handle.db },
      { workspaceId, language: 'en', filters: later },
    );
    const api = doc.tables[0]!.rows[0]!;
    expect(api.downtime).toBe(1800 + 1800);
  });

  it('is listed among the reports the reports route serves', () => {
    expect(allReports.map((r) => r.name)).toEqual(expect.arrayContaining(['availability', 'live-dashboard']));
  });
});
