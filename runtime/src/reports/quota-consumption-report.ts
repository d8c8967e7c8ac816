import { sql, type SQL } from 'drizzle-orm';
import { queryRows } from '@omniflow/db';
import { quotaStatuses } from '../quotas/quota-status.ts';
import type { ReportDocument } from './report-document.ts';
import type { ReportContext, ReportDefinition, ReportDeps } from './report-registry.ts';
import { channelName, pick, reportHead } from './describe-filters.ts';
import { outsideRollupRange, rolledUpRows, rollupRangeOf } from './report-rollup-range.ts';
import { bucketLabel, bucketLabels, bucketOf, inPeriod, num, share } from './report-sql.ts';

const text = {
  title: { en: 'Quota consumption', es: 'Consumo de cuotas' },
  description: {
    en: 'What each channel’s quota used in the period, its balance now, and every top-up and adjustment.',
    es: 'Lo que gastó la cuota de cada canal en el periodo, su saldo actual y cada recarga y ajuste.',
  },
  chart: { en: 'Consumption by channel', es: 'Consumo por canal' },
  quotas: { en: 'Quotas', es: 'Cuotas' },
  byBucket: { en: 'Consumption', es: 'Consumo' },
  ledger: { en: 'Top-ups and adjustments', es: 'Recargas y ajustes' },
  channel: { en: 'Channel', es: 'Canal' },
  quotaPeriod: { en: 'Renews', es: 'Se renueva' },
  amount: { en: 'Amount', es: 'Cantidad' },
  limit: { en: 'Limit this period', es: 'Límite del periodo' },
  usedNow: { en: 'Used this period', es: 'Usado en el periodo' },
  remaining: { en: 'Balance', es: 'Saldo' },
  usedShare: { en: 'Used', es: 'Usado' },
  consumed: { en: 'Consumed in the report', es: 'Consumido en el informe' },
  period: { en: 'Period', es: 'Periodo' },
  refunded: { en: 'Refunded', es: 'Devuelto' },
  added: { en: 'Added', es: 'Añadido' },
  at: { en: 'When', es: 'Cuándo' },
  change: { en: 'Change', es: 'Cambio' },
  reason: { en: 'Reason', es: 'Motivo' },
  note: { en: 'Note', es: 'Nota' },
  month: { en: 'monthly', es: 'mensual' },
  year: { en: 'yearly', es: 'anual' },
  totalPeriod: { en: 'never (one bag)', es: 'nunca (bolsa única)' },
  top_up: { en: 'Top-up', es: 'Recarga' },
  adjustment: { en: 'Adjustment', es: 'Ajuste' },
  total: { en: 'Total', es: 'Total' },
};

/** Ledger rows other than a message's own (top-ups, adjustments) listed one by one, newest first, up to this many. */
export const ledgerLines = 500;

