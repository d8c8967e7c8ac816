import { and, eq } from 'drizzle-orm';
import { flowVersions, newId, type Db } from '@omniflow/db';
import type { NodeRegistry } from '@omniflow/nodes/sdk';
import { compileFlow } from '../compiler/compile-flow.ts';
import { graphHash } from '../graph/graph-hash.ts';
import type { FlowDocument } from '../graph/flow-schema.ts';

/**
 * The version a test of a flow's current draft runs (`graph`: the draft, validated by the
 * caller), kept per content, so testing an unchanged draft again reuses its version. The
 * simulator's test runs and the browser phone's calls to a draft both go through it.
 */
export async function draftTestVersion(
  deps: { db: Db; registry: NodeRegistry },
  flow: { id: string; workspaceId: string },
  graph: FlowDocument,
  userId: string | null,
) {
  const { db } = deps;
  const hash = graphHash(graph);
  let [version] = await db
    .select()
    .from(flowVersions)
    .where(and(eq(flowVersions.flowId, flow.id), eq(flowVersions.kind, 'test'), eq(flowVersions.hash, hash)));
  if (!version) {
    [version] = await db
      .insert(flowVersions)
      .values({
        id: newId(),
        workspaceId: flow.workspaceId,
        flowId: flow.id,
        version: 0,
        kind: 'test',
        graph,
        machine: compileFlow(graph, deps.registry),
        hash,
        notes: 'draft test',
        publishedBy: userId,
      })
      .returning();
  }
  return version!;
}
