import type { CatalogEntry, FlowDocument } from '../../api/types.ts';

// What a node type's output holds beyond `output` itself, when the type is known to the catalog.
// The catalog carries no output schemas yet, so the few documented shapes are listed here.
const outputFields: Record<string, readonly string[]> = {
  'http.request': ['status', 'body'],
};

const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Ids of the nodes a run can pass through before reaching `nodeId`, nearest first. */
function upstreamOf(doc: FlowDocument, nodeId: string): string[] {
  const order: string[] = [];
  const seen = new Set([nodeId]);
  let frontier = [nodeId];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const edge of doc.edges) {
      if (frontier.includes(edge.to.node) && !seen.has(edge.from.node)) {
        seen.add(edge.from.node);
        order.push(edge.from.node);
        next.push(edge.from.node);
      }
    }
    frontier = next;
  }
  return order;
}

/**
 * What a template in node `nodeId` can refer to (the TemplateScope of @omniflow/nodes): the run's
 * input, its variables (declared, or assigned by any logic.set), the outputs of the other nodes
 * (those upstream first, since only they have run by then) and the run's own facts.
 */
export function templateVariables(
  doc: FlowDocument,
  nodeId: string,
  catalog: readonly CatalogEntry[],
): string[] {
  const names = new Set<string>();
  for (const variable of doc.variables) if (identifier.test(variable.name)) names.add(variable.name);
  for (const node of doc.nodes) {
    if (node.type !== 'logic.set' || !Array.isArray(node.config.assignments)) continue;
    for (const assignment of node.config.assignments) {
      if (isRecord(assignment) && typeof assignment.name === 'string' && identifier.test(assignment.name)) {
        names.add(assignment.name);
      }
    }
  }

  const upstream = upstreamOf(doc, nodeId);
  const rank = (id: string) => {
    const at = upstream.indexOf(id);
    return at < 0 ? upstream.length : at;
  };
  const others = doc.nodes.filter((node) => node.id !== nodeId).sort((a, b) => rank(a.id) - rank(b.id));
  const known = new Set(catalog.map((entry) => `${entry.type}@${entry.version}`));
  const nodePaths = others.flatMap((node) => {
    const base = `nodes.${node.id}.output`;
    const fields = known.has(`${node.type}@${node.version}`) ? (outputFields[node.type] ?? []) : [];
    return [base, ...fields.map((field) => `${base}.${field}`)];
  });

  return [
    'input',
    ...[...names].sort().map((name) => `vars.${name}`),
    ...nodePaths,
    'run.id',
    'run.startedAt',
  ];
}
