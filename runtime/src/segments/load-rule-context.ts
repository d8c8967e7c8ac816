import { and, eq, inArray } from 'drizzle-orm';
import { campaigns, contactFields, flows, type Db } from '@omniflow/db';
import type { RuleContext } from './compile-segment-rules.ts';
import type { SegmentGroup, SegmentRule } from './segment-rules.ts';

function collect(rule: SegmentRule, campaignIds: Set<string>, flowIds: Set<string>): void {
  if (rule.kind === 'group') for (const child of rule.rules) collect(child, campaignIds, flowIds);
  else if (rule.kind === 'campaign') campaignIds.add(rule.campaignId);
  else if (rule.kind === 'ivr') flowIds.add(rule.flowId);
}

/** The workspace's custom fields and which of the campaigns and flows the tree names are its own. */
export async function loadRuleContext(db: Db, workspaceId: string, tree: SegmentGroup): Promise<RuleContext> {
  const named = { campaigns: new Set<string>(), flows: new Set<string>() };
  collect(tree, named.campaigns, named.flows);
  const [fields, campaignRows, flowRows] = await Promise.all([
    db
      .select({
        key: contactFields.key,
        label: contactFields.label,
        type: contactFields.type,
        choices: contactFields.choices,
      })
      .from(contactFields)
      .where(eq(contactFields.workspaceId, workspaceId)),
    named.campaigns.size === 0
      ? []
      : db
          .select({ id: campaigns.id })
          .from(campaigns)
          .where(and(eq(campaigns.workspaceId, workspaceId), inArray(campaigns.id, [...named.campaigns]))),
    named.flows.size === 0
      ? []
      : db
          .select({ id: flows.id })
          .from(flows)
          .where(and(eq(flows.workspaceId, workspaceId), inArray(flows.id, [...named.flows]))),
  ]);
  return {
    workspaceId,
    fields: new Map(fields.map((f) => [f.key, f])),
    campaignIds: new Set(campaignRows.map((r) => r.id)),
    flowIds: new Set(flowRows.map((r) => r.id)),
  };
}
