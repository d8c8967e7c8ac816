import { and, eq, sql } from 'drizzle-orm';
import { flows, flowVersions, messagingChannels, type Db } from '@omniflow/db';
import type { MessagingChannel } from '@omniflow/nodes/drivers/messaging';

export interface FlowRef {
  id: string;
  name: string;
}

const isChannel = (value: unknown): value is MessagingChannel =>
  messagingChannels.some((channel) => channel === value);

/**
 * The channels named by the `channel` settings of a graph's nodes. `any` (a trigger taking every
 * channel) counts as all of them; `conversation` is the trigger's channel, already counted there.
 */
export function channelsOfSettings(values: readonly unknown[]): Set<MessagingChannel> {
  const found = new Set<MessagingChannel>();
  for (const channel of values) {
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
    .select({
      id: flows.id,
      name: flows.name,
      // Only the nodes' channel settings leave the database, not whole graphs.
      channels: sql<unknown[]>`jsonb_path_query_array(${flowVersions.graph}, '$.nodes[*].config.channel')`,
    })
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
    for (const channel of channelsOfSettings(flow.channels)) {
      byChannel.set(channel, [...(byChannel.get(channel) ?? []), { id: flow.id, name: flow.name }]);
    }
  }
  return byChannel;
}
