import { sql, type SQL } from 'drizzle-orm';
import { queryRows } from '@omniflow/db';
import type { ReportColumn, ReportDocument } from './report-document.ts';
import type { ReportContext, ReportDefinition, ReportDeps } from './report-registry.ts';
import { pick, reportHead } from './describe-filters.ts';
import { outsideRollupRange, rolledUpRows, rollupRangeOf, type RollupRange } from './report-rollup-range.ts';
import { bucketLabel, bucketOf, bucketSeries, inPeriod, num, seconds } from './report-sql.ts';

const text = {
  title: { en: 'Inbound call traffic', es: 'Tráfico de llamadas entrantes' },
  description: {
    en: 'Calls offered, answered, abandoned and transferred, with waiting and handling times, per period and by hour of day.',
    es: 'Llamadas ofrecidas, atendidas, abandonadas y transferidas, con tiempos de espera y de atención, por periodo y por hora del día.',
  },
  byBucket: { en: 'Calls', es: 'Llamadas' },
  byHour: { en: 'By hour of day', es: 'Por hora del día' },
  chart: { en: 'Calls offered, answered and abandoned', es: 'Llamadas ofrecidas, atendidas y abandonadas' },
  hourChart: { en: 'Calls by hour of day', es: 'Llamadas por hora del día' },
  period: { en: 'Period', es: 'Periodo' },
  hour: { en: 'Hour', es: 'Hora' },
  offered: { en: 'Offered', es: 'Ofrecidas' },
  answered: { en: 'Answered', es: 'Atendidas' },
  abandoned: { en: 'Abandoned', es: 'Abandonadas' },
  transferred: { en: 'Transferred', es: 'Transferidas' },
  waiting: { en: 'Average wait in queue (s)', es: 'Espera media en cola (s)' },
  handling: { en: 'Average handling time (s)', es: 'Tiempo medio de atención (s)' },
  total: { en: 'Total', es: 'Total' },
};

interface Row {
  label: string;
  offered: string;
  answered: string;
  abandoned: string;
  transferred: string;
  waited_sum: string | null;
  waited_n: string;
  handled_sum: string | null;
  handled_n: string;
}

/**
 * The calls of the period with their queue wait: a caller's last agent-queue step (its output
 * says which queue, which agent answered and how long they waited). Answered means picked up and
 * not ended by the caller, abandoned means the caller hung up first, as on the Calls page.
 * `c` holds counts and sums per row: one call each from call_records, a group each from the
 * rollup, which answers for the period's closed buckets (`range`).
 */
function callsOf({ workspaceId, filters }: ReportContext, range: RollupRange | null): SQL {
  const conditions: SQL[] = [
    sql`cr.workspace_id = ${workspaceId}::uuid`,
    inPeriod(filters, sql`cr.started_at`),
    outsideRollupRange(range, sql`cr.started_at`),
  ];
  const rollupConditions: SQL[] = [sql`rc.workspace_id = ${workspaceId}::uuid`];
  if (filters.flowId) {
    conditions.push(sql`cr.flow_id = ${filters.flowId}::uuid`);
    rollupConditions.push(sql`rc.flow_id = ${filters.flowId}::uuid`);
  }
  if (filters.flowVersion !== undefined) {
    conditions.push(
      sql`exists (select 1 from runs r where r.id = cr.run_id and r.version = ${filters.flowVersion})`,
    );
    rollupConditions.push(sql`rc.flow_version = ${filters.flowVersion}`);
  }
  if (filters.queue) {
    conditions.push(sql`q.queue = ${filters.queue}`);
    rollupConditions.push(sql`rc.queue = ${filters.queue}`);
  }
  if (filters.agentId) {
    conditions.push(sql`q.agent = ${filters.agentId}`);
    rollupConditions.push(sql`rc.agent = ${filters.agentId}`);
  }
  const rolledUp = rolledUpRows(
    range,
    'call',
    'rc',
    sql`rc.offered, rc.answered, rc.abandoned, rc.transferred, rc.waited_sum, rc.waited_n, rc.handled_sum, rc.handled_n`,
    rollupConditions,
  );
  return sql`q as (
      select distinct on (s.run_id) s.run_id, s.output->>'queue' as queue, s.output->>'agent' as agent,
        (s.output->>'waitedMs')::float8 as waited_ms
      from run_steps s
      where s.workspace_id = ${workspaceId}::uuid and s.node_type = 'voice.enqueue'
        and s.entered_at >= ${filters.from}::timestamptz and s.entered_at < ${filters.to}::timestamptz + interval '1 day'
      order by s.run_id, s.seq desc),
    c as (${rolledUp}
      select cr.started_at as at, 1 as offered, h.handled::int as answered,
        (cr.hangup_side = 'caller')::int as abandoned, (cr.hangup_side = 'transfer')::int as transferred,
        q.waited_ms as waited_sum, (q.waited_ms is not null)::int as waited_n,
        case when h.handled then cr.duration_ms end as handled_sum,
        (h.handled and cr.duration_ms is not null)::int as handled_n
      from call_records cr left join q on q.run_id = cr.run_id,
        lateral (select cr.answered_at is not null and cr.hangup_side is distinct from 'caller' as handled) h
      where ${sql.join(conditions, sql` and `)})`;
}

