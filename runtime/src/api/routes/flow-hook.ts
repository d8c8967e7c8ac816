import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import { flows } from '@omniflow/db';
import { normalizeWebhookPath, webhookPathProblem } from '@omniflow/nodes/http';
import { lazyKeyring, loadSecretKeyring } from '../../credentials/secret-keyring.ts';
import { flowDocumentSchema } from '../../graph/flow-schema.ts';
import { hookDirectoryOf } from '../../hooks/hook-directory.ts';
import { createHookSecretStore } from '../../hooks/hook-secret-store.ts';
import { webhookTriggerOf } from '../../hooks/hook-target.ts';
import { notFound } from '../api-error.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import { publicOrigin } from '../public-origin.ts';
import { errorResponses, idParam, json, notFoundResponse } from '../schemas.ts';

const hookSchema = z
  .object({
    path: z.string().openapi({ description: 'The trigger’s path, as matched (lowercase, no end slashes)' }),
    method: z.string(),
    auth: z.enum(['none', 'apiKey', 'hmac']),
    productionUrl: z.string().openapi({ description: 'Runs the published version' }),
    testUrl: z.string().openapi({ description: 'Runs the current draft (a test run)' }),
    secretMadeAt: z
      .string()
      .nullable()
      .openapi({ description: 'When the HMAC secret was made; null: none yet' }),
  })
  .openapi('FlowHook');

const routes = {
  get: createRoute({
    method: 'get',
    path: '/flows/{id}/hook',
    tags: ['flows'],
    summary: 'The URLs a webhook flow answers at (its draft’s “Webhook received” trigger)',
    request: { params: idParam },
    responses: {
      200: json(hookSchema, 'The production and test URLs'),
      ...errorResponses,
      ...notFoundResponse,
    },
  }),
  renewSecret: createRoute({
    method: 'post',
    path: '/flows/{id}/hook/secret',
    tags: ['flows'],
    summary: 'Make a new HMAC secret for the flow’s webhook (answered once; the old one stops working)',
    request: { params: idParam },
    responses: {
      201: json(z.object({ secret: z.string(), updatedAt: z.string() }), 'The new secret, shown only now'),
      ...errorResponses,
      ...notFoundResponse,
    },
  }),
};

export function flowHookRoutes(deps: AppDeps) {
  const store = createHookSecretStore(deps.db, deps.secretKeyring ?? lazyKeyring(() => loadSecretKeyring()));
  const flowOf = async (workspaceId: string, id: string) => {
    const [flow] = await deps.db
      .select({ id: flows.id, draft: flows.draft })
      .from(flows)
      .where(and(eq(flows.id, id), eq(flows.workspaceId, workspaceId)));
    if (!flow) throw notFound('Flow', id);
    return flow;
  };
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.get, async (c) => {
      const { workspaceId } = c.get('principal');
      const { id } = c.req.valid('param');
      const flow = await flowOf(workspaceId, id);
      const draft = flowDocumentSchema.safeParse(flow.draft);
      const trigger = draft.success ? webhookTriggerOf(draft.data) : undefined;
      if (!trigger) throw notFound('Webhook trigger of flow', id);
      const origin = publicOrigin(deps) ?? new URL(c.req.url).origin;
      const path = webhookPathProblem(trigger.path) ? '' : normalizeWebhookPath(trigger.path);
      const madeAt = await store.madeAt(workspaceId, id);
      return c.json(
        {
          path,
          method: trigger.method,
          auth: trigger.auth,
          productionUrl: `${origin}/api/v1/hooks/${workspaceId}/${path}`,
          testUrl: `${origin}/api/v1/hooks/test/${id}/${path}`,
          secretMadeAt: madeAt?.toISOString() ?? null,
        },
        200,
      );
    })
    .openapi(routes.renewSecret, async (c) => {
      const { workspaceId } = c.get('principal');
      const { id } = c.req.valid('param');
      await flowOf(workspaceId, id);
      const made = await store.renew(workspaceId, id);
      hookDirectoryOf(deps.db).forget(workspaceId);
      return c.json({ secret: made.secret, updatedAt: made.updatedAt.toISOString() }, 201);
    });
}
