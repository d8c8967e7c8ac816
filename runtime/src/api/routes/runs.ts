import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { and, asc, desc, eq, lt } from 'drizzle-orm';
import { flowVersions, newId, runSteps, runs, runStatuses } from '@omniflow/db';
import type { FlowRunArgs } from '../../temporal/workflow-api.ts';
import { sendEventUpdate, skipWaitUpdate } from '../../temporal/workflow-api.ts';
import { compileFlow } from '../../compiler/compile-flow.ts';
import { graphHash } from '../../graph/graph-hash.ts';
import type { MachineJson } from '../../compiler/machine-json.ts';
import { ApiError, notFound } from '../api-error.ts';
import { validDraft } from '../valid-draft.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import {
  conflictResponse,
  errorResponses,
  errorSchema,
  idParam,
  json,
  notFoundResponse,
} from '../schemas.ts';
import { findFlow } from './flows.ts';

const statusSchema = z.enum(runStatuses);

const runSummary = z
  .object({
    id: z.string(),
    flowId: z.string(),
    version: z.number().int(),
    status: statusSchema,
    currentNodes: z.array(z.string()),
    startedAt: z.string(),
    endedAt: z.string().nullable(),
  })
  .openapi('RunSummary');

const stepSchema = z
  .object({
    seq: z.number().int(),
    nodeId: z.string(),
    nodeType: z.string(),
    enteredAt: z.string(),
    leftAt: z.string().nullable(),
    port: z.string().nullable(),
    input: z.unknown(),
    output: z.unknown(),
    error: z.unknown(),
  })
  .openapi('RunStep');

const runDetail = runSummary
  .extend({ input: z.unknown(), output: z.unknown(), error: z.unknown(), steps: z.array(stepSchema) })
  .openapi('Run');

const eventBody = z
  .object({
    type: z
      .string()
      .min(1, 'Name the event')
      .refine((t) => !t.startsWith('xstate.'), 'Event types starting with "xstate." are reserved'),
    data: z.unknown().optional(),
  })
  .openapi('RunEvent');

const routes = {
  start: createRoute({
    method: 'post',
    path: '/runs',
    tags: ['runs'],
    summary: 'Start a run of a published flow (latest version unless one is named)',
    request: {
      body: {
        required: true,
        content: {
          'application/json': {
            schema: z.object({
              flowId: z.uuid({ message: 'flowId must be a flow id' }),
              version: z.number().int().positive().optional(),
              input: z.record(z.string(), z.unknown()).default({}),
            }),
          },
        },
      },
    },
    responses: {
      201: json(
        z.object({ id: z.string(), version: z.number().int(), status: statusSchema }),
        'The run started',
      ),
      ...errorResponses,
      ...notFoundResponse,
      ...conflictResponse,
    },
  }),
  list: createRoute({
    method: 'get',
    path: '/runs',
    tags: ['runs'],
    summary: 'Runs, newest first, in cursor pages',
    request: {
      query: z.object({
        flowId: z.uuid().optional(),
        status: statusSchema.optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
        cursor: z.string().optional(),
      }),
    },
    responses: {
      200: json(
        z.object({ items: z.array(runSummary), nextCursor: z.string().nullable() }),
        'A page of runs',
      ),
      ...errorResponses,
    },
  }),
  get: createRoute({
    method: 'get',
    path: '/runs/{id}',
    tags: ['runs'],
    summary: 'A run with its status, current nodes and every step taken',
    request: { params: idParam },
    responses: { 200: json(runDetail, 'The run'), ...errorResponses, ...notFoundResponse },
  }),
  event: createRoute({
    method: 'post',
    path: '/runs/{id}/events',
    tags: ['runs'],
    summary: 'Send an event to a waiting run; answers with the state it reached',
    request: {
      params: idParam,
      body: { required: true, content: { 'application/json': { schema: eventBody } } },
    },
    responses: {
      200: json(
        z.object({ status: statusSchema, currentNodes: z.array(z.string()), error: z.unknown().optional() }),
        'The state after the event',
      ),
      ...errorResponses,
      ...notFoundResponse,
      ...conflictResponse,
    },
  }),
  testRun: createRoute({
    method: 'post',
    path: '/flows/{id}/test-runs',
    tags: ['runs'],
    summary: 'Run the current draft without publishing it (the builder’s simulator)',
    request: {
      params: idParam,
      body: {
        required: false,
        content: {
          'application/json': { schema: z.object({ input: z.record(z.string(), z.unknown()).default({}) }) },
        },
      },
    },
    responses: {
      201: json(
        z.object({ id: z.string(), version: z.number().int(), status: statusSchema }),
        'The test run started',
      ),
      422: json(errorSchema, 'The draft has errors; details.errors lists them'),
      ...errorResponses,
      ...notFoundResponse,
    },
  }),
  skipWait: createRoute({
    method: 'post',
    path: '/runs/{id}/skip-wait',
    tags: ['runs'],
    summary: 'Test runs only: end the current wait or timeout now',
    request: { params: idParam },
    responses: {
      200: json(
        z.object({ status: statusSchema, currentNodes: z.array(z.string()) }),
        'The state after the wait',
      ),
      ...errorResponses,
      ...notFoundResponse,
      ...conflictResponse,
    },
  }),
  cancel: createRoute({
    method: 'post',
    path: '/runs/{id}/cancel',
    tags: ['runs'],
    summary: 'Cancel a running or waiting run',
    request: { params: idParam },
    responses: {
      200: json(
        z.object({ id: z.string(), status: statusSchema }),
        'The run after cancelling (normally `cancelled`)',
      ),
      ...errorResponses,
      ...notFoundResponse,
      ...conflictResponse,
    },
  }),
};

