import { sql } from 'drizzle-orm';
import { queryRows } from '@omniflow/db';
import type { ReportDocument } from './report-document.ts';
import type { ReportContext, ReportDefinition, ReportDeps } from './report-registry.ts';
import { pick, reportHead } from './describe-filters.ts';
import { messageConditions, messageRollupConditions } from './message-conditions.ts';
import { rolledUpRows, rollupRangeOf } from './report-rollup-range.ts';
import { bucketLabel, bucketLabels, bucketOf, num, share } from './report-sql.ts';

const text = {
  title: { en: 'Email', es: 'Correo electrónico' },
  description: {
    en: 'Mails sent, opened, clicked, bounced and unsubscribed: people (unique) and times (total).',
    es: 'Correos enviados, abiertos, con clic, rebotados y bajas: personas (únicos) y veces (total).',
  },
  chart: { en: 'Mails sent, opened and clicked', es: 'Correos enviados, abiertos y con clic' },
  summaryChart: { en: 'Unique and total', es: 'Únicos y totales' },
  byBucket: { en: 'Mails', es: 'Correos' },
  summary: { en: 'Engagement', es: 'Interacción' },
  period: { en: 'Period', es: 'Periodo' },
  metric: { en: 'Measure', es: 'Medida' },
  unique: { en: 'Unique', es: 'Únicos' },
  totalCount: { en: 'Total', es: 'Total' },
  rate: { en: 'Of sent (unique)', es: 'Sobre enviados (únicos)' },
  sent: { en: 'Sent', es: 'Enviados' },
  opened: { en: 'Opened', es: 'Abiertos' },
  clicked: { en: 'Clicked', es: 'Con clic' },
  bounced: { en: 'Bounced', es: 'Rebotados' },
  unsubscribed: { en: 'Unsubscribed', es: 'Bajas' },
  complained: { en: 'Marked as spam', es: 'Marcados como spam' },
  total: { en: 'Total', es: 'Total' },
};

const measures = ['opened', 'clicked', 'bounced', 'unsubscribed', 'complained'] as const;
type Measure = (typeof measures)[number];

type Row = { label: string; sent: string } & Record<`${Measure}_unique` | `${Measure}_total`, string | null>;

