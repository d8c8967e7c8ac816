import { and, desc, eq } from 'drizzle-orm';
import { flowVersions, flows, type Db } from '@omniflow/db';
import { answersCall, voiceInboundCall } from '@omniflow/nodes';
import type { FlowDocument } from '../graph/flow-schema.ts';

/**
 * The newest published version of a flow whose `voice.inbound-call` trigger answers `to`. The
 * SIP endpoint is one per install, so every workspace's flows are looked at: a dialled number
 * should belong to one flow, and if two claim it the one published last wins.
 */
export async function findCallFlow(db: Db, to: string) {
  const candidates = await db
    .select({ version: flowVersions })
    .from(flowVersions)
    .innerJoin(flows, and(eq(flows.id, flowVersions.flowId), eq(flows.latestVersion, flowVersions.version)))
    .where(eq(flowVersions.kind, 'published'))
    .orderBy(desc(flowVersions.publishedAt));
  return candidates
    .map((c) => c.version)
    .find((version) => {
      const graph = version.graph as FlowDocument;
      const trigger = graph.nodes.find((n) => n.id === graph.trigger?.node) ?? graph.nodes[0];
      if (trigger?.type !== voiceInboundCall.type) return false;
      // Drafts store what the designer set; defaults come from the node's schema.
      const config = voiceInboundCall.config.safeParse(trigger.config);
      return config.success && answersCall(config.data, to);
    });
}
