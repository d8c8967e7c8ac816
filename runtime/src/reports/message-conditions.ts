import { sql, type SQL } from 'drizzle-orm';
import type { ReportContext } from './report-registry.ts';
import { inPeriod } from './report-sql.ts';
import { outsideRollupRange, type RollupRange } from './report-rollup-range.ts';

interface MessageOptions {
  direction?: 'outbound' | 'inbound';
  channel?: string;
}

/**
 * The messages of a report's period and filters (alias `m`): a flow's by the runs that sent them,
 * a campaign's by its id. `channel` narrows only where the report is not about one channel.
 * With a rollup range, only the messages outside it: the rollup answers for the rest.
 */
export function messageConditions(
  { workspaceId, filters }: ReportContext,
  options: MessageOptions = {},
  range: RollupRange | null = null,
): SQL {
  const conditions: SQL[] = [
    sql`m.workspace_id = ${workspaceId}::uuid`,
    inPeriod(filters, sql`m.created_at`),
    outsideRollupRange(range, sql`m.created_at`),
  ];
  if (options.direction) conditions.push(sql`m.direction = ${options.direction}`);
  const channel = options.channel ?? filters.channel;
  if (channel) conditions.push(sql`m.channel = ${channel}`);
  if (filters.campaignId) conditions.push(sql`m.campaign_id = ${filters.campaignId}::uuid`);
  if (filters.flowId)
    conditions.push(sql`m.run_id in (select r.id from runs r where r.workspace_id = ${workspaceId}::uuid
      and r.flow_id = ${filters.flowId}::uuid ${filters.flowVersion !== undefined ? sql`and r.version = ${filters.flowVersion}` : sql``})`);
  return sql.join(conditions, sql` and `);
}

/** The same filters over the message rollups (alias `mr`). */
export function messageRollupConditions(
  { workspaceId, filters }: ReportContext,
  options: MessageOptions,
): SQL[] {
  const conditions: SQL[] = [sql`mr.workspace_id = ${workspaceId}::uuid`];
  if (options.direction) conditions.push(sql`mr.direction = ${options.direction}`);
  const channel = options.channel ?? filters.channel;
  if (channel) conditions.push(sql`mr.channel = ${channel}`);
  if (filters.campaignId) conditions.push(sql`mr.campaign_id = ${filters.campaignId}::uuid`);
  if (filters.flowId) conditions.push(sql`mr.flow_id = ${filters.flowId}::uuid`);
  if (filters.flowId && filters.flowVersion !== undefined)
    conditions.push(sql`mr.flow_version = ${filters.flowVersion}`);
  return conditions;
}
