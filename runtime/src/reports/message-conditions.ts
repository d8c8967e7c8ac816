import { sql, type SQL } from 'drizzle-orm';
import type { ReportContext } from './report-registry.ts';
import { inPeriod } from './report-sql.ts';

/**
 * The messages of a report's period and filters (alias `m`): a flow's by the runs that sent them,
 * a campaign's by its id. `channel` narrows only where the report is not about one channel.
 */
export function messageConditions(
  { workspaceId, filters }: ReportContext,
  options: { direction?: 'outbound' | 'inbound'; channel?: string } = {},
): SQL {
  const conditions: SQL[] = [
    sql`m.workspace_id = ${workspaceId}::uuid`,
    inPeriod(filters, sql`m.created_at`),
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
