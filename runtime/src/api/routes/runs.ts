import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import {
  ServiceError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  isGrpcServiceError,
} from '@temporalio/client';
import { and, desc, lt, sql } from 'drizzle-orm';
import { messagingChannels, runs, runStatuses } from '@omniflow/db';
import { createMessagingService } from '../../messaging/messaging-service.ts';
import { sendEventUpdate, skipWaitUpdate } from '../../temporal/workflow-api.ts';
import { runFilterConditions, runFilterSchema } from '../../runs/run-filter.ts';
import { createRunOperations, type RunRow } from '../../runs/run-operations.ts';
import { simulatorConversation } from '../../runs/simulator-conversation.ts';
import { flowNames, runDetail, runSummaryView } from '../../runs/run-detail.ts';
import { findRunnableVersion } from '../../runs/runnable-version.ts';
import { ApiError, notFound, cursorInvalid } from '../api-error.ts';
import { versionNotFound } from '../../runs/run-error.ts';
import { runStatusWord } from '../../runs/run-error-text.ts';
import { draftTestVersion } from '../../runs/draft-test-version.ts';
import { validDraft } from '../valid-draft.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import { runDetailSchema, runSummarySchema, statusSchema } from '../run-schemas.ts';
import {
  conflictResponse,
  errorResponses,
  errorSchema,
  idParam,
  json,
  notFoundResponse,
} from '../schemas.ts';
import { findFlow } from './flows.ts';
import { contactOf } from '../../runs/contact-of.ts';
import { instantRunsOn, startInstantRun } from '../../runs/start-instant-run.ts';
import { boundedInt } from '../../limits/bounded-fields.ts';

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
              version: boundedInt('version').optional(),
              input: z.record(z.string(), z.unknown()).default({}),
              contact: z.string().trim().min(1).max(320).optional().openapi({
                description: 'Who the run is about; taken from input.contact/phone/email/from when absent',
              }),
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
    summary: 'Runs, newest first, in cursor pages; filter by flow, status, version, dates, contact, node',
    request: {
      query: runFilterSchema.safeExtend({
        limit: z.coerce.number().int().min(1).max(200).default(50),
        cursor: z.string().optional(),
      }),
    },
    responses: {
      200: json(
        z.object({ items: z.array(runSummarySchema), nextCursor: z.string().nullable() }),
        'A page of runs',
      ),
      ...errorResponses,
    },
  }),
  counts: createRoute({
    method: 'get',
    path: '/runs/counts',
    tags: ['runs'],
    summary: 'How many runs match a filter, per status',
    request: { query: runFilterSchema },
    responses: {
      200: json(
        z.object({ counts: z.record(statusSchema, z.number().int()), total: z.number().int() }),
        'Counts per status',
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
    responses: { 200: json(runDetailSchema, 'The run'), ...errorResponses, ...notFoundResponse },
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
          'application/json': {
            schema: z.object({
              input: z.record(z.string(), z.unknown()).default({}),
              message: z
                .object({
                  channel: z.enum(messagingChannels),
                  text: z.string().max(4096).optional(),
                  choiceId: z.string().max(200).optional(),
                })
                .refine((m) => m.text !== undefined || m.choiceId !== undefined, {
                  message: 'The first message needs text or a choiceId',
                })
                .optional()
                .describe(
                  'A chat flow: the person’s first message. The run becomes a sandbox conversation (its address is in the answer) that replies reach through POST /sandbox/messages',
                ),
            }),
          },
        },
      },
    },
    responses: {
      201: json(
        z.object({
          id: z.string(),
          version: z.number().int(),
          status: statusSchema,
          conversation: z.object({ channel: z.enum(messagingChannels), address: z.string() }).nullable(),
        }),
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
  if (!z.uuid().safeParse(id).success) throw cursorInvalid();
  return id;
}

/**
 * Temporal turned the update away before the run saw it, even after the client's retries: more
 * updates in flight for one run than the server allows (RESOURCE_EXHAUSTED), or the update
 * dropped before it was accepted (UNAVAILABLE "aborted"). Either way it was not applied.
 */
function runTooBusy(cause: unknown): boolean {
  if (!isGrpcServiceError(cause)) return false;
  return (
    cause.code === grpcResourceExhausted ||
    (cause.code === grpcUnavailable && /update was aborted/.test(cause.details))
  );
}
const grpcResourceExhausted = 8;
const grpcUnavailable = 14;

export function runRoutes(deps: AppDeps) {
  const { db, temporal } = deps;
  const ops = createRunOperations(deps);
  const findRun = ops.findRun;
  // Only records the simulator's first message; its sends go through the worker's sandbox.
  const simulatorMessaging = createMessagingService({ db, drivers: {} });

  /** Sends an Update to a live run; refusals become 409 with the workflow's reason. */
  async function updateRun<T>(row: RunRow, send: () => Promise<T>): Promise<T> {
    if (row.status !== 'running' && row.status !== 'waiting') {
      throw new ApiError(409, 'RUN_ENDED', {
        en: `The run is ${row.status}; it takes no more events`,
        es: `La ejecución está ${runStatusWord(row.status, 'es')}; ya no recibe más eventos`,
      });
    }
    try {
      return await send();
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError) {
        const reason = error.cause instanceof Error ? error.cause.message : error.message;
        throw new ApiError(409, 'EVENT_NOT_ACCEPTED', reason);
      }
      if (error instanceof WorkflowNotFoundError)
        throw new ApiError(409, 'RUN_ENDED', { en: 'The run has ended', es: 'La ejecución ha terminado' });
      if (error instanceof ServiceError && runTooBusy(error.cause)) {
        throw new ApiError(409, 'RUN_BUSY', {
          en: 'The run is taking other events right now and did not take this one; send it again in a moment',
          es: 'La ejecución está atendiendo otros eventos y no ha recibido este; envíalo de nuevo en un momento',
        });
      }
      throw error;
    }
  }

  return new OpenAPIHono<AppEnv>()
    .openapi(routes.testRun, async (c) => {
      const { workspaceId, userId } = c.get('principal');
      const flow = await findFlow(db, workspaceId, c.req.valid('param').id);
      const body = c.req.header('content-type')?.includes('json') ? c.req.valid('json') : undefined;
      const chat = body?.message ? simulatorConversation(workspaceId, body.message) : null;
      const input = chat?.input ?? body?.input ?? {};
      const graph = validDraft(flow.draft, deps.registry, 'test it');
      const version = await draftTestVersion(deps, flow, graph, userId);
      const id = await ops.startRun(workspaceId, version, input, {
        test: true,
        ...(chat ? { workflowId: chat.workflowId, contact: chat.address } : {}),
      });
      if (chat) await simulatorMessaging.recordInbound(workspaceId, chat.inbound, id);
      return c.json(
        {
          id,
          version: 0,
          status: 'running' as const,
          conversation: chat ? { channel: chat.inbound.channel, address: chat.address } : null,
        },
        201,
      );
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
      const lookup = await findRunnableVersion(db, workspaceId, body.flowId, body.version);
      if ('missing' in lookup) {
        if (lookup.missing === 'flow') throw notFound('Flow', body.flowId);
        if (lookup.missing === 'published')
          throw new ApiError(409, 'FLOW_NOT_PUBLISHED', {
            en: 'Publish the flow before starting runs of it',
            es: 'Publica el flujo antes de iniciar ejecuciones de él',
          });
        throw versionNotFound(lookup.flowId, lookup.version);
      }
      const published = lookup.found;
      const version = published.version;
      if (instantRunsOn(deps)) {
        // Played here when its path is pure; one that ended here says how it ended. Its caller
        // waits for nothing a part of the run could give, so a run that needs Temporal starts
        // there from its beginning, as before, with its whole history (verify, retry any step).
        const started = await startInstantRun(deps, {
          workspaceId,
          version: published,
          input: body.input,
          contact: body.contact ?? contactOf(body.input),
          settled: () => false,
        });
        if (started.kind !== 'needs-temporal') {
          const status = started.kind === 'ended' ? started.status : ('running' as const);
          return c.json({ id: started.runId, version, status }, 201);
        }
      }
      const id = await ops.startRun(workspaceId, published, body.input, {
        ...(body.contact ? { contact: body.contact } : {}),
      });
      return c.json({ id, version, status: 'running' as const }, 201);
    })
    .openapi(routes.counts, async (c) => {
      const filter = c.req.valid('query');
      const rows = await db
        .select({ status: runs.status, count: sql<number>`count(*)::int` })
        .from(runs)
        .where(and(...runFilterConditions(c.get('principal').workspaceId, filter)))
        .groupBy(runs.status);
      const counts = Object.fromEntries(runStatuses.map((s) => [s, 0])) as Record<
        (typeof runStatuses)[number],
        number
      >;
      for (const row of rows) counts[row.status] = Number(row.count);
      return c.json({ counts, total: rows.reduce((sum, r) => sum + Number(r.count), 0) }, 200);
    })
    .openapi(routes.list, async (c) => {
      const { limit, cursor, ...filter } = c.req.valid('query');
      const conditions = runFilterConditions(c.get('principal').workspaceId, filter);
      if (cursor) conditions.push(lt(runs.id, decodeCursor(cursor)));
      const rows = await db
        .select()
        .from(runs)
        .where(and(...conditions))
        .orderBy(desc(runs.id))
        .limit(limit + 1);
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      const names = await flowNames(
        db,
        page.map((r) => r.flowId),
      );
      return c.json(
        {
          items: page.map((r) => runSummaryView(r, names.get(r.flowId) ?? '')),
          nextCursor: rows.length > limit && last ? encodeCursor(last.id) : null,
        },
        200,
      );
    })
    .openapi(routes.get, async (c) => {
      const row = await findRun(c.get('principal').workspaceId, c.req.valid('param').id);
      return c.json(await runDetail(db, row), 200);
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
      return c.json({ id: row.id, status: await ops.cancelRun(row) }, 200);
    });
}
