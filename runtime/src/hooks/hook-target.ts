import { httpWebhook, normalizeWebhookPath, type HttpWebhookConfig } from '@omniflow/nodes/http';
import type { flowVersions } from '@omniflow/db';
import type { FlowDocument } from '../graph/flow-schema.ts';

/** What answering a request at a hook needs of the flow version behind it. */
export interface HookTarget {
  workspaceId: string;
  flowId: string;
  flowName: string;
  version: Pick<typeof flowVersions.$inferSelect, 'id' | 'flowId' | 'version' | 'machine'>;
  trigger: HttpWebhookConfig;
  /** The normalized path the trigger answers (normalizeWebhookPath). */
  path: string;
  /** The `http.respond` nodes whose output answers the caller. */
  respondNodeIds: string[];
}

/** The flow's webhook trigger, read through the node's schema (a draft stores what was typed). */
export function webhookTriggerOf(graph: FlowDocument): HttpWebhookConfig | undefined {
  const trigger = graph.nodes.find((n) => n.id === graph.trigger?.node) ?? graph.nodes[0];
  if (trigger?.type !== httpWebhook.type) return undefined;
  const config = httpWebhook.config.safeParse(trigger.config);
  return config.success ? config.data : undefined;
}

export function hookTargetOf(
  flow: { workspaceId: string; id: string; name: string },
  version: HookTarget['version'] & { graph: unknown },
): HookTarget | undefined {
  const graph = version.graph as FlowDocument;
  const trigger = webhookTriggerOf(graph);
  if (!trigger) return undefined;
  return {
    workspaceId: flow.workspaceId,
    flowId: flow.id,
    flowName: flow.name,
    version: { id: version.id, flowId: version.flowId, version: version.version, machine: version.machine },
    trigger,
    path: normalizeWebhookPath(trigger.path),
    respondNodeIds: graph.nodes.filter((n) => n.type === 'http.respond').map((n) => n.id),
  };
}

/** Whether the trigger takes this method (HEAD is a GET without a body). */
export const takesMethod = (trigger: HttpWebhookConfig, method: string) =>
  trigger.method === 'ANY' || trigger.method === (method === 'HEAD' ? 'GET' : method);
