import { sql, type SQL } from 'drizzle-orm';
import { queryRows } from '@omniflow/db';
import type { ReportDocument } from './report-document.ts';
import type { ReportContext, ReportDefinition, ReportDeps } from './report-registry.ts';
import { channelName, pick, reportHead } from './describe-filters.ts';
import { messageConditions, messageRollupConditions } from './message-conditions.ts';
import { outsideRollupRange, rolledUpRows, rollupRangeOf, type RollupRange } from './report-rollup-range.ts';
import { bucketLabel, bucketLabels, bucketOf, inPeriod, num } from './report-sql.ts';

const text = {
  title: { en: 'Interactions per contact and channel', es: 'Interacciones por contacto y canal' },
  description: {
    en: 'Messages in and out and calls, per channel and period, and the contacts with the most.',
    es: 'Mensajes recibidos y enviados y llamadas, por canal y periodo, y los contactos con más.',
  },
  chart: { en: 'Interactions by channel', es: 'Interacciones por canal' },
  byBucket: { en: 'Interactions', es: 'Interacciones' },
  byChannel: { en: 'By channel', es: 'Por canal' },
  byContact: { en: 'Top contacts', es: 'Contactos principales' },
  period: { en: 'Period', es: 'Periodo' },
  channel: { en: 'Channel', es: 'Canal' },
  contact: { en: 'Contact', es: 'Contacto' },
  address: { en: 'Address', es: 'Dirección' },
  inbound: { en: 'Received', es: 'Recibidas' },
  outbound: { en: 'Sent', es: 'Enviadas' },
  contacts: { en: 'Contacts', es: 'Contactos' },
  channels: { en: 'Channels', es: 'Canales' },
  total: { en: 'Total', es: 'Total' },
};

/** The contacts table lists this many, busiest first: a report, not an export of every person. */
export const topContacts = 50;

/**
 * Every interaction of the period (alias `i`): messages either way and calls (a call is the
 * caller's interaction on the voice channel). Calls have no campaign, so a campaign filter
 * leaves them out, as does a channel filter naming a messaging channel.
 */
function interactionsOf(context: ReportContext, range: RollupRange | null = null): SQL {
  const { filters, workspaceId } = context;
  const parts: SQL[] = [];
  if (filters.channel !== 'voice')
    parts.push(sql`select m.created_at as at, m.channel, m.direction, m.contact_address as address
      from messages m where ${messageConditions(context, {}, range)}`);
  if (withCalls(context)) {
    const conditions: SQL[] = [
      sql`cr.workspace_id = ${workspaceId}::uuid`,
      inPeriod(filters, sql`cr.started_at`),
      outsideRollupRange(range, sql`cr.started_at`),
    ];
    if (filters.flowId) conditions.push(sql`cr.flow_id = ${filters.flowId}::uuid`);
    parts.push(sql`select cr.started_at as at, 'voice' as channel, 'inbound' as direction, cr.from_number as address
      from call_records cr
      where ${sql.join(conditions, sql` and `)}`);
  }
  if (parts.length === 0)
    return sql`select null::timestamptz as at, null::text as channel, null::text as direction, null::text as address where false`;
  return sql.join(parts, sql` union all `);
}

const withCalls = ({ filters }: ReportContext) =>
  (!filters.channel || filters.channel === 'voice') && !filters.campaignId;

/**
 * The interactions of the rolled-up buckets, counted per bucket, channel and direction (alias
 * `i`, with `n`), followed by `union all`; nothing without a range.
 */
function rolledUpInteractionsOf(context: ReportContext, range: RollupRange | null): SQL {
  const { filters, workspaceId } = context;
  const parts: SQL[] = [];
  if (filters.channel !== 'voice')
    parts.push(
      rolledUpRows(
        range,
        'message',
        'mr',
        sql`mr.channel, mr.direction, mr.messages as n`,
        messageRollupConditions(context, {}),
      ),
    );
  if (withCalls(context)) {
    const conditions: SQL[] = [sql`rc.workspace_id = ${workspaceId}::uuid`];
    if (filters.flowId) conditions.push(sql`rc.flow_id = ${filters.flowId}::uuid`);
    parts.push(
      rolledUpRows(
        range,
        'call',
        'rc',
        sql`'voice' as channel, 'inbound' as direction, rc.offered as n`,
        conditions,
      ),
    );
  }
  return sql.join(parts, sql``);
}

