import { and, asc, desc, eq, isNotNull, sql } from 'drizzle-orm';
import { campaigns, contactFields, flowVersions, flows, queryRows, type Db } from '@omniflow/db';

export interface KeyMenu {
  nodeId: string;
  label: string;
  options: { id: string; digit: string; label: string }[];
}

/** What the rule builder offers: the workspace's fields, tags in use, campaigns and key menus. */
export interface RuleOptions {
  fields: { key: string; label: string; type: string; choices: string[] | null }[];
  tags: string[];
  campaigns: { id: string; name: string }[];
  flows: { id: string; name: string; menus: KeyMenu[] }[];
}

const menuOption = (value: unknown): value is { id: string; digit: string; label?: string } =>
  typeof value === 'object' &&
  value !== null &&
  typeof Reflect.get(value, 'id') === 'string' &&
  typeof Reflect.get(value, 'digit') === 'string';

/**
 * The key menus of a published graph: nodes whose config lists options with a key and a port id
 * (the runtime names no node type; a menu is known by its shape).
 */
export function keyMenus(graph: unknown): KeyMenu[] {
  const nodes: unknown =
    typeof graph === 'object' && graph !== null ? Reflect.get(graph, 'nodes') : undefined;
  if (!Array.isArray(nodes)) return [];
  const menus: KeyMenu[] = [];
  for (const node of nodes) {
    const config: unknown = Reflect.get(node, 'config');
    const options: unknown =
      typeof config === 'object' && config !== null ? Reflect.get(config, 'options') : undefined;
    if (!Array.isArray(options) || options.length === 0 || !options.every(menuOption)) continue;
    const id = String(Reflect.get(node, 'id'));
    const label: unknown = Reflect.get(node, 'label');
    menus.push({
      nodeId: id,
      label: typeof label === 'string' && label ? label : id,
      options: options.map((o) => ({ id: o.id, digit: o.digit, label: o.label ?? '' })),
    });
  }
  return menus;
}

export async function ruleOptions(db: Db, workspaceId: string): Promise<RuleOptions> {
  const [fields, tags, campaignRows, versions] = await Promise.all([
    db
      .select({
        key: contactFields.key,
        label: contactFields.label,
        type: contactFields.type,
        choices: contactFields.choices,
      })
      .from(contactFields)
      .where(eq(contactFields.workspaceId, workspaceId))
      .orderBy(asc(contactFields.label)),
    queryRows<{ tag: string }>(
      db,
      sql`select distinct unnest(tags) as tag from contacts where workspace_id = ${workspaceId} order by 1 limit 500`,
    ),
    db
      .select({ id: campaigns.id, name: campaigns.name })
      .from(campaigns)
      .where(eq(campaigns.workspaceId, workspaceId))
      .orderBy(desc(campaigns.id))
      .limit(500),
    db
      .select({ id: flows.id, name: flows.name, graph: flowVersions.graph })
      .from(flows)
      .innerJoin(
        flowVersions,
        and(eq(flowVersions.flowId, flows.id), eq(flowVersions.version, flows.latestVersion)),
      )
      .where(and(eq(flows.workspaceId, workspaceId), isNotNull(flows.latestVersion)))
      .orderBy(asc(flows.name)),
  ]);
  return {
    fields,
    tags: tags.map((t) => t.tag),
    campaigns: campaignRows,
    flows: versions
      .map((v) => ({ id: v.id, name: v.name, menus: keyMenus(v.graph) }))
      .filter((f) => f.menus.length > 0),
  };
}
