import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { flowVersions, flows, type Db } from '@omniflow/db';
import { voicePromptIdsIn } from '@omniflow/nodes/sdk';

/** A published flow that plays a recorded prompt, and the nodes that do. */
export interface VoicePromptUser {
  flowId: string;
  flowName: string;
  version: number;
  nodeIds: string[];
}

const graphNodes = z.object({
  nodes: z.array(z.object({ id: z.string(), config: z.unknown().optional() })),
});

/**
 * The flows whose newest published version (what new calls start on) names the prompt in any
 * node's config. Drafts do not count: the problems panel flags a draft's missing prompt instead.
 */
export async function flowsUsingVoicePrompt(
  db: Db,
  workspaceId: string,
  promptId: string,
): Promise<VoicePromptUser[]> {
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
  const users: VoicePromptUser[] = [];
  for (const row of rows) {
    const graph = graphNodes.safeParse(row.graph);
    if (!graph.success) continue;
    const nodeIds = graph.data.nodes
      .filter((node) => voicePromptIdsIn(node.config).includes(promptId))
      .map((node) => node.id);
    if (nodeIds.length > 0)
      users.push({ flowId: row.flowId, flowName: row.flowName, version: row.version, nodeIds });
  }
  return users.sort((a, b) => a.flowName.localeCompare(b.flowName));
}
