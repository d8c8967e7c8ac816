import type { NodeRegistry } from '@omniflow/nodes/sdk';
import { flowDocumentSchema, type FlowDocument } from '../graph/flow-schema.ts';
import { validateFlow } from '../graph/validate-flow.ts';
import { upgradeNodeVersions } from '../graph/upgrade-node-versions.ts';
import { ApiError } from './api-error.ts';

/** A stored draft that validates, or 422 FLOW_INVALID listing every issue; `doing` ends the message. */
export function validDraft(draft: unknown, registry: NodeRegistry, doing: string): FlowDocument {
  // Nodes of an older version are published as their newest, through its migrate.
  const graph = upgradeNodeVersions(flowDocumentSchema.parse(draft), registry).doc;
  const result = validateFlow(graph, registry);
  if (!result.ok) {
    throw new ApiError(
      422,
      'FLOW_INVALID',
      `The flow has ${result.errors.length} error(s); fix them to ${doing}`,
      {
        errors: result.errors,
        warnings: result.warnings,
      },
    );
  }
  return graph;
}
