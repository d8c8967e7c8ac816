import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { flowVersions, flows, type Db } from '@omniflow/db';
import type { NodeRegistry } from '@omniflow/nodes/sdk';
import { flowDocumentSchema, type FlowDocument, type FlowNode } from '../graph/flow-schema.ts';
import { nodeNames } from '../graph/issue-names.ts';
import type { ValidationIssue } from '../graph/validation-issue.ts';

const callType = 'flow.call';
const startType = 'flow.start';

function calledFlowId(node: FlowNode): string | undefined {
  const flowId = node.config.flowId;
  return node.type === callType && typeof flowId === 'string' && flowId !== '' ? flowId : undefined;
}

interface FlowFacts {
  name: string;
  latestVersion: number | null;
}

/** Flows of the workspace by id, as much as the checks need. */
async function flowFacts(db: Db, workspaceId: string, ids: string[]): Promise<Map<string, FlowFacts>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: flows.id, name: flows.name, latestVersion: flows.latestVersion })
    .from(flows)
    .where(and(eq(flows.workspaceId, workspaceId), inArray(flows.id, ids)));
  return new Map(rows.map((row) => [row.id, row]));
}

/** The graph of a published version of `flowId`, or undefined when it cannot be read. */
async function publishedGraph(db: Db, flowId: string, version: number): Promise<FlowDocument | undefined> {
  const [row] = await db
    .select({ graph: flowVersions.graph })
    .from(flowVersions)
    .where(and(eq(flowVersions.flowId, flowId), eq(flowVersions.version, version)));
  const graph = flowDocumentSchema.safeParse(row?.graph);
  return graph.success ? graph.data : undefined;
}

/** The flows the latest published version of `flowId` calls. */
async function publishedCallees(db: Db, flowId: string, latestVersion: number): Promise<string[]> {
  const graph = await publishedGraph(db, flowId, latestVersion);
  return graph ? graph.nodes.flatMap((n) => calledFlowId(n) ?? []) : [];
}

// What this check reads of flow.start's `inputs` (nodes/src/flow/start.node.ts); rows it cannot
// read are left to that node's own validation.
const declaredInputsSchema = z.object({
  inputs: z.array(z.object({ name: z.string(), required: z.boolean().default(false) })).optional(),
});
type DeclaredInput = { name: string; required: boolean };

/**
 * The inputs a flow's start declares, or undefined when it declares none (or starts another
 * way): such a flow takes whatever it is given.
 */
function declaredInputs(graph: FlowDocument): DeclaredInput[] | undefined {
  const trigger =
    graph.nodes.find((n) => n.id === graph.trigger?.node) ?? graph.nodes.find((n) => n.type === startType);
  if (trigger?.type !== startType) return undefined;
  const parsed = declaredInputsSchema.safeParse(trigger.config);
  const inputs = parsed.success ? parsed.data.inputs : undefined;
  return inputs && inputs.length > 0 ? inputs : undefined;
}

/**
 * A call's inputs against what the called flow declares: each input given that it does not
 * declare (a typo or a removed input, whose value would be lost), each required one not given.
 */
function inputIssues(
  node: FlowNode,
  names: Record<string, string>,
  flow: string,
  declared: DeclaredInput[],
): ValidationIssue[] {
  const mapped = node.config.inputs;
  const given = typeof mapped === 'object' && mapped !== null ? Object.keys(mapped) : [];
  const known = new Set(declared.map((d) => d.name));
  const takes = declared.map((d) => d.name).join(', ');
  const unknown = given
    .filter((input) => !known.has(input))
    .map((input): ValidationIssue => ({
      code: 'SUBFLOW_INPUT_UNKNOWN',
      severity: 'error',
      nodeId: node.id,
      path: ['inputs', input],
      params: { ...names, flow, input, takes },
      message: `Node ${node.id} gives the flow "${flow}" the input "${input}", which it does not declare (it takes: ${takes})`,
    }));
  const missing = declared
    .filter((d) => d.required && !given.includes(d.name))
    .map((d): ValidationIssue => ({
      code: 'SUBFLOW_INPUT_MISSING',
      severity: 'error',
      nodeId: node.id,
      path: ['inputs'],
      params: { ...names, flow, input: d.name },
      message: `Node ${node.id} does not give the flow "${flow}" its required input "${d.name}"`,
    }));
  return [...unknown, ...missing];
}

