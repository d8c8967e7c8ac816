import { and, eq, inArray, sql } from 'drizzle-orm';
import { campaigns, queryRows } from '@omniflow/db';
import type { ReportDocument } from './report-document.ts';
import type { ReportContext, ReportDefinition, ReportDeps } from './report-registry.ts';
import { channelName, pick, reportHead } from './describe-filters.ts';
import { messageConditions, messageRollupConditions } from './message-conditions.ts';
import { rolledUpRows, rollupRangeOf } from './report-rollup-range.ts';
import { statusGroup, statusNames } from './message-status-groups.ts';
import { bucketLabel, bucketLabels, bucketOf, num, share } from './report-sql.ts';

const text = {
  title: { en: 'Outbound messages', es: 'Mensajes salientes' },
  description: {
    en: 'Messages sent, delivered, undelivered (by reason) and pending, per period, channel and campaign.',
    es: 'Mensajes enviados, entregados, no entregados (por motivo) y pendientes, por periodo, canal y campaña.',
  },
  chart: { en: 'Messages by outcome', es: 'Mensajes por resultado' },
  channelChart: { en: 'Messages by channel', es: 'Mensajes por canal' },
  byBucket: { en: 'Messages', es: 'Mensajes' },
  byChannel: { en: 'By channel', es: 'Por canal' },
  byCampaign: { en: 'By campaign', es: 'Por campaña' },
  byReason: { en: 'Undelivered by reason', es: 'No entregados por motivo' },
  period: { en: 'Period', es: 'Periodo' },
  channel: { en: 'Channel', es: 'Canal' },
  campaign: { en: 'Campaign', es: 'Campaña' },
  noCampaign: { en: '(not a campaign: flows and API)', es: '(sin campaña: flujos y API)' },
  reason: { en: 'Reason', es: 'Motivo' },
  sent: { en: 'Sent', es: 'Enviados' },
  delivered: { en: 'Delivered', es: 'Entregados' },
  undelivered: { en: 'Undelivered', es: 'No entregados' },
  pending: { en: 'Pending', es: 'Pendientes' },
  deliveryRate: { en: 'Delivery rate', es: 'Tasa de entrega' },
  messages: { en: 'Messages', es: 'Mensajes' },
  total: { en: 'Total', es: 'Total' },
};

interface Row {
  label: string;
  channel: string;
  campaign_id: string | null;
  status: string;
  error_code: string | null;
  n: string;
}

type Counts = { sent: number; delivered: number; undelivered: number; pending: number };
const zero = (): Counts => ({ sent: 0, delivered: 0, undelivered: 0, pending: 0 });
const add = (counts: Counts, status: string, n: number) => {
  counts.sent += n;
  counts[statusGroup(status)] += n;
};

