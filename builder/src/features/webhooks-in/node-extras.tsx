import type { FlowNodeDoc } from '../../api/types.ts';
import { WebhookUrls } from './webhook-urls.tsx';

/**
 * What the inspector shows under a node's form for node types that need the flow itself (its id,
 * its server-side state): one line per type, so the inspector stays a form.
 */
export function NodeExtras({
  flowId,
  node,
  readOnly,
}: {
  flowId: string;
  node: FlowNodeDoc;
  readOnly: boolean;
}) {
  if (node.type === 'http.webhook') return <WebhookUrls flowId={flowId} node={node} readOnly={readOnly} />;
  return null;
}
