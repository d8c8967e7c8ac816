import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { bulkActions, bulkJobStatuses, bulkJobs, newId, queryRows, runs, type Db } from '@omniflow/db';
import { runFilterConditions, runFilterSchema, type RunFilter } from '../../runs/run-filter.ts';
import { flowNames, runSummaryView } from '../../runs/run-detail.ts';
import { ApiError, notFound } from '../api-error.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import { runSummarySchema } from '../run-schemas.ts';
import { errorResponses, idParam, json, notFoundResponse } from '../schemas.ts';

const actionSchema = z.enum(bulkActions).openapi({
  description:
    '`cancel` running/waiting runs, `rerun` ended runs, `retry` failed runs from their failed step',
});
const bulkRequest = z.object({ filter: runFilterSchema, action: actionSchema });

const jobSchema = z
  .object({
    id: z.string(),
    action: actionSchema,
    status: z.enum(bulkJobStatuses),
    total: z.number().int(),
    done: z.number().int(),
    succeeded: z.number().int(),
    failed: z.number().int(),
    errors: z.array(z.object({ runId: z.string(), message: z.string() })),
  })
  .openapi('BulkJob');

/** Only the runs an action applies to: cancelling an ended run or retrying a completed one means nothing. */
function eligible(action: (typeof bulkActions)[number]): SQL {
  if (action === 'cancel') return sql`${runs.status} in ('running', 'waiting')`;
  if (action === 'retry') return sql`${runs.status} = 'failed' and ${runs.detailsExpiredAt} is null`;
  return sql`${runs.status} not in ('running', 'waiting')`;
}

function matching(workspaceId: string, filter: RunFilter, action: (typeof bulkActions)[number]) {
  return and(...runFilterConditions(workspaceId, filter), eligible(action));
}

const routes = {
  preview: createRoute({
    method: 'post',
    path: '/runs/bulk/preview',
    tags: ['bulk'],
    summary: 'How many runs a bulk action would touch, with the newest few',
    request: { body: { required: true, content: { 'application/json': { schema: bulkRequest } } } },
    responses: {
      200: json(z.object({ count: z.number().int(), sample: z.array(runSummarySchema) }), 'The preview'),
      ...errorResponses,
    },
  }),
  create: createRoute({
    method: 'post',
    path: '/runs/bulk',
    tags: ['bulk'],
    summary: 'Start a bulk action; the same idempotencyKey always answers the same job',
    request: {
      body: {
        required: true,
        content: {
          'application/json': {
            schema: bulkRequest.extend({
              idempotencyKey: z
                .string()
                .min(8, 'idempotencyKey must be at least 8 characters (a UUID is ideal)')
                .max(200),
            }),
          },
        },
      },
    },
    responses: {
      202: json(z.object({ jobId: z.string(), total: z.number().int() }), 'The job started (or already had)'),
      ...errorResponses,
    },
  }),
  get: createRoute({
    method: 'get',
    path: '/runs/bulk/{id}',
    tags: ['bulk'],
    summary: 'Progress of a bulk action',
    request: { params: idParam },
    responses: { 200: json(jobSchema, 'The job'), ...errorResponses, ...notFoundResponse },
  }),
  list: createRoute({
    method: 'get',
    path: '/runs/bulk',
    tags: ['bulk'],
    summary: 'Recent bulk actions',
    responses: { 200: json(z.object({ items: z.array(jobSchema) }), 'Newest first'), ...errorResponses },
  }),
};

const jobView = (job: typeof bulkJobs.$inferSelect) => ({
  id: job.id,
  action: job.action,
  status: job.status,
  total: job.total,
  done: job.done,
  succeeded: job.succeeded,
  failed: job.failed,
  errors: job.errors,
});

async function countMatching(db: Db, where: SQL | undefined): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(runs)
    .where(where);
  return Number(row?.count ?? 0);
}

export function runBulkRoutes(deps: AppDeps) {
  const { db } = deps;
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.preview, async (c) => {
      const { filter, action } = c.req.valid('json');
      const where = matching(c.get('principal').workspaceId, filter, action);
      const [count, sample] = await Promise.all([
        countMatching(db, where),
        db.select().from(runs).where(where).orderBy(desc(runs.id)).limit(10),
      ]);
      const names = await flowNames(
        db,
        sample.map((r) => r.flowId),
      );
      return c.json({ count, sample: sample.map((r) => runSummaryView(r, names.get(r.flowId) ?? '')) }, 200);
    })
    .openapi(routes.create, async (c) => {
      const { workspaceId, userId } = c.get('principal');
      const { filter, action, idempotencyKey } = c.req.valid('json');
      // The job and its list of runs are fixed in one transaction: what was previewed is what runs,
      // and runs that start matching later are not swept in.
      const job = await db.transaction(async (tx) => {
        const id = newId();
        const [created] = await tx
          .insert(bulkJobs)
          .values({ id, workspaceId, action, filter, idempotencyKey, createdBy: userId })
          .onConflictDoNothing()
          .returning();
        if (!created) {
          const [existing] = await tx
            .select()
            .from(bulkJobs)
            .where(and(eq(bulkJobs.workspaceId, workspaceId), eq(bulkJobs.idempotencyKey, idempotencyKey)));
          return existing!;
        }
        const where = matching(workspaceId, filter, action);
        const [counted] = await queryRows<{ total: number }>(
          tx as unknown as Db,
          sql`with added as (
                insert into bulk_job_items (job_id, run_id)
                select ${id}::uuid, id from runs where ${where}
                returning 1)
              select count(*)::int as total from added`,
        );
        const total = counted?.total ?? 0;
        await tx.update(bulkJobs).set({ total }).where(eq(bulkJobs.id, id));
        return { ...created, total };
      });
      try {
        await deps.temporal.workflow.start('bulkRuns', {
          taskQueue: deps.taskQueue,
          workflowId: `bulk-${job.id}`,
          args: [job.id],
        });
      } catch (error) {
        if (!(error instanceof WorkflowExecutionAlreadyStartedError)) {
          const reason = error instanceof Error ? error.message : String(error);
          throw new ApiError(503, 'TEMPORAL_UNAVAILABLE', {
            en: `The bulk action could not start: ${reason}`,
            es: `No se pudo iniciar la acción en bloque: ${reason}`,
          });
        }
      }
      return c.json({ jobId: job.id, total: job.total }, 202);
    })
    .openapi(routes.list, async (c) => {
      const rows = await db
        .select()
        .from(bulkJobs)
        .where(eq(bulkJobs.workspaceId, c.get('principal').workspaceId))
        .orderBy(desc(bulkJobs.id))
        .limit(50);
      return c.json({ items: rows.map(jobView) }, 200);
    })
    .openapi(routes.get, async (c) => {
      const { id } = c.req.valid('param');
      const [job] = await db
        .select()
        .from(bulkJobs)
        .where(and(eq(bulkJobs.id, id), eq(bulkJobs.workspaceId, c.get('principal').workspaceId)));
      if (!job) throw notFound('Bulk job', id);
      return c.json(jobView(job), 200);
    });
}
