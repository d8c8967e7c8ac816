import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { flowVersions, flows, type Db } from '@omniflow/db';

/** A published flow that uses something (a template, a recorded prompt), and the nodes that do. */
export interface PublishedFlowUser {
  flowId: string;
  flowName: string;
  version: number;
  nodeIds: string[];
}

/** What a use test sees of one node of a published graph. */
export interface PublishedNode {
  id: string;
  type: string;
  version: number;
  config?: Record<string, unknown>;
}

const graphNodes = z.object({
  nodes: z.array(
    z.object({
      id: z.string(),
      type: z.string(),
      version: z.number(),
      config: z.record(z.string(), z.unknown()).optional(),
    }),
  ),
});

/**
 * The flows of a workspace whose newest published version (what new runs start on) has nodes
 * that `uses` — sorted by name. Drafts and test versions do not count: nothing real runs them.
 */
export async function publishedFlowsUsing(
  db: Db,
  workspaceId: string,
  uses: (node: PublishedNode) => boolean,
): Promise<PublishedFlowUser[]> {
  const rows = await db
    .select({
      flowId: flows.id,
      flowName: flows.name,
      version: flowVersions.version,
      graph: flowVersions.graph,
    })
    .from(flows)
    .innerJoin(
      flowVersions,
      and(eq(flowVersions.flowId, flows.id), eq(flowVersions.version, flows.latestVersion)),
    )
    .where(and(eq(flows.workspaceId, workspaceId), eq(flowVersions.kind, 'published')));
  const users: PublishedFlowUser[] = [];
  for (const row of rows) {
    const graph = graphNodes.safeParse(row.graph);
    if (!graph.success) continue;
    const nodeIds = graph.data.nodes.filter(uses).map((node) => node.id);
    if (nodeIds.length > 0)
      users.push({ flowId: row.flowId, flowName: row.flowName, version: row.version, nodeIds });
  }
  return users.sort((a, b) => a.flowName.localeCompare(b.flowName));
}
