import { newId, flowVersions, flows, runs, workspaces, type Db } from '@omniflow/db';
import type { NodeRegistry } from '@omniflow/nodes/sdk';
import { compileFlow } from '../../src/compiler/compile-flow.ts';
import { flowDocumentSchema } from '../../src/graph/flow-schema.ts';
import { validateFlow } from '../../src/graph/validate-flow.ts';
import type { FlowRunArgs } from '../../src/temporal/workflow-api.ts';

/**
 * Publishes `graph` straight into the database and creates a run row, returning the
 * workflow arguments: for tests that drive Temporal without the HTTP API.
 */
export async function seedRun(
  db: Db,
  registry: NodeRegistry,
  graph: unknown,
  input: unknown = {},
): Promise<FlowRunArgs> {
  const doc = flowDocumentSchema.parse(graph);
  const validation = validateFlow(doc, registry);
  if (!validation.ok) throw new Error(`Fixture is invalid: ${JSON.stringify(validation.errors)}`);
  const machine = compileFlow(doc, registry);
  const workspaceId = (await db.query.workspaces.findFirst())?.id ?? newId();
  await db.insert(workspaces).values({ id: workspaceId, name: 'Test' }).onConflictDoNothing();
  const flowId = newId();
  const versionId = newId();
  const runId = newId();
  await db.insert(flows).values({ id: flowId, workspaceId, name: doc.name, draft: doc, latestVersion: 1 });
  await db
    .insert(flowVersions)
    .values({ id: versionId, workspaceId, flowId, version: 1, graph: doc, machine, hash: 'seed' });
  const startedAt = new Date();
  await db.insert(runs).values({
    id: runId,
    workspaceId,
    flowId,
    flowVersionId: versionId,
    version: 1,
    input,
    temporalWorkflowId: runId,
    startedAt,
  });
  return {
    runId,
    workspaceId,
    machine,
    input,
    run: { id: runId, flowId, version: 1, startedAt: startedAt.toISOString() },
  };
}
