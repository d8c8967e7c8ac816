import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { and, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { apiKeys, userRoles } from '@omniflow/db';
import { createApiKey } from '../api-keys.ts';
import { ApiError, notFound } from '../api-error.ts';
import { apiKeyCacheOf } from '../api-key-cache.ts';
import type { AppDeps, AppEnv, Principal } from '../app-deps.ts';
import {
  credentialUse,
  credentialUseFields,
  expiresAtField,
  futureExpiry,
  scopesField,
} from '../credential-fields.ts';
import { credentialRole } from '../credential-role.ts';
import { apiScopes, isApiScope } from '../../auth/scopes.ts';
import { principalMay } from '../principal-permissions.ts';
import { readerLanguage } from '../reader-language.ts';
import { errorResponses, errorSchema, idParam, json, notFoundResponse } from '../schemas.ts';

const roleSchema = z.enum(userRoles);

const keySummary = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    role: roleSchema,
    createdBy: z.string().nullable(),
    scopes: z.array(z.enum(apiScopes)).nullable().openapi({ description: 'null: all the role allows' }),
    ...credentialUseFields,
  })
  .openapi('ApiKey');

const forbiddenResponse = { 403: json(errorSchema, 'The caller’s role does not allow this') };

const create = createRoute({
  method: 'post',
  path: '/api-keys',
  tags: ['api-keys'],
  summary: 'Create an API key (the key is shown only in this answer)',
  description:
    'The key acts with `role` (default: the caller’s own), whose permissions must all be the caller’s too, and may call only what `scopes` allow (default: all the role allows); from `expiresAt` on it is refused.',
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({
            name: z.string().trim().min(1, 'Name the key').max(100),
            role: roleSchema.optional(),
            scopes: scopesField.optional(),
            expiresAt: expiresAtField,
          }),
        },
      },
    },
  },
  responses: {
    201: json(
      z.object({
        id: z.string(),
        name: z.string(),
        prefix: z.string(),
        role: roleSchema,
        scopes: z.array(z.enum(apiScopes)).nullable(),
        expiresAt: z.string().nullable(),
        key: z.string(),
      }),
      'The new key',
    ),
    ...errorResponses,
    ...forbiddenResponse,
  },
});

const list = createRoute({
  method: 'get',
  path: '/api-keys',
  tags: ['api-keys'],
  summary: 'List active API keys: an admin sees the workspace’s, others their own',
  responses: {
    200: json(z.object({ items: z.array(keySummary) }), 'Keys (never the secret)'),
    ...errorResponses,
  },
});

const revoke = createRoute({
  method: 'delete',
  path: '/api-keys/{id}',
  tags: ['api-keys'],
  summary: 'Revoke an API key (one’s own; an admin any in the workspace)',
  request: { params: idParam },
  responses: {
    204: { description: 'Revoked' },
    ...errorResponses,
    ...forbiddenResponse,
    ...notFoundResponse,
  },
});

/** Keys the caller may see and revoke: all of the workspace's for an admin, else those they made. */
function manageable(principal: Principal): SQL | undefined {
  const inWorkspace = and(eq(apiKeys.workspaceId, principal.workspaceId), isNull(apiKeys.revokedAt));
  if (principalMay(principal, 'api-keys:manage')) return inWorkspace;
  // A key nobody made (the CLI's) is an admin's to manage.
  return and(inWorkspace, principal.userId ? eq(apiKeys.createdBy, principal.userId) : sql`false`);
}

export function apiKeyRoutes(deps: AppDeps) {
  return new OpenAPIHono<AppEnv>()
    .openapi(create, async (c) => {
      const principal = c.get('principal');
      const { name, role: wanted, scopes, expiresAt } = c.req.valid('json');
      const role = credentialRole(principal, wanted, 'key', readerLanguage(c.req.header('accept-language')));
      const limits = {
        scopes: scopes ?? null,
        expiresAt: futureExpiry(expiresAt, deps.now?.() ?? new Date()),
      };
      return c.json(
        await createApiKey(deps.db, principal.workspaceId, name, principal.userId, role, limits),
        201,
      );
    })
    .openapi(list, async (c) => {
      const rows = await deps.db
        .select()
        .from(apiKeys)
        .where(manageable(c.get('principal')))
        .orderBy(desc(apiKeys.createdAt));
      const items = rows.map((k) => ({
        id: k.id,
        name: k.name,
        prefix: k.prefix,
        role: k.role,
        createdBy: k.createdBy,
        scopes: k.scopes?.filter(isApiScope) ?? null,
        ...credentialUse(k),
      }));
      return c.json({ items }, 200);
    })
    .openapi(revoke, async (c) => {
      const { id } = c.req.valid('param');
      const principal = c.get('principal');
      const revoked = await deps.db
        .update(apiKeys)
        .set({ revokedAt: new Date() })
        .where(and(eq(apiKeys.id, id), manageable(principal)))
        .returning({ id: apiKeys.id });
      if (revoked.length > 0) {
        apiKeyCacheOf(deps.db).forget((key) => key.kind === 'api-key' && key.id === id);
        return c.body(null, 204);
      }
      const [other] = await deps.db
        .select({ id: apiKeys.id })
        .from(apiKeys)
        .where(
          and(eq(apiKeys.id, id), eq(apiKeys.workspaceId, principal.workspaceId), isNull(apiKeys.revokedAt)),
        );
      if (!other) throw notFound('API key', id);
      throw new ApiError(403, 'FORBIDDEN', {
        en: 'Only an admin can revoke another person’s key',
        es: 'Solo un administrador puede revocar la clave de otra persona',
      });
    });
}
