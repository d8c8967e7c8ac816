import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { inflightOf } from '../../runs/inflight.ts';
import { whatIf } from '../../runs/what-if.ts';
import { ApiError } from '../api-error.ts';
import { validDraft } from '../valid-draft.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import { statusSchema } from '../run-schemas.ts';
import {
  conflictResponse,
  errorResponses,
  errorSchema,
  idParam,
  json,
  notFoundResponse,
} from '../schemas.ts';
import { findFlow } from './flows.ts';
import { boundedInt } from '../../limits/bounded-fields.ts';

const countsByNode = z.record(z.string(), z.number().int());
const inflightSchema = z
  .object({
    total: z.number().int(),
    byNode: countsByNode,
    byVersion: z.array(
      z.object({ version: z.number().int(), total: z.number().int(), byNode: countsByNode }),
    ),
  })
  .openapi('Inflight');

const whatIfResult = z
  .object({
    runId: z.string(),
    changed: z.boolean(),
    status: statusSchema,
    originalPath: z.array(z.string()),
    draftPath: z.array(z.string()),
    divergedAt: z
      .object({
        index: z.number().int(),
        originalNodeId: z.string().nullable(),
        draftNodeId: z.string().nullable(),
      })
      .nullable(),
    assumed: z.array(z.string()),
  })
  .openapi('WhatIfResult');

const routes = {
  inflight: createRoute({
    method: 'get',
    path: '/flows/{id}/inflight',
    tags: ['flows'],
    summary: 'Runs of this flow running or waiting right now, per node and per version',
    request: { params: idParam },
    responses: { 200: json(inflightSchema, 'In-flight counts'), ...errorResponses, ...notFoundResponse },
  }),
  whatIf: createRoute({
    method: 'post',
    path: '/flows/{id}/what-if',
    tags: ['flows'],
    summary: 'Replay recorded runs against the draft, side effects stubbed, and report whose path changed',
    request: {
      params: idParam,
      body: {
        required: false,
        content: {
          'application/json': {
            schema: z.object({
              version: boundedInt('version').optional(),
              limit: z.number().int().min(1).max(500, 'At most 500 runs at a time').default(100),
              runIds: z.array(z.uuid()).min(1).max(500).optional(),
            }),
          },
        },
      },
    },
    responses: {
      200: json(
        z.object({ total: z.number().int(), changedCount: z.number().int(), results: z.array(whatIfResult) }),
        'One result per replayed run',
      ),
      422: json(errorSchema, 'The draft has errors; details.errors lists them'),
      ...errorResponses,
      ...notFoundResponse,
      ...conflictResponse,
    },
  }),
};

export function flowOperationRoutes(deps: AppDeps) {
  const { db, registry } = deps;
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.inflight, async (c) => {
      const flow = await findFlow(db, c.get('principal').workspaceId, c.req.valid('param').id);
      return c.json(await inflightOf(db, flow.id), 200);
    })
    .openapi(routes.whatIf, async (c) => {
      const { workspaceId } = c.get('principal');
      const flow = await findFlow(db, workspaceId, c.req.valid('param').id);
      const body = c.req.header('content-type')?.includes('json') ? c.req.valid('json') : { limit: 100 };
      const version = body.version ?? flow.latestVersion;
      if (version === null && !body.runIds)
        throw new ApiError(
          409,
          'FLOW_NOT_PUBLISHED',
          'Publish the flow first: what-if replays its recorded runs',
        );
      const draft = validDraft(flow.draft, registry, 'replay runs against it');
      const result = await whatIf(db, registry, draft, {
        workspaceId,
        flowId: flow.id,
        version: version ?? 0,
        limit: body.limit ?? 100,
        ...(body.runIds ? { runIds: body.runIds } : {}),
      });
      return c.json(result, 200);
    });
}
