import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { flowAnalytics } from '../../analytics/flow-analytics.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import { analyticsFilters } from '../flow-analytics-filters.ts';
import { readerLanguage } from '../reader-language.ts';
import { errorResponses, idParam, json, notFoundResponse } from '../schemas.ts';
import { findFlow } from './flows.ts';

const count = z.number().int();

const nodeAnalyticsSchema = z
  .object({
    nodeId: z.string(),
    nodeType: z.string(),
    entered: count.openapi({ description: 'Runs that entered the node at least once' }),
    visits: count.openapi({ description: 'Entries, each return of a run counted' }),
    avgSeconds: z
      .number()
      .nullable()
      .openapi({ description: 'Mean seconds from entering to leaving by a port; null at an end node' }),
    ended: count.openapi({ description: 'Runs that completed with this node as their last step' }),
    abandoned: count.openapi({
      description: 'Runs abandoned (caller hung up) with this node as their last step',
    }),
    failed: count.openapi({ description: 'Runs that failed with this node as their last step' }),
    cancelled: count.openapi({ description: 'Runs cancelled with this node as their last step' }),
    inProgress: count.openapi({ description: 'Runs running or waiting at this node now' }),
    ports: z.array(z.object({ port: z.string(), count })),
    delivery: z
      .object({ sent: count, delivered: count, read: count, replied: count, failed: count })
      .nullable(),
  })
  .openapi('NodeAnalytics');

export const flowAnalyticsSchema = z
  .object({
    flowId: z.string(),
    version: z.number().int().nullable(),
    from: z.string(),
    to: z.string(),
    graphVersion: z.number().int().nullable(),
    runs: z.object({
      total: count,
      completed: count,
      failed: count,
      abandoned: count,
      cancelled: count,
      inProgress: count,
    }),
    nodes: z.array(nodeAnalyticsSchema),
    menus: z.array(
      z.object({
        nodeId: z.string(),
        options: z.array(
          z.object({ port: z.string(), digit: z.string().nullable(), label: z.string(), count }),
        ),
      }),
    ),
    funnels: z.array(
      z.object({
        endNodeId: z.string(),
        stages: z.array(z.object({ nodeId: z.string(), runs: count })),
      }),
    ),
  })
  .openapi('FlowAnalytics');

const filterQuery = z.object({
  version: z
    .string()
    .max(20)
    .optional()
    .openapi({ description: 'A published version number, or `all` (the default) for every one' }),
  from: z
    .string()
    .max(40)
    .optional()
    .openapi({ description: 'ISO date-time, inclusive; default 7 days before `to`' }),
  to: z.string().max(40).optional().openapi({ description: 'ISO date-time, exclusive; default now' }),
});

const routes = {
  analytics: createRoute({
    method: 'get',
    path: '/flows/{id}/analytics',
    tags: ['flows'],
    summary:
      'Per node and port: runs that entered, left by each port, dropped off, time spent; IVR option counts, funnels and delivery, for runs started in the period',
    request: { params: idParam, query: filterQuery },
    responses: {
      200: json(flowAnalyticsSchema, 'The flow’s analytics'),
      ...errorResponses,
      ...notFoundResponse,
    },
  }),
};

export function flowAnalyticsRoutes(deps: AppDeps) {
  const { db } = deps;
  return new OpenAPIHono<AppEnv>().openapi(routes.analytics, async (c) => {
    const { workspaceId } = c.get('principal');
    const flow = await findFlow(db, workspaceId, c.req.valid('param').id);
    const filters = analyticsFilters(c.req.valid('query'), readerLanguage(c.req.header('accept-language')));
    return c.json(await flowAnalytics(db, { workspaceId, flowId: flow.id, ...filters }), 200);
  });
}