const figures = sql`coalesce(sum(c.offered), 0) as offered, coalesce(sum(c.answered), 0) as answered,
  coalesce(sum(c.abandoned), 0) as abandoned, coalesce(sum(c.transferred), 0) as transferred,
  sum(c.waited_sum) as waited_sum, coalesce(sum(c.waited_n), 0) as waited_n,
  sum(c.handled_sum) as handled_sum, coalesce(sum(c.handled_n), 0) as handled_n`;

function rowOf(r: Row) {
  return {
    offered: num(r.offered),
    answered: num(r.answered),
    abandoned: num(r.abandoned),
    transferred: num(r.transferred),
    waiting: num(r.waited_n) > 0 ? seconds(num(r.waited_sum) / num(r.waited_n)) : null,
    handling: num(r.handled_n) > 0 ? seconds(num(r.handled_sum) / num(r.handled_n)) : null,
  };
}

function totalsOf(rows: Row[]) {
  const sum = (key: keyof Row) => rows.reduce((acc, r) => acc + num(r[key]), 0);
  return rowOf({
    label: '',
    offered: String(sum('offered')),
    answered: String(sum('answered')),
    abandoned: String(sum('abandoned')),
    transferred: String(sum('transferred')),
    waited_sum: String(sum('waited_sum')),
    waited_n: String(sum('waited_n')),
    handled_sum: String(sum('handled_sum')),
    handled_n: String(sum('handled_n')),
  });
}

export const callTrafficReport: ReportDefinition = {
  name: 'call-traffic',
  title: text.title,
  description: text.description,
  filters: ['flow', 'queue', 'agent'],
  async build(deps: ReportDeps, context: ReportContext): Promise<ReportDocument> {
    const { filters, language } = context;
    const t = (key: keyof typeof text) => pick(language, text[key]);
    const range = await rollupRangeOf(deps.db, context.workspaceId, filters);
    const byBucket = await queryRows<Row>(
      deps.db,
      sql`with ${callsOf(context, range)}, b as (${bucketSeries(filters)}),
        g as (select ${bucketOf(filters, sql`c.at`)} as bucket, c.* from c)
        select ${bucketLabel(filters, sql`b.bucket`)} as label, ${figures}
        from b left join g c on c.bucket = b.bucket
        group by b.bucket order by b.bucket`,
    );
    // The hour of the day needs the 15-minute rows: a daily row's time is its midnight.
    const hourly = range && { ...range, days: null };
    const byHour = await queryRows<Row>(
      deps.db,
      sql`with ${callsOf(context, hourly)}, h as (select generate_series(0, 23) as hour),
        g as (select extract(hour from c.at at time zone ${filters.timezone}) as hour, c.* from c)
        select lpad(h.hour::text, 2, '0') || ':00' as label, ${figures}
        from h left join g c on c.hour = h.hour
        group by h.hour order by h.hour`,
    );
    const figureColumns: ReportColumn[] = [
      { key: 'offered', label: t('offered'), type: 'integer' },
      { key: 'answered', label: t('answered'), type: 'integer' },
      { key: 'abandoned', label: t('abandoned'), type: 'integer' },
      { key: 'transferred', label: t('transferred'), type: 'integer' },
      { key: 'waiting', label: t('waiting'), type: 'duration' },
      { key: 'handling', label: t('handling'), type: 'duration' },
    ];
    const series = (rows: Row[], keys: ('offered' | 'answered' | 'abandoned')[]) =>
      keys.map((key) => ({ name: t(key), data: rows.map((r) => num(r[key])) }));
    return {
      ...(await reportHead(deps, context, 'call-traffic', t('title'))),
      charts: [
        {
          title: t('chart'),
          kind: 'line',
          categories: byBucket.map((r) => r.label),
          series: series(byBucket, ['offered', 'answered', 'abandoned']),
          valueType: 'integer',
        },
        {
          title: t('hourChart'),
          kind: 'bar',
          categories: byHour.map((r) => r.label),
          series: series(byHour, ['answered', 'abandoned']),
          valueType: 'integer',
        },
      ],
      tables: [
        {
          name: t('byBucket'),
          columns: [{ key: 'period', label: t('period'), type: 'text' }, ...figureColumns],
          rows: byBucket.map((r) => ({ period: r.label, ...rowOf(r) })),
          totals: { period: t('total'), ...totalsOf(byBucket) },
        },
        {
          name: t('byHour'),
          columns: [{ key: 'hour', label: t('hour'), type: 'text' }, ...figureColumns],
          rows: byHour.map((r) => ({ hour: r.label, ...rowOf(r) })),
          totals: { hour: t('total'), ...totalsOf(byHour) },
        },
      ],
    };
  },
};
