import { and, eq } from 'drizzle-orm';
import { flows, flowVersions, messagingChannels, type Db } from '@omniflow/db';
import type { MessagingChannel } from '@omniflow/nodes/drivers/messaging';

export interface FlowRef {
  id: string;
  name: string;
}

const isChannel = (value: unknown): value is MessagingChannel =>
  messagingChannels.some((channel) => channel === value);

/**
 * The channels each node of a graph names in its `channel` setting. `any` (a trigger taking every
 * channel) counts as all of them; `conversation` is the trigger's channel, already counted there.
 */
export function channelsOfGraph(graph: unknown): Set<MessagingChannel> {
  const found = new Set<MessagingChannel>();
  const nodes = (graph as { nodes?: unknown } | null)?.nodes;
  if (!Array.isArray(nodes)) return found;
  for (const node of nodes) {
    const channel = (node as { config?: { channel?: unknown } } | null)?.config?.channel;
    if (isChannel(channel)) found.add(channel);
    else if (channel === 'any') for (const each of messagingChannels) found.add(each);
  }
  return found;
}

/** Per channel, the flows whose published (latest) version talks on it. */
export async function publishedFlowChannels(
  db: Db,
  workspaceId: string,
): Promise<Map<MessagingChannel, FlowRef[]>> {
  const published = await db
    .select({ id: flows.id, name: flows.name, graph: flowVersions.graph })
    .from(flows)
    .innerJoin(
      flowVersions,
      and(
        eq(flowVersions.flowId, flows.id),
        eq(flowVersions.version, flows.latestVersion),
        eq(flowVersions.kind, 'published'),
      ),
    )
    .where(eq(flows.workspaceId, workspaceId));
  const byChannel = new Map<MessagingChannel, FlowRef[]>();
  for (const flow of published) {
    for (const channel of channelsOfGraph(flow.graph)) {
      byChannel.set(channel, [...(byChannel.get(channel) ?? []), { id: flow.id, name: flow.name }]);
    }
  }
  return byChannel;
}