const encodeCursor = (id: string) => Buffer.from(id).toString('base64url');
function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString();
  if (!z.uuid().safeParse(id).success)
    throw new ApiError(400, 'CURSOR_INVALID', 'The cursor is not one this API gave out');
  return id;
}

type RunRow = typeof runs.$inferSelect;
const summary = (row: RunRow) => ({
  id: row.id,
  flowId: row.flowId,
  version: row.version,
  status: row.status,
  currentNodes: row.currentNodes,
  startedAt: row.startedAt.toISOString(),
  endedAt: row.endedAt?.toISOString() ?? null,
});

export function runRoutes(deps: AppDeps) {
  const { db, temporal } = deps;

  async function findRun(workspaceId: string, id: string): Promise<RunRow> {
    const [row] = await db
      .select()
      .from(runs)
      .where(and(eq(runs.id, id), eq(runs.workspaceId, workspaceId)));
    if (!row) throw notFound('Run', id);
    return row;
  }

  /** Writes the run row, then starts its workflow; a run whose workflow cannot start is removed. */
  async function startRun(
    workspaceId: string,
    version: typeof flowVersions.$inferSelect,
    input: Record<string, unknown>,
    test: boolean,
  ): Promise<string> {
    const id = newId();
    const startedAt = new Date();
    await db.insert(runs).values({
      id,
      workspaceId,
      flowId: version.flowId,
      flowVersionId: version.id,
      version: version.version,
      input,
      temporalWorkflowId: id,
      startedAt,
    });
    const args: FlowRunArgs = {
      runId: id,
      workspaceId,
      machine: version.machine as MachineJson,
      input,
      run: { id, flowId: version.flowId, version: version.version, startedAt: startedAt.toISOString() },
      ...(test ? { test } : {}),
    };
    try {
      const handle = await temporal.workflow.start('flowRun', {
        taskQueue: deps.taskQueue,
        workflowId: id,
        args: [args],
      });
      await db.update(runs).set({ temporalRunId: handle.firstExecutionRunId }).where(eq(runs.id, id));
    } catch (error) {
      // Nothing runs without a workflow: remove the row rather than leave a run that never moves.
      await db.delete(runs).where(eq(runs.id, id));
      throw new ApiError(
        503,
        'TEMPORAL_UNAVAILABLE',
        `The run could not be started: ${(error as Error).message}`,
      );
    }
    return id;
  }

  /** Sends an Update to a live run; refusals become 409 with the workflow's reason. */
  async function updateRun<T>(row: RunRow, send: () => Promise<T>): Promise<T> {
    if (row.status !== 'running' && row.status !== 'waiting') {
      throw new ApiError(409, 'RUN_ENDED', `The run is ${row.status}; it takes no more events`);
    }
    try {
      return await send();
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError) {
        const reason = error.cause instanceof Error ? error.cause.message : error.message;
        throw new ApiError(409, 'EVENT_NOT_ACCEPTED', reason);
      }
      if (error instanceof WorkflowNotFoundError) throw new ApiError(409, 'RUN_ENDED', 'The run has ended');
      throw error;
    }
  }

  return new OpenAPIHono<AppEnv>()
    .openapi(routes.testRun, async (c) => {
      const { workspaceId, userId } = c.get('principal');
      const flow = await findFlow(db, workspaceId, c.req.valid('param').id);
      const input =
        (c.req.header('content-type')?.includes('json') ? c.req.valid('json').input : undefined) ?? {};
      const graph = validDraft(flow.draft, deps.registry, 'test it');
      const hash = graphHash(graph);
      // Test versions are kept per content: testing an unchanged draft again reuses its version.
      let [version] = await db
        .select()
        .from(flowVersions)
        .where(
          and(eq(flowVersions.flowId, flow.id), eq(flowVersions.kind, 'test'), eq(flowVersions.hash, hash)),
        );
      if (!version) {
        [version] = await db
          .insert(flowVersions)
          .values({
            id: newId(),
            workspaceId,
            flowId: flow.id,
            version: 0,
            kind: 'test',
            graph,
            machine: compileFlow(graph, deps.registry),
            hash,
            notes: 'draft test',
            publishedBy: userId,
          })
          .returning();
      }
      const id = await startRun(workspaceId, version!, input, true);
      return c.json({ id, version: 0, status: 'running' as const }, 201);
    })
    .openapi(routes.skipWait, async (c) => {
      const row = await findRun(c.get('principal').workspaceId, c.req.valid('param').id);
      const state = await updateRun(row, () =>
        temporal.workflow.getHandle(row.temporalWorkflowId).executeUpdate(skipWaitUpdate, { args: [] }),
      );
      return c.json({ status: state.status, currentNodes: state.currentNodes }, 200);
    })
    .openapi(routes.start, async (c) => {
      const { workspaceId } = c.get('principal');
      const body = c.req.valid('json');
      const flow = await findFlow(db, workspaceId, body.flowId);
      const version = body.version ?? flow.latestVersion;
      if (version === null)
        throw new ApiError(409, 'FLOW_NOT_PUBLISHED', 'Publish the flow before starting runs of it');
      const [published] = await db
        .select()
        .from(flowVersions)
        .where(
          and(
            eq(flowVersions.flowId, flow.id),
            eq(flowVersions.version, version),
            eq(flowVersions.kind, 'published'),
          ),
        );
      if (!published) throw notFound('Version', `${version} of flow ${flow.id}`);
      const id = await startRun(workspaceId, published, body.input, false);
      return c.json({ id, version, status: 'running' as const }, 201);
    })
    .openapi(routes.list, async (c) => {
      const { flowId, status, limit, cursor } = c.req.valid('query');
      const conditions = [eq(runs.workspaceId, c.get('principal').workspaceId)];
      if (flowId) conditions.push(eq(runs.flowId, flowId));
      if (status) conditions.push(eq(runs.status, status));
      if (cursor) conditions.push(lt(runs.id, decodeCursor(cursor)));
      const rows = await db
        .select()
        .from(runs)
        .where(and(...conditions))
        .orderBy(desc(runs.id))
        .limit(limit + 1);
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return c.json(
        { items: page.map(summary), nextCursor: rows.length > limit && last ? encodeCursor(last.id) : null },
        200,
      );
    })
    .openapi(routes.get, async (c) => {
      const row = await findRun(c.get('principal').workspaceId, c.req.valid('param').id);
      const steps = await db
        .select()
        .from(runSteps)
        .where(eq(runSteps.runId, row.id))
        .orderBy(asc(runSteps.seq));
      return c.json(
        {
          ...summary(row),
          input: row.input,
          output: row.output,
          error: row.error,
          steps: steps.map((s) => ({
            seq: s.seq,
            nodeId: s.nodeId,
            nodeType: s.nodeType,
            enteredAt: s.enteredAt.toISOString(),
            leftAt: s.leftAt?.toISOString() ?? null,
            port: s.port,
            input: s.input,
            output: s.output,
            error: s.error,
          })),
        },
        200,
      );
    })
    .openapi(routes.event, async (c) => {
      const row = await findRun(c.get('principal').workspaceId, c.req.valid('param').id);
      const event = c.req.valid('json');
      const state = await updateRun(row, () =>
        temporal.workflow
          .getHandle(row.temporalWorkflowId)
          .executeUpdate(sendEventUpdate, { args: [{ type: event.type, data: event.data }] }),
      );
      return c.json(
        {
          status: state.status,
          currentNodes: state.currentNodes,
          ...(state.error ? { error: state.error } : {}),
        },
        200,
      );
    })
    .openapi(routes.cancel, async (c) => {
      const row = await findRun(c.get('principal').workspaceId, c.req.valid('param').id);
      if (row.status !== 'running' && row.status !== 'waiting') {
        throw new ApiError(409, 'RUN_ENDED', `The run is already ${row.status}`);
      }
      const handle = temporal.workflow.getHandle(row.temporalWorkflowId);
      try {
        await handle.cancel();
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) throw new ApiError(409, 'RUN_ENDED', 'The run has ended');
        throw error;
      }
      // The workflow records its cancellation itself; wait briefly so the answer shows it.
      await Promise.race([handle.result().catch(() => undefined), new Promise((r) => setTimeout(r, 10_000))]);
      const [after] = await db.select({ status: runs.status }).from(runs).where(eq(runs.id, row.id));
      return c.json({ id: row.id, status: after?.status ?? row.status }, 200);
    });
}
