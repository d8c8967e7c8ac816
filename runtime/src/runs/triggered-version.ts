import { and, desc, eq } from 'drizzle-orm';
import { flowVersions, flows, type Db } from '@omniflow/db';
import type { FlowDocument } from '../graph/flow-schema.ts';

/** A trigger node type as the lookup needs it: its type and the schema of its config. */
interface TriggerDefinition<Config> {
  type: string;
  config: { safeParse(value: unknown): { success: true; data: Config } | { success: false } };
}

/**
 * The newest published version (each flow's latest) whose trigger is of this type and takes what
 * arrived, in one workspace or, without one, in any. Drafts store what the designer set, so the
 * config is read through the node's schema to get its defaults.
 */
export async function triggeredVersion<Config>(
  db: Db,
  workspaceId: string | undefined,
  definition: TriggerDefinition<Config>,
  takes: (config: Config) => boolean,
) {
  const candidates = await db
    .select({ version: flowVersions })
    .from(flowVersions)
    .innerJoin(flows, and(eq(flows.id, flowVersions.flowId), eq(flows.latestVersion, flowVersions.version)))
    .where(
      and(
        eq(flowVersions.kind, 'published'),
        ...(workspaceId ? [eq(flowVersions.workspaceId, workspaceId)] : []),
      ),
    )
    .orderBy(desc(flowVersions.publishedAt));
  return candidates
    .map((c) => c.version)
    .find((version) => {
      const graph = version.graph as FlowDocument;
      const trigger = graph.nodes.find((n) => n.id === graph.trigger?.node) ?? graph.nodes[0];
      if (trigger?.type !== definition.type) return false;
      const config = definition.config.safeParse(trigger.config);
      return config.success && takes(config.data);
    });
}
