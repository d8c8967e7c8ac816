import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { flowVersions, flows, newId, runs, type Db } from '@omniflow/db';
import { compileFlow } from '../../compiler/compile-flow.ts';
import { flowDocumentSchema, type FlowDocument } from '../../graph/flow-schema.ts';
import { graphHash } from '../../graph/graph-hash.ts';
import { validateFlow } from '../../graph/validate-flow.ts';
import { upgradeNodeVersions } from '../../graph/upgrade-node-versions.ts';
import { pinSubflowVersions, subflowCallIssues, withSubflowIssues } from '../../subflows/subflow-calls.ts';
import { ApiError, notFound } from '../api-error.ts';
import { validDraft } from '../valid-draft.ts';
import { readerLanguage } from '../reader-language.ts';
import { refuseClaimedTrigger } from '../trigger-conflict.ts';
import { hookDirectoryOf } from '../../hooks/hook-directory.ts';
import {
  unknownVoicePromptIssues,
  withVoicePromptIssues,
} from '../../voice-prompts/unknown-voice-prompts.ts';
import { createRunOperations } from '../../runs/run-operations.ts';
import { versionNotFound } from '../../runs/run-error.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import {
  conflictResponse,
  errorResponses,
  errorSchema,
  idParam,
  json,
  notFoundResponse,
} from '../schemas.ts';
import { boundedQueryInt } from '../../limits/bounded-fields.ts';

// Created before @hono/zod-openapi loads, so it has no .openapi(); zod 4 schemas document as they are.
const documentSchema = flowDocumentSchema;

const flowSummary = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    latestVersion: z.number().int().nullable(),
    // Marked as a reusable subflow (the draft's `reusable`): palettes list it as a node.
    reusable: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('FlowSummary');
export const flowDetail = flowSummary.extend({ draft: documentSchema }).openapi('Flow');

const issueSchema = z
  .object({
    code: z.string(),
    message: z.string(),
    severity: z.enum(['error', 'warning']),
    nodeId: z.string().optional(),
    edgeId: z.string().optional(),
    path: z.array(z.union([z.string(), z.number()])).optional(),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  })
  .openapi('ValidationIssue');
const validationSchema = z
  .object({ ok: z.boolean(), errors: z.array(issueSchema), warnings: z.array(issueSchema) })
  .openapi('ValidationResult');

const versionSummary = z
  .object({
    version: z.number().int(),
    hash: z.string(),
    notes: z.string(),
    publishedAt: z.string(),
    publishedBy: z.string().nullable(),
  })
  .openapi('FlowVersionSummary');

type FlowRow = typeof flows.$inferSelect;

function draftField(draft: unknown, key: string): unknown {
  return typeof draft === 'object' && draft !== null ? Reflect.get(draft, key) : undefined;
}