export const quotaConsumptionReport: ReportDefinition = {
  name: 'quota-consumption',
  title: text.title,
  description: text.description,
  filters: ['channel', 'campaign'],
  async build(deps: ReportDeps, context: ReportContext): Promise<ReportDocument> {
    const { filters, language, workspaceId } = context;
    const t = (key: keyof typeof text) => pick(language, text[key]);
    const conditions: SQL[] = [sql`l.workspace_id = ${workspaceId}::uuid`, inPeriod(filters, sql`l.at`)];
    if (filters.channel) conditions.push(sql`l.channel = ${filters.channel}`);
    if (filters.campaignId) conditions.push(sql`l.campaign_id = ${filters.campaignId}::uuid`);
    const where = sql.join(conditions, sql` and `);
    // Consumed: what messages took (delivered, accepted) less what was given back for them.
    // Closed buckets come from the rollup, the period's ragged ends and the open time from the ledger.
    const range = await rollupRangeOf(deps.db, workspaceId, filters);
    const rollupConditions: SQL[] = [sql`qr.workspace_id = ${workspaceId}::uuid`];
    if (filters.channel) rollupConditions.push(sql`qr.channel = ${filters.channel}`);
    if (filters.campaignId) rollupConditions.push(sql`qr.campaign_id = ${filters.campaignId}::uuid`);
    const rolledUp = rolledUpRows(
      range,
      'quota',
      'qr',
      sql`qr.channel, qr.reason, qr.delta`,
      rollupConditions,
    );
    const grouped = await queryRows<{
      label: string;
      channel: string;
      consumed: string;
      refunded: string;
      added: string;
    }>(
      deps.db,
      sql`with src as (${rolledUp}
          select l.at, l.channel, l.reason, l.delta from quota_ledger l
          where ${where} and ${outsideRollupRange(range, sql`l.at`)}),
        g as (
          select ${bucketOf(filters, sql`src.at`)} as bucket, src.channel,
            coalesce(-sum(src.delta) filter (where src.reason in ('delivered', 'accepted', 'refund')), 0) as consumed,
            coalesce(sum(src.delta) filter (where src.reason = 'refund'), 0) as refunded,
            coalesce(sum(src.delta) filter (where src.reason in ('top_up', 'adjustment')), 0) as added
          from src group by 1, 2)
        select ${bucketLabel(filters, sql`g.bucket`)} as label, g.channel, g.consumed, g.refunded, g.added from g`,
    );
    const lines = await queryRows<{
      at: Date | string;
      channel: string;
      delta: number;
      reason: string;
      note: string | null;
    }>(
      deps.db,
      sql`select l.at, l.channel, l.delta, l.reason, l.note from quota_ledger l
        where ${where} and l.reason in ('top_up', 'adjustment') order by l.at desc limit ${ledgerLines}`,
    );
    const statuses = (await quotaStatuses(deps.db, workspaceId)).filter(
      (q) => !filters.channel || q.channel === filters.channel,
    );
    const labels = await bucketLabels(deps.db, filters);
    const channels = [
      ...new Set([...statuses.map((q) => q.channel as string), ...grouped.map((g) => g.channel)]),
    ].sort();
    const consumedBy = new Map<string, number>();
    const cell = new Map<string, { consumed: number; refunded: number; added: number }>();
    for (const g of grouped) {
      consumedBy.set(g.channel, (consumedBy.get(g.channel) ?? 0) + num(g.consumed));
      const key = `${g.label}\u0000${g.channel}`;
      const c = cell.get(key) ?? { consumed: 0, refunded: 0, added: 0 };
      c.consumed += num(g.consumed);
      c.refunded += num(g.refunded);
      c.added += num(g.added);
      cell.set(key, c);
    }
    const bucketRows = labels.flatMap((label) =>
      channels.map((channel) => ({
        period: label,
        channel: channelName(language, channel),
        ...(cell.get(`${label}\u0000${channel}`) ?? { consumed: 0, refunded: 0, added: 0 }),
      })),
    );
    const sum = (key: 'consumed' | 'refunded' | 'added') => bucketRows.reduce((acc, r) => acc + r[key], 0);
    const renews = { month: t('month'), year: t('year'), total: t('totalPeriod') };
    return {
      ...(await reportHead(deps, context, 'quota-consumption', t('title'))),
      charts: [
        {
          title: t('chart'),
          kind: 'stacked-bar',
          categories: labels,
          series: channels.map((channel) => ({
            name: channelName(language, channel),
            data: labels.map((label) => cell.get(`${label}\u0000${channel}`)?.consumed ?? 0),
          })),
          valueType: 'integer',
        },
      ],
      tables: [
        {
          name: t('quotas'),
          columns: [
            { key: 'channel', label: t('channel'), type: 'text' },
            { key: 'renews', label: t('quotaPeriod'), type: 'text' },
            { key: 'amount', label: t('amount'), type: 'integer' },
            { key: 'limit', label: t('limit'), type: 'integer' },
            { key: 'used', label: t('usedNow'), type: 'integer' },
            { key: 'remaining', label: t('remaining'), type: 'integer' },
            { key: 'usedShare', label: t('usedShare'), type: 'percent' },
            { key: 'consumed', label: t('consumed'), type: 'integer' },
          ],
          rows: statuses.map((q) => ({
            channel: channelName(language, q.channel),
            renews: renews[q.period],
            amount: q.amount,
            limit: q.limit,
            used: q.used,
            remaining: q.remaining,
            usedShare: share(q.used, q.limit),
            consumed: consumedBy.get(q.channel) ?? 0,
          })),
        },
        {
          name: t('byBucket'),
          columns: [
            { key: 'period', label: t('period'), type: 'text' },
            { key: 'channel', label: t('channel'), type: 'text' },
            { key: 'consumed', label: t('consumed'), type: 'integer' },
            { key: 'refunded', label: t('refunded'), type: 'integer' },
            { key: 'added', label: t('added'), type: 'integer' },
          ],
          rows: bucketRows,
          totals: {
            period: t('total'),
            channel: '',
            consumed: sum('consumed'),
            refunded: sum('refunded'),
            added: sum('added'),
          },
        },
        {
          name: t('ledger'),
          columns: [
            { key: 'at', label: t('at'), type: 'datetime' },
            { key: 'channel', label: t('channel'), type: 'text' },
            { key: 'change', label: t('change'), type: 'integer' },
            { key: 'reason', label: t('reason'), type: 'text' },
            { key: 'note', label: t('note'), type: 'text' },
          ],
          rows: lines.map((l) => ({
            at: new Date(l.at).toISOString(),
            channel: channelName(language, l.channel),
            change: num(l.delta),
            reason: t(l.reason === 'top_up' ? 'top_up' : 'adjustment'),
            note: l.note ?? '',
          })),
        },
      ],
    };
  },
};
