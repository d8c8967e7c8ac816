import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { apiKeys } from '@omniflow/db';
import { createApiKey } from '../api-keys.ts';
import { notFound } from '../api-error.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import { errorResponses, idParam, json, notFoundResponse } from '../schemas.ts';

const keySummary = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
  })
  .openapi('ApiKey');

const create = createRoute({
  method: 'post',
  path: '/api-keys',
  tags: ['api-keys'],
  summary: 'Create an API key (the key is shown only in this answer)',
  request: {
    body: {
      required: true,
      content: {
        'application/json': { schema: z.object({ name: z.string().trim().min(1, 'Name the key').max(100) }) },
      },
    },
  },
  responses: {
    201: json(
      z.object({ id: z.string(), name: z.string(), prefix: z.string(), key: z.string() }),
      'The new key',
    ),
    ...errorResponses,
  },
});

const list = createRoute({
  method: 'get',
  path: '/api-keys',
  tags: ['api-keys'],
  summary: 'List the workspace’s active API keys',
  responses: {
    200: json(z.object({ items: z.array(keySummary) }), 'Keys (never the secret)'),
    ...errorResponses,
  },
});

const revoke = createRoute({
  method: 'delete',
  path: '/api-keys/{id}',
  tags: ['api-keys'],
  summary: 'Revoke an API key',
  request: { params: idParam },
  responses: { 204: { description: 'Revoked' }, ...errorResponses, ...notFoundResponse },
});

export function apiKeyRoutes(deps: AppDeps) {
  return new OpenAPIHono<AppEnv>()
    .openapi(create, async (c) => {
      const { workspaceId, userId } = c.get('principal');
      return c.json(await createApiKey(deps.db, workspaceId, c.req.valid('json').name, userId), 201);
    })
    .openapi(list, async (c) => {
      const rows = await deps.db
        .select()
        .from(apiKeys)
        .where(and(eq(apiKeys.workspaceId, c.get('principal').workspaceId), isNull(apiKeys.revokedAt)))
        .orderBy(desc(apiKeys.createdAt));
      const items = rows.map((k) => ({
        id: k.id,
        name: k.name,
        prefix: k.prefix,
        createdAt: k.createdAt.toISOString(),
        lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
      }));
      return c.json({ items }, 200);
    })
    .openapi(revoke, async (c) => {
      const { id } = c.req.valid('param');
      const revoked = await deps.db
        .update(apiKeys)
        .set({ revokedAt: new Date() })
        .where(
          and(
            eq(apiKeys.id, id),
            eq(apiKeys.workspaceId, c.get('principal').workspaceId),
            isNull(apiKeys.revokedAt),
          ),
        )
        .returning({ id: apiKeys.id });
      if (revoked.length === 0) throw notFound('API key', id);
      return c.body(null, 204);
    });
}