function summary(row: FlowRow) {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    latestVersion: row.latestVersion,
    reusable: flowDocumentSchema.shape.reusable.safeParse(draftField(row.draft, 'reusable')).data === true,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export const detail = (row: FlowRow) => ({ ...summary(row), draft: flowDocumentSchema.parse(row.draft) });

export async function findFlow(db: Db, workspaceId: string, id: string): Promise<FlowRow> {
  const [row] = await db
    .select()
    .from(flows)
    .where(and(eq(flows.id, id), eq(flows.workspaceId, workspaceId)));
  if (!row) throw notFound('Flow', id);
  return row;
}

const documentBody = {
  body: { required: true, content: { 'application/json': { schema: documentSchema } } },
};

const routes = {
  create: createRoute({
    method: 'post',
    path: '/flows',
    tags: ['flows'],
    summary: 'Create a flow from a flow document (saved as its draft)',
    request: documentBody,
    responses: { 201: json(flowDetail, 'The new flow'), ...errorResponses },
  }),
  list: createRoute({
    method: 'get',
    path: '/flows',
    tags: ['flows'],
    summary: 'List flows, most recently changed first',
    request: { query: z.object({ q: z.string().optional() }) },
    responses: { 200: json(z.object({ items: z.array(flowSummary) }), 'Flows'), ...errorResponses },
  }),
  get: createRoute({
    method: 'get',
    path: '/flows/{id}',
    tags: ['flows'],
    summary: 'A flow with its draft',
    request: { params: idParam },
    responses: { 200: json(flowDetail, 'The flow'), ...errorResponses, ...notFoundResponse },
  }),
  update: createRoute({
    method: 'put',
    path: '/flows/{id}',
    tags: ['flows'],
    summary: 'Replace the draft (published versions never change)',
    request: { params: idParam, ...documentBody },
    responses: { 200: json(flowDetail, 'The saved flow'), ...errorResponses, ...notFoundResponse },
  }),
  remove: createRoute({
    method: 'delete',
    path: '/flows/{id}',
    tags: ['flows'],
    summary: 'Delete a flow, its versions and finished runs',
    request: { params: idParam },
    responses: {
      204: { description: 'Deleted' },
      ...errorResponses,
      ...notFoundResponse,
      ...conflictResponse,
    },
  }),
  validate: createRoute({
    method: 'post',
    path: '/flows/{id}/validate',
    tags: ['flows'],
    summary: 'Validate the draft: every problem at once, with the node or edge it concerns',
    request: { params: idParam },
    responses: {
      200: json(validationSchema, 'The validation result'),
      ...errorResponses,
      ...notFoundResponse,
    },
  }),
  publish: createRoute({
    method: 'post',
    path: '/flows/{id}/publish',
    tags: ['flows'],
    summary: 'Validate, compile and store the draft as a new immutable version',
    request: {
      params: idParam,
      body: {
        required: false,
        content: {
          'application/json': {
            schema: z.object({
              notes: z.string().max(2000).default(''),
              inflight: z.enum(['keep', 'cancel']).default('keep').openapi({
                description:
                  'Runs in flight on older versions stay on their version (`keep`, the default) or are cancelled',
              }),
            }),
          },
        },
      },
    },
    responses: {
      201: json(
        z.object({ version: z.number().int(), hash: z.string(), cancelled: z.number().int() }),
        'The published version, and how many in-flight runs were cancelled',
      ),
      422: json(errorSchema, 'The draft has errors; details.errors lists them'),
      409: json(
        errorSchema,
        'TRIGGER_CLAIMED: another published flow answers the same number, keyword or address; details.errors names it, or says (reason elsewhere) that another workspace does',
      ),
      ...errorResponses,
      ...notFoundResponse,
    },
  }),
  versions: createRoute({
    method: 'get',
    path: '/flows/{id}/versions',
    tags: ['flows'],
    summary: 'Published versions, newest first',
    request: { params: idParam },
    responses: {
      200: json(z.object({ items: z.array(versionSummary) }), 'Versions'),
      ...errorResponses,
      ...notFoundResponse,
    },
  }),
  version: createRoute({
    method: 'get',
    path: '/flows/{id}/versions/{version}',
    tags: ['flows'],
    summary: 'One published version with its graph and compiled machine',
    request: {
      params: idParam.extend({
        version: boundedQueryInt('version').openapi({ param: { name: 'version', in: 'path' } }),
      }),
    },
    responses: {
      200: json(versionSummary.extend({ graph: documentSchema, machine: z.unknown() }), 'The version'),
      ...errorResponses,
      ...notFoundResponse,
    },
  }),
};

function versionView(row: typeof flowVersions.$inferSelect) {
  return {
    version: row.version,
    hash: row.hash,
    notes: row.notes,
    publishedAt: row.publishedAt.toISOString(),
    publishedBy: row.publishedBy,
  };
}

export function flowRoutes(deps: AppDeps) {
  const { db, registry } = deps;
  const ops = createRunOperations(deps);

  /** Cancels the runs of older published versions still in flight; answers how many. */
  async function cancelInflight(flowId: string, newVersion: number): Promise<number> {
    const inflight = await db
      .select()
      .from(runs)
      .where(
        and(
          eq(runs.flowId, flowId),
          inArray(runs.status, ['running', 'waiting']),
          sql`${runs.version} between 1 and ${newVersion - 1}`,
        ),
      );
    let cancelled = 0;
    for (let i = 0; i < inflight.length; i += 20) {
      const settled = await Promise.allSettled(
        inflight.slice(i, i + 20).map((row) => ops.cancelRun(row, false)),
      );
      cancelled += settled.filter((r) => r.status === 'fulfilled').length;
    }
    return cancelled;
  }

  return new OpenAPIHono<AppEnv>()
    .openapi(routes.create, async (c) => {
      const draft: FlowDocument = c.req.valid('json');
      const { workspaceId, userId } = c.get('principal');
      const [row] = await db
        .insert(flows)
        .values({
          id: newId(),
          workspaceId,
          name: draft.name,
          description: draft.description,
          draft,
          createdBy: userId,
        })
        .returning();
      return c.json(detail(row!), 201);
    })
    .openapi(routes.list, async (c) => {
      const { q } = c.req.valid('query');
      const workspace = eq(flows.workspaceId, c.get('principal').workspaceId);
      const rows = await db
        .select()
        .from(flows)
        .where(q ? and(workspace, sql`${flows.name} ilike ${'%' + q + '%'}`) : workspace)
        .orderBy(desc(flows.updatedAt));
      return c.json({ items: rows.map(summary) }, 200);
    })
    .openapi(routes.get, async (c) => {
      const opened = detail(await findFlow(db, c.get('principal').workspaceId, c.req.valid('param').id));
      return c.json({ ...opened, draft: upgradeNodeVersions(opened.draft, registry).doc }, 200);
    })
    .openapi(routes.update, async (c) => {
      const { id } = c.req.valid('param');
      const draft = c.req.valid('json');
      await findFlow(db, c.get('principal').workspaceId, id);
      const [row] = await db
        .update(flows)
        .set({ draft, name: draft.name, description: draft.description, updatedAt: new Date() })
        .where(eq(flows.id, id))
        .returning();
      return c.json(detail(row!), 200);
    })
    .openapi(routes.remove, async (c) => {
      const { id } = c.req.valid('param');
      await findFlow(db, c.get('principal').workspaceId, id);
      const [active] = await db
        .select({ id: runs.id })
        .from(runs)
        .where(and(eq(runs.flowId, id), inArray(runs.status, ['running', 'waiting'])))
        .limit(1);
      if (active) {
        throw new ApiError(409, 'FLOW_HAS_ACTIVE_RUNS', {
          en: 'This flow still has running or waiting runs; cancel them first',
          es: 'Este flujo aún tiene ejecuciones en curso o esperando; cancélalas antes',
        });
      }
      await db.delete(flows).where(eq(flows.id, id));
      hookDirectoryOf(db).forget(c.get('principal').workspaceId);
      return c.body(null, 204);
    })
    .openapi(routes.validate, async (c) => {
      const { workspaceId } = c.get('principal');
      const flow = await findFlow(db, workspaceId, c.req.valid('param').id);
      const graph = upgradeNodeVersions(flowDocumentSchema.parse(flow.draft), registry).doc;
      const result = await withVoicePromptIssues(db, workspaceId, graph, validateFlow(graph, registry));
      return c.json(await withSubflowIssues(db, registry, workspaceId, flow.id, graph, result), 200);
    })
    .openapi(routes.publish, async (c) => {
      const { workspaceId, userId } = c.get('principal');
      const { id } = c.req.valid('param');
      const body = c.req.header('content-type')?.includes('json') ? c.req.valid('json') : undefined;
      const notes = body?.notes ?? '';
      const flow = await findFlow(db, workspaceId, id);
      const draftGraph = validDraft(flow.draft, registry, 'publish it');
      await refuseClaimedTrigger(
        db,
        workspaceId,
        id,
        draftGraph,
        readerLanguage(c.req.header('accept-language')),
      );
      const missingPrompts = await unknownVoicePromptIssues(db, workspaceId, draftGraph);
      if (missingPrompts.length > 0)
        throw new ApiError(
          422,
          'FLOW_INVALID',
          {
            en: 'The flow plays recorded audio that is not in this workspace',
            es: 'El flujo reproduce un audio grabado que no está en este espacio de trabajo',
          },
          {
            errors: missingPrompts,
            warnings: [],
          },
        );
      const subflowProblems = await subflowCallIssues(db, registry, workspaceId, id, draftGraph);
      if (subflowProblems.length > 0)
        throw new ApiError(
          422,
          'FLOW_INVALID',
          {
            en: 'The flow calls subflows it cannot run',
            es: 'El flujo llama a subflujos que no puede ejecutar',
          },
          { errors: subflowProblems, warnings: [] },
        );
      const graph = await pinSubflowVersions(db, workspaceId, draftGraph);
      const machine = compileFlow(graph, registry);
      const hash = graphHash(graph);
      // Versions are numbered under a row lock so two publishers cannot take the same number.
      const version = await db.transaction(async (tx) => {
        const [locked] = await tx.select().from(flows).where(eq(flows.id, id)).for('update');
        const next = (locked?.latestVersion ?? 0) + 1;
        await tx.insert(flowVersions).values({
          id: newId(),
          workspaceId,
          flowId: id,
          version: next,
          graph,
          machine,
          hash,
          notes,
          publishedBy: userId,
        });
        await tx.update(flows).set({ latestVersion: next }).where(eq(flows.id, id));
        return next;
      });
      // A webhook flow answers its new version at once in this process (hooks/hook-directory.ts).
      hookDirectoryOf(db).forget(workspaceId);
      const cancelled = body?.inflight === 'cancel' ? await cancelInflight(id, version) : 0;
      return c.json({ version, hash, cancelled }, 201);
    })
    .openapi(routes.versions, async (c) => {
      const { id } = c.req.valid('param');
      await findFlow(db, c.get('principal').workspaceId, id);
      const rows = await db
        .select()
        .from(flowVersions)
        .where(and(eq(flowVersions.flowId, id), eq(flowVersions.kind, 'published')))
        .orderBy(desc(flowVersions.version));
      return c.json({ items: rows.map(versionView) }, 200);
    })
    .openapi(routes.version, async (c) => {
      const { id, version } = c.req.valid('param');
      await findFlow(db, c.get('principal').workspaceId, id);
      const [row] = await db
        .select()
        .from(flowVersions)
        .where(
          and(
            eq(flowVersions.flowId, id),
            eq(flowVersions.version, version),
            eq(flowVersions.kind, 'published'),
          ),
        );
      if (!row) throw versionNotFound(id, version);
      return c.json(
        { ...versionView(row), graph: flowDocumentSchema.parse(row.graph), machine: row.machine },
        200,
      );
    });
}
