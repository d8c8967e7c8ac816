import { z } from 'zod';
import type { Db } from '@omniflow/db';
import type { CatalogEntry } from '@omniflow/nodes/sdk';
import { publishedFlowsUsing, type PublishedFlowUser } from '../graph/published-flow-users.ts';

/** A published flow that names a template, and the nodes that do. */
export type TemplateUser = PublishedFlowUser;

const widgetName = 'library-template';

const uiOf = z.object({ ui: z.object({ widget: z.string() }) });
const schemaProperties = z.object({ properties: z.record(z.string(), z.unknown()) });

/**
 * Which config fields of which nodes pick a library template: the top-level fields whose
 * `ui.widget` is `library-template`, by `type@version`.
 */
export function templateFields(catalog: readonly CatalogEntry[]): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  for (const entry of catalog) {
    const properties = schemaProperties.safeParse(entry.configSchema);
    if (!properties.success) continue;
    const names = Object.entries(properties.data.properties)
      .filter(([, schema]) => uiOf.safeParse(schema).data?.ui.widget === widgetName)
      .map(([name]) => name);
    if (names.length > 0) fields.set(`${entry.type}@${entry.version}`, names);
  }
  return fields;
}

/**
 * The published flows that use a template: a flow uses it when its newest published version (what
 * new runs start on) has a node whose `library-template` field names it. Drafts and test versions
 * do not count: nothing real runs them.
 */
export async function flowsUsingTemplate(
  db: Db,
  catalog: readonly CatalogEntry[],
  workspaceId: string,
  name: string,
): Promise<TemplateUser[]> {
  const fields = templateFields(catalog);
  if (fields.size === 0) return [];
  return publishedFlowsUsing(db, workspaceId, (node) =>
    (fields.get(`${node.type}@${node.version}`) ?? []).some((f) => node.config?.[f] === name),
  );
}