export const interactionsReport: ReportDefinition = {
  name: 'interactions',
  title: text.title,
  description: text.description,
  filters: ['channel', 'flow', 'campaign'],
  async build(deps: ReportDeps, context: ReportContext): Promise<ReportDocument> {
    const { filters, language, workspaceId } = context;
    const t = (key: keyof typeof text) => pick(language, text[key]);
    // The counts per bucket: closed buckets from the rollups, the rest from the rows.
    const range = await rollupRangeOf(deps.db, workspaceId, filters);
    const grouped = await queryRows<{ label: string; channel: string; direction: string; n: string }>(
      deps.db,
      sql`with i as (${rolledUpInteractionsOf(context, range)}
          select i.at, i.channel, i.direction, 1 as n from (${interactionsOf(context, range)}) i),
        g as (select ${bucketOf(filters, sql`i.at`)} as bucket, i.channel, i.direction, sum(i.n) as n
          from i group by 1, 2, 3)
        select ${bucketLabel(filters, sql`g.bucket`)} as label, g.channel, g.direction, g.n from g`,
    );
    // One pass per address and channel; the contacts per channel and the busiest contacts are
    // both read from it.
    const [people] = await queryRows<{
      channels: { channel: string; contacts: number }[] | null;
      top:
        | { address: string; name: string | null; inbound: number; outbound: number; channels: number }[]
        | null;
    }>(
      deps.db,
      sql`with i as (${interactionsOf(context)}),
        per as materialized (
          select i.address, i.channel, count(*) filter (where i.direction = 'inbound') as inbound,
            count(*) filter (where i.direction = 'outbound') as outbound
          from i group by 1, 2),
        ch as (select per.channel, count(*) as contacts from per group by 1),
        top as (
          select per.address, sum(per.inbound)::int as inbound, sum(per.outbound)::int as outbound,
            count(*)::int as channels
          from per group by 1 order by sum(per.inbound + per.outbound) desc, 1 limit ${topContacts})
        select (select json_agg(ch) from ch) as channels,
          (select json_agg(t order by t.inbound + t.outbound desc, t.address) from (
            select top.*, (select nullif(c.display_name, '') from contact_channels cc
                join contacts c on c.id = cc.contact_id
                where cc.workspace_id = ${workspaceId}::uuid and cc.address = top.address limit 1) as name
            from top) t) as top`,
    );
    const channelContacts = people?.channels ?? [];
    const contacts = people?.top ?? [];
    const labels = await bucketLabels(deps.db, filters);
    const channels = [...new Set(grouped.map((g) => g.channel))].sort();
    const cell = new Map<string, number>();
    const perChannel = new Map<string, { inbound: number; outbound: number }>();
    for (const g of grouped) {
      const key = `${g.label}\u0000${g.channel}`;
      cell.set(key, (cell.get(key) ?? 0) + num(g.n));
      const c = perChannel.get(g.channel) ?? { inbound: 0, outbound: 0 };
      c[g.direction === 'outbound' ? 'outbound' : 'inbound'] += num(g.n);
      perChannel.set(g.channel, c);
    }
    const at = (label: string, channel: string) => cell.get(`${label}\u0000${channel}`) ?? 0;
    const bucketRows = labels.map((label) => ({
      period: label,
      ...Object.fromEntries(channels.map((c) => [c, at(label, c)])),
      total: channels.reduce((acc, c) => acc + at(label, c), 0),
    }));
    const contactsOf = new Map(channelContacts.map((c) => [c.channel, num(c.contacts)]));
    const channelRows = channels.map((c) => ({
      channel: channelName(language, c),
      inbound: perChannel.get(c)!.inbound,
      outbound: perChannel.get(c)!.outbound,
      total: perChannel.get(c)!.inbound + perChannel.get(c)!.outbound,
      contacts: contactsOf.get(c) ?? 0,
    }));
    const sumOf = (key: 'inbound' | 'outbound' | 'total') => channelRows.reduce((acc, r) => acc + r[key], 0);
    return {
      ...(await reportHead(deps, context, 'interactions', t('title'))),
      charts: [
        {
          title: t('chart'),
          kind: 'stacked-bar',
          categories: labels,
          series: channels.map((c) => ({
            name: channelName(language, c),
            data: labels.map((l) => at(l, c)),
          })),
          valueType: 'integer',
        },
      ],
      tables: [
        {
          name: t('byBucket'),
          columns: [
            { key: 'period', label: t('period'), type: 'text' },
            ...channels.map((c) => ({ key: c, label: channelName(language, c), type: 'integer' as const })),
            { key: 'total', label: t('total'), type: 'integer' },
          ],
          rows: bucketRows,
          totals: {
            period: t('total'),
            ...Object.fromEntries(
              channels.map((c) => [c, perChannel.get(c)!.inbound + perChannel.get(c)!.outbound]),
            ),
            total: sumOf('total'),
          },
        },
        {
          name: t('byChannel'),
          columns: [
            { key: 'channel', label: t('channel'), type: 'text' },
            { key: 'inbound', label: t('inbound'), type: 'integer' },
            { key: 'outbound', label: t('outbound'), type: 'integer' },
            { key: 'total', label: t('total'), type: 'integer' },
            { key: 'contacts', label: t('contacts'), type: 'integer' },
          ],
          rows: channelRows,
          totals: {
            channel: t('total'),
            inbound: sumOf('inbound'),
            outbound: sumOf('outbound'),
            total: sumOf('total'),
            contacts: null,
          },
        },
        {
          name: t('byContact'),
          columns: [
            { key: 'contact', label: t('contact'), type: 'text' },
            { key: 'address', label: t('address'), type: 'text' },
            { key: 'channels', label: t('channels'), type: 'integer' },
            { key: 'inbound', label: t('inbound'), type: 'integer' },
            { key: 'outbound', label: t('outbound'), type: 'integer' },
            { key: 'total', label: t('total'), type: 'integer' },
          ],
          rows: contacts.map((c) => ({
            contact: c.name ?? c.address,
            address: c.address,
            channels: num(c.channels),
            inbound: num(c.inbound),
            outbound: num(c.outbound),
            total: num(c.inbound) + num(c.outbound),
          })),
        },
      ],
    };
  },
};
