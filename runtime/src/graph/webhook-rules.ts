import type { AnyNodeDefinition } from '@omniflow/nodes/sdk';
import { webhookPathProblem } from '@omniflow/nodes/http';
import type { FlowDocument, FlowNode } from './flow-schema.ts';
import type { ValidationIssue } from './validation-issue.ts';
import { nodeNames } from './issue-names.ts';

const pathReasons: Record<string, string> = {
  empty: 'has no path; write one, such as orders/new',
  characters:
    'has a path with characters a URL path cannot take here; use letters, digits, -, _ and . between single slashes',
  long: 'has a path longer than 200 characters; shorten it',
};

/**
 * A webhook flow's own problems: its trigger's path must be one the hook routes can serve, and
 * an `http.respond` answers only the request that started the run, so it needs a
 * "Webhook received" trigger.
 */
export function webhookErrors(
  doc: FlowDocument,
  trigger: FlowNode | undefined,
  definitions: ReadonlyMap<string, AnyNodeDefinition> = new Map(),
): ValidationIssue[] {
  const errors: ValidationIssue[] = [];
  if (trigger?.type === 'http.webhook') {
    const path = typeof trigger.config.path === 'string' ? trigger.config.path : '';
    const reason = webhookPathProblem(path);
    if (reason)
      errors.push({
        code: 'WEBHOOK_PATH_INVALID',
        severity: 'error',
        nodeId: trigger.id,
        path: ['path'],
        params: { ...nodeNames(trigger, definitions.get(trigger.id)), reason, path },
        message: `"${trigger.id}" ${pathReasons[reason]}`,
      });
    return errors;
  }
  for (const node of doc.nodes.filter((n) => n.type === 'http.respond'))
    errors.push({
      code: 'RESPOND_WITHOUT_WEBHOOK',
      severity: 'error',
      nodeId: node.id,
      params: nodeNames(node, definitions.get(node.id)),
      message: `"${node.id}" answers an HTTP request, but this flow does not start with "Webhook received"; start it with that trigger, or remove the answer`,
    });
  return errors;
}