export const outboundMessagesReport: ReportDefinition = {
  name: 'outbound-messages',
  title: text.title,
  description: text.description,
  filters: ['channel', 'flow', 'campaign'],
  async build(deps: ReportDeps, context: ReportContext): Promise<ReportDocument> {
    const { filters, language, workspaceId } = context;
    const t = (key: keyof typeof text) => pick(language, text[key]);
    // One pass over the period's messages, grouped finely; every table is a sum of these rows.
    // Closed buckets come from the rollup, the period's ragged ends and the open time from messages.
    const range = await rollupRangeOf(deps.db, workspaceId, filters);
    const outbound = { direction: 'outbound' as const };
    const rolledUp = rolledUpRows(
      range,
      'message',
      'mr',
      sql`mr.channel, mr.campaign_id, mr.status, mr.error_code, mr.messages as n`,
      messageRollupConditions(context, outbound),
    );
    const rows = await queryRows<Row>(
      deps.db,
      sql`with src as (${rolledUp}
          select m.created_at as at, m.channel, m.campaign_id, m.status,
            case when m.status in ('delivered', 'read', 'queued', 'sent') then null else m.error_code end as error_code,
            1 as n
          from messages m where ${messageConditions(context, outbound, range)}),
        g as (select ${bucketOf(filters, sql`src.at`)} as bucket, src.channel, src.campaign_id, src.status,
            src.error_code, sum(src.n) as n
          from src group by 1, 2, 3, 4, 5)
        select ${bucketLabel(filters, sql`g.bucket`)} as label, g.channel, g.campaign_id, g.status, g.error_code, g.n
        from g`,
    );
    const labels = await bucketLabels(deps.db, filters);
    const byBucket = new Map(labels.map((label) => [label, zero()]));
    const byChannel = new Map<string, Counts>();
    const byCampaign = new Map<string, Counts>();
    const byReason = new Map<string, { channel: string; reason: string; n: number }>();
    const total = zero();
    for (const r of rows) {
      const n = num(r.n);
      add(total, r.status, n);
      const bucket = byBucket.get(r.label);
      if (bucket) add(bucket, r.status, n);
      if (!byChannel.has(r.channel)) byChannel.set(r.channel, zero());
      add(byChannel.get(r.channel)!, r.status, n);
      const campaign = r.campaign_id ?? '';
      if (!byCampaign.has(campaign)) byCampaign.set(campaign, zero());
      add(byCampaign.get(campaign)!, r.status, n);
      if (statusGroup(r.status) === 'undelivered') {
        const reason =
          r.error_code ?? pick(language, statusNames[r.status] ?? { en: r.status, es: r.status });
        const key = `${r.channel}\u0000${reason}`;
        const entry = byReason.get(key) ?? { channel: r.channel, reason, n: 0 };
        entry.n += n;
        byReason.set(key, entry);
      }
    }
    const campaignIds = [...byCampaign.keys()].filter(Boolean);
    const names = new Map(
      campaignIds.length === 0
        ? []
        : (
            await deps.db
              .select({ id: campaigns.id, name: campaigns.name })
              .from(campaigns)
              .where(and(eq(campaigns.workspaceId, workspaceId), inArray(campaigns.id, campaignIds)))
          ).map((c) => [c.id, c.name]),
    );
    const countColumns = [
      { key: 'sent', label: t('sent'), type: 'integer' as const },
      { key: 'delivered', label: t('delivered'), type: 'integer' as const },
      { key: 'undelivered', label: t('undelivered'), type: 'integer' as const },
      { key: 'pending', label: t('pending'), type: 'integer' as const },
      { key: 'deliveryRate', label: t('deliveryRate'), type: 'percent' as const },
    ];
    const withRate = (c: Counts) => ({ ...c, deliveryRate: share(c.delivered, c.sent) });
    // Ties in a fixed order: rows come from rollups or raw rows in whatever order the database gives.
    const channels = [...byChannel.entries()].sort(
      (a, b) => b[1].sent - a[1].sent || a[0].localeCompare(b[0]),
    );
    return {
      ...(await reportHead(deps, context, 'outbound-messages', t('title'))),
      charts: [
        {
          title: t('chart'),
          kind: 'stacked-bar',
          categories: labels,
          series: (['delivered', 'undelivered', 'pending'] as const).map((key) => ({
            name: t(key),
            data: labels.map((label) => byBucket.get(label)![key]),
          })),
          valueType: 'integer',
        },
        {
          title: t('channelChart'),
          kind: 'pie',
          categories: channels.map(([channel]) => channelName(language, channel)),
          series: [{ name: t('sent'), data: channels.map(([, c]) => c.sent) }],
          valueType: 'integer',
        },
      ],
      tables: [
        {
          name: t('byBucket'),
          columns: [{ key: 'period', label: t('period'), type: 'text' }, ...countColumns],
          rows: labels.map((label) => ({ period: label, ...withRate(byBucket.get(label)!) })),
          totals: { period: t('total'), ...withRate(total) },
        },
        {
          name: t('byChannel'),
          columns: [{ key: 'channel', label: t('channel'), type: 'text' }, ...countColumns],
          rows: channels.map(([channel, c]) => ({ channel: channelName(language, channel), ...withRate(c) })),
          totals: { channel: t('total'), ...withRate(total) },
        },
        {
          name: t('byCampaign'),
          columns: [{ key: 'campaign', label: t('campaign'), type: 'text' }, ...countColumns],
          rows: [...byCampaign.entries()]
            .sort((a, b) => b[1].sent - a[1].sent || (a[0] ?? '').localeCompare(b[0] ?? ''))
            .map(([id, c]) => ({ campaign: id ? (names.get(id) ?? id) : t('noCampaign'), ...withRate(c) })),
          totals: { campaign: t('total'), ...withRate(total) },
        },
        {
          name: t('byReason'),
          columns: [
            { key: 'channel', label: t('channel'), type: 'text' },
            { key: 'reason', label: t('reason'), type: 'text' },
            { key: 'messages', label: t('messages'), type: 'integer' },
          ],
          rows: [...byReason.values()]
            .sort(
              (a, b) => b.n - a.n || a.channel.localeCompare(b.channel) || a.reason.localeCompare(b.reason),
            )
            .map((r) => ({ channel: channelName(language, r.channel), reason: r.reason, messages: r.n })),
          totals: { channel: t('total'), reason: '', messages: total.undelivered },
        },
      ],
    };
  },
};
