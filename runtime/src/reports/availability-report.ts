import { eq } from 'drizzle-orm';
import { workspaces } from '@omniflow/db';
import { availabilityOf } from '../health/availability.ts';
import { componentLabel } from '../health/component-label.ts';
import { componentOrder, samplesForPeriod } from '../health/health-queries.ts';
import { reportHead } from './describe-filters.ts';
import type { ReportDocument, ReportTable } from './report-document.ts';
import type { ReportDefinition } from './report-registry.ts';

const words = {
  en: {
    title: 'Service availability',
    target: 'SLA target',
    summary: 'Availability',
    outages: 'Outages',
    component: 'Component',
    uptime: 'Uptime',
    met: 'Target met',
    yes: 'yes',
    no: 'no',
    notMeasured: 'not measured',
    downtime: 'Downtime',
    count: 'Outages',
    start: 'Start',
    end: 'End',
    duration: 'Duration',
    lastError: 'Last error',
    unsampled: 'no samples: the process was not running',
    chart: 'Uptime by component',
  },
  es: {
    title: 'Disponibilidad del servicio',
    target: 'Objetivo de SLA',
    summary: 'Disponibilidad',
    outages: 'Caídas',
    component: 'Componente',
    uptime: 'Disponibilidad',
    met: 'Objetivo cumplido',
    yes: 'sí',
    no: 'no',
    notMeasured: 'sin medir',
    downtime: 'Tiempo caído',
    count: 'Caídas',
    start: 'Inicio',
    end: 'Fin',
    duration: 'Duración',
    lastError: 'Último error',
    unsampled: 'sin muestras: el proceso no estaba en marcha',
    chart: 'Disponibilidad por componente',
  },
};

/**
 * Uptime of the API, the worker and each channel over the period against the workspace's SLA
 * target, with every outage, from the health samples the system writes (health/health-sampler.ts;
 * how gaps count: health/availability.ts).
 */
export function availabilityReport(clock: () => Date = () => new Date()): ReportDefinition {
  return {
    name: 'availability',
    title: { en: 'Service availability', es: 'Disponibilidad del servicio' },
    description: {
      en: 'Uptime of the API, the worker and each channel against the SLA target, with every outage.',
      es: 'Tiempo en servicio de la API, el worker y cada canal frente al objetivo de SLA, con cada caída.',
    },
    async build(deps, context): Promise<ReportDocument> {
      const { db } = deps;
      const { workspaceId, language, filters } = context;
      const w = words[language];
      const from = new Date(filters.from);
      const to = new Date(filters.to);
      const now = clock();
      const [workspace] = await db
        .select({ target: workspaces.slaTargetPercent })
        .from(workspaces)
        .where(eq(workspaces.id, workspaceId));
      const target = (workspace?.target ?? 99.8) / 100;
      const { rows, firsts } = await samplesForPeriod(db, workspaceId, from, to);
      const byComponent = new Map<string, typeof rows>();
      for (const row of rows)
        byComponent.set(row.component, [...(byComponent.get(row.component) ?? []), row]);
      const components = [...byComponent.keys()].sort(
        (a, b) => componentOrder(a) - componentOrder(b) || a.localeCompare(b),
      );

      const summary: ReportTable = {
        name: w.summary,
        columns: [
          { key: 'component', label: w.component, type: 'text' },
          { key: 'uptime', label: w.uptime, type: 'percent' },
          { key: 'target', label: w.target, type: 'percent' },
          { key: 'met', label: w.met, type: 'text' },
          { key: 'downtime', label: w.downtime, type: 'duration' },
          { key: 'outages', label: w.count, type: 'integer' },
        ],
        rows: [],
      };
      const outages: ReportTable = {
        name: w.outages,
        columns: [
          { key: 'component', label: w.component, type: 'text' },
          { key: 'start', label: w.start, type: 'datetime' },
          { key: 'end', label: w.end, type: 'datetime' },
          { key: 'duration', label: w.duration, type: 'duration' },
          { key: 'lastError', label: w.lastError, type: 'text' },
        ],
        rows: [],
      };
      const chart = { categories: [] as string[], data: [] as number[] };
      for (const component of components) {
        const samples = (byComponent.get(component) ?? []).map((row) => ({
          at: new Date(row.sampled_at).getTime(),
          intervalMs: row.interval_ms,
          up: row.up,
          lastError: row.last_error,
        }));
        const result = availabilityOf(samples, {
          from: from.getTime(),
          to: to.getTime(),
          now: now.getTime(),
          firstSampleAt: firsts.get(component) ?? null,
        });
        const label = componentLabel(component, language);
        summary.rows.push({
          component: label,
          uptime: result.uptime,
          target,
          met: result.uptime === null ? w.notMeasured : result.uptime >= target ? w.yes : w.no,
          downtime: (result.measuredMs - result.upMs) / 1000,
          outages: result.outages.length,
        });
        if (result.uptime !== null) {
          chart.categories.push(label);
          chart.data.push(result.uptime);
        }
        for (const outage of result.outages)
          outages.rows.push({
            component: label,
            start: new Date(outage.start).toISOString(),
            end: new Date(outage.end).toISOString(),
            duration: (outage.end - outage.start) / 1000,
            lastError: outage.lastError ?? (outage.unsampled ? w.unsampled : null),
          });
      }
      const head = await reportHead(deps, context, 'availability', w.title, now);
      return {
        ...head,
        filters: [
          ...head.filters,
          {
            label: w.target,
            value: `${(target * 100).toLocaleString(language, { maximumFractionDigits: 3 })} %`,
          },
        ],
        charts: [
          {
            title: w.chart,
            kind: 'bar',
            categories: chart.categories,
            series: [{ name: w.uptime, data: chart.data }],
            valueType: 'percent',
          },
        ],
        tables: [summary, outages],
      };
    },
  };
}