/**
 * The subflow problems of a flow about to be published: a call to a flow with no published
 * version, inputs given that the called flow does not declare or required ones not given (against
 * the version the call will be pinned to), and a call that leads back to this flow (itself, or
 * A → B → A through the published versions of the flows it calls), which would start runs for
 * ever. The cycle is named by the flows' names, in the order they call each other.
 */
export async function subflowCallIssues(
  db: Db,
  registry: NodeRegistry,
  workspaceId: string,
  flowId: string,
  graph: FlowDocument,
): Promise<ValidationIssue[]> {
  const calls = graph.nodes.flatMap((node) => {
    const callee = calledFlowId(node);
    return callee ? [{ node, callee }] : [];
  });
  if (calls.length === 0) return [];
  const known = await flowFacts(db, workspaceId, [...new Set(calls.map((c) => c.callee))]);
  const names = new Map<string, string>([[flowId, graph.name]]);
  for (const [id, facts] of known) names.set(id, facts.name);
  const issues: ValidationIssue[] = [];
  for (const { node, callee } of calls) {
    const names0 = nodeNames(node, registry.get(node.type, node.version));
    const facts = known.get(callee);
    if (callee !== flowId && !facts?.latestVersion) {
      const flow = facts?.name ?? String(node.config.flowName ?? '?');
      issues.push({
        code: 'SUBFLOW_NOT_PUBLISHED',
        severity: 'error',
        nodeId: node.id,
        path: ['flowId'],
        params: { ...names0, flow },
        message: `Node ${node.id} runs the flow "${flow}", which has no published version`,
      });
      continue;
    }
    if (callee !== flowId && facts?.latestVersion) {
      const child = await publishedGraph(db, callee, facts.latestVersion);
      const declared = child && declaredInputs(child);
      if (declared) issues.push(...inputIssues(node, names0, facts.name, declared));
    }
    const path = await pathBack(db, workspaceId, flowId, callee, names);
    if (path) {
      const cycle = [flowId, ...path].map((id) => names.get(id) ?? '?').join(' → ');
      issues.push({
        code: 'SUBFLOW_CYCLE',
        severity: 'error',
        nodeId: node.id,
        path: ['flowId'],
        params: { ...names0, cycle },
        message: `Node ${node.id} makes the flows call each other for ever: ${cycle}`,
      });
    }
  }
  return issues;
}

/** The calls from `start` that lead back to `home` (ending with it), through published versions. */
async function pathBack(
  db: Db,
  workspaceId: string,
  home: string,
  start: string,
  names: Map<string, string>,
): Promise<string[] | undefined> {
  const seen = new Set<string>();
  const queue: string[][] = [[start]];
  while (queue.length > 0) {
    const path = queue.shift()!;
    const at = path[path.length - 1]!;
    if (at === home) return path;
    if (seen.has(at)) continue;
    seen.add(at);
    const facts = (await flowFacts(db, workspaceId, [at])).get(at);
    if (!facts?.latestVersion) continue;
    names.set(at, facts.name);
    for (const next of await publishedCallees(db, at, facts.latestVersion)) queue.push([...path, next]);
  }
  return undefined;
}

/**
 * The graph as it is published: each subflow call pinned to the called flow's latest published
 * version now ("latest at publish"), with its name for the card. Runs of this version keep calling
 * that version until this flow is published again.
 */
export async function pinSubflowVersions(
  db: Db,
  workspaceId: string,
  graph: FlowDocument,
): Promise<FlowDocument> {
  const ids = [...new Set(graph.nodes.flatMap((n) => calledFlowId(n) ?? []))];
  if (ids.length === 0) return graph;
  const known = await flowFacts(db, workspaceId, ids);
  return {
    ...graph,
    nodes: graph.nodes.map((node) => {
      const facts = known.get(calledFlowId(node) ?? '');
      if (!facts?.latestVersion) return node;
      return { ...node, config: { ...node.config, version: facts.latestVersion, flowName: facts.name } };
    }),
  };
}

/** A validation result with the flow's subflow problems added to its errors. */
export async function withSubflowIssues<T extends { ok: boolean; errors: ValidationIssue[] }>(
  db: Db,
  registry: NodeRegistry,
  workspaceId: string,
  flowId: string,
  graph: FlowDocument,
  result: T,
): Promise<T> {
  const issues = await subflowCallIssues(db, registry, workspaceId, flowId, graph);
  return issues.length === 0 ? result : { ...result, ok: false, errors: [...result.errors, ...issues] };
}
