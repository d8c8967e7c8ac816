import { and, eq } from 'drizzle-orm';
import { flowVersions, flows, type Db } from '@omniflow/db';
import { voiceInboundCall } from '@omniflow/nodes';
import type { FlowDocument } from '../graph/flow-schema.ts';

export type VoiceFlowVersion = typeof flowVersions.$inferSelect;

/** The version a campaign's flow runs now: its latest, when that is published. */
export async function publishedVersion(
  db: Db,
  flowId: string,
  workspaceId?: string,
): Promise<VoiceFlowVersion | undefined> {
  const [row] = await db
    .select({ version: flowVersions })
    .from(flowVersions)
    .innerJoin(flows, and(eq(flows.id, flowVersions.flowId), eq(flows.latestVersion, flowVersions.version)))
    .where(
      and(
        eq(flowVersions.flowId, flowId),
        eq(flowVersions.kind, 'published'),
        ...(workspaceId ? [eq(flows.workspaceId, workspaceId)] : []),
      ),
    );
  return row?.version;
}

/** A flow is a voice flow when calls start it: its trigger is `voice.inbound-call`. */
export function isVoiceFlow(version: Pick<VoiceFlowVersion, 'graph'>): boolean {
  const graph = version.graph as FlowDocument;
  const trigger = graph.nodes.find((n) => n.id === graph.trigger?.node) ?? graph.nodes[0];
  return trigger?.type === voiceInboundCall.type;
}

export type VoiceFlowProblem = 'FLOW_NOT_FOUND' | 'FLOW_NOT_PUBLISHED' | 'FLOW_NOT_VOICE';

/** Why a flow cannot be a voice campaign's (null when it can). */
export async function voiceFlowProblem(
  db: Db,
  workspaceId: string,
  flowId: string,
): Promise<VoiceFlowProblem | null> {
  const [flow] = await db
    .select({ id: flows.id })
    .from(flows)
    .where(and(eq(flows.workspaceId, workspaceId), eq(flows.id, flowId)));
  if (!flow) return 'FLOW_NOT_FOUND';
  const version = await publishedVersion(db, flowId, workspaceId);
  if (!version) return 'FLOW_NOT_PUBLISHED';
  return isVoiceFlow(version) ? null : 'FLOW_NOT_VOICE';
}

/** The workspace's published voice flows, for a campaign's picker. */
export async function publishedVoiceFlows(
  db: Db,
  workspaceId: string,
): Promise<{ id: string; name: string }[]> {
  const rows = await db
    .select({ id: flows.id, name: flows.name, graph: flowVersions.graph })
    .from(flows)
    .innerJoin(
      flowVersions,
      and(eq(flowVersions.flowId, flows.id), eq(flowVersions.version, flows.latestVersion)),
    )
    .where(and(eq(flows.workspaceId, workspaceId), eq(flowVersions.kind, 'published')))
    .orderBy(flows.name);
  return rows.filter((r) => isVoiceFlow(r)).map(({ id, name }) => ({ id, name }));
}