export const emailReport: ReportDefinition = {
  name: 'email',
  title: text.title,
  description: text.description,
  filters: ['flow', 'campaign'],
  async build(deps: ReportDeps, context: ReportContext): Promise<ReportDocument> {
    const { filters, language, workspaceId } = context;
    const t = (key: keyof typeof text) => pick(language, text[key]);
    // A mail's events come after it was sent, so only events from the period's start can belong
    // to its mails. A pixel fetched by a mail provider's proxy is nobody reading: not an open.
    const range = await rollupRangeOf(deps.db, workspaceId, filters);
    const mail = { direction: 'outbound' as const, channel: 'email' };
    const rolledUp = rolledUpRows(
      range,
      'message',
      'mr',
      sql`mr.messages as sent, mr.opened_unique, mr.opened_total, mr.clicked_unique, mr.clicked_total,
        mr.bounced_unique, mr.bounced_total, mr.unsubscribed_unique, mr.unsubscribed_total,
        mr.complained_unique, mr.complained_total`,
      messageRollupConditions(context, mail),
    );
    const rows = await queryRows<Row>(
      deps.db,
      sql`with e as (
          select e.message_id,
            count(*) filter (where e.type = 'open' and not e.proxy) as opened,
            count(*) filter (where e.type = 'click') as clicked,
            count(*) filter (where e.type = 'bounce') as bounced,
            count(*) filter (where e.type = 'unsubscribe') as unsubscribed,
            count(*) filter (where e.type = 'complaint') as complained
          from email_events e
          where e.workspace_id = ${workspaceId}::uuid and e.at >= ${filters.from}::timestamptz
            and e.message_id in (select m.id from messages m where ${messageConditions(context, mail, range)})
          group by e.message_id),
        src as (${rolledUp}
          select m.created_at as at, 1 as sent,
            (e.opened > 0)::int as opened_unique, e.opened as opened_total,
            (e.clicked > 0)::int as clicked_unique, e.clicked as clicked_total,
            (e.bounced > 0 or m.status = 'bounced')::int as bounced_unique,
            greatest(e.bounced, case when m.status = 'bounced' then 1 else 0 end) as bounced_total,
            (e.unsubscribed > 0)::int as unsubscribed_unique, e.unsubscribed as unsubscribed_total,
            (e.complained > 0)::int as complained_unique, e.complained as complained_total
          from messages m left join e on e.message_id = m.id
          where ${messageConditions(context, mail, range)}),
        g as (
          select ${bucketOf(filters, sql`src.at`)} as bucket, sum(src.sent) as sent,
            sum(src.opened_unique) as opened_unique, sum(src.opened_total) as opened_total,
            sum(src.clicked_unique) as clicked_unique, sum(src.clicked_total) as clicked_total,
            sum(src.bounced_unique) as bounced_unique, sum(src.bounced_total) as bounced_total,
            sum(src.unsubscribed_unique) as unsubscribed_unique, sum(src.unsubscribed_total) as unsubscribed_total,
            sum(src.complained_unique) as complained_unique, sum(src.complained_total) as complained_total
          from src group by 1)
        select ${bucketLabel(filters, sql`g.bucket`)} as label, g.sent, g.opened_unique, g.opened_total,
          g.clicked_unique, g.clicked_total, g.bounced_unique, g.bounced_total, g.unsubscribed_unique,
          g.unsubscribed_total, g.complained_unique, g.complained_total
        from g`,
    );
    const labels = await bucketLabels(deps.db, filters);
    const byLabel = new Map(rows.map((r) => [r.label, r]));
    const bucketRow = (label: string): { period: string } & Record<'sent' | Measure, number> => {
      const r = byLabel.get(label);
      return {
        period: label,
        sent: num(r?.sent),
        opened: num(r?.opened_unique),
        clicked: num(r?.clicked_unique),
        bounced: num(r?.bounced_unique),
        unsubscribed: num(r?.unsubscribed_unique),
        complained: num(r?.complained_unique),
      };
    };
    const sum = (key: keyof Row) => rows.reduce((acc, r) => acc + num(r[key]), 0);
    const sent = sum('sent');
    const summary = measures.map((m) => ({
      metric: t(m),
      unique: sum(`${m}_unique`),
      total: sum(`${m}_total`),
      rate: share(sum(`${m}_unique`), sent),
    }));
    const bucketRows = labels.map(bucketRow);
    return {
      ...(await reportHead(deps, context, 'email', t('title'))),
      charts: [
        {
          title: t('chart'),
          kind: 'line',
          categories: labels,
          series: (['sent', 'opened', 'clicked'] as const).map((key) => ({
            name: t(key),
            data: bucketRows.map((r) => r[key]),
          })),
          valueType: 'integer',
        },
        {
          title: t('summaryChart'),
          kind: 'bar',
          categories: summary.map((s) => s.metric),
          series: [
            { name: t('unique'), data: summary.map((s) => s.unique) },
            { name: t('totalCount'), data: summary.map((s) => s.total) },
          ],
          valueType: 'integer',
        },
      ],
      tables: [
        {
          name: t('byBucket'),
          columns: [
            { key: 'period', label: t('period'), type: 'text' },
            { key: 'sent', label: t('sent'), type: 'integer' },
            ...measures.map((m) => ({
              key: m,
              label: `${t(m)} (${t('unique').toLowerCase()})`,
              type: 'integer' as const,
            })),
          ],
          rows: bucketRows,
          totals: {
            period: t('total'),
            sent,
            ...Object.fromEntries(measures.map((m) => [m, sum(`${m}_unique`)])),
          },
        },
        {
          name: t('summary'),
          columns: [
            { key: 'metric', label: t('metric'), type: 'text' },
            { key: 'unique', label: t('unique'), type: 'integer' },
            { key: 'total', label: t('totalCount'), type: 'integer' },
            { key: 'rate', label: t('rate'), type: 'percent' },
          ],
          rows: [{ metric: t('sent'), unique: sent, total: sent, rate: share(sent, sent) }, ...summary],
        },
      ],
    };
  },
};
