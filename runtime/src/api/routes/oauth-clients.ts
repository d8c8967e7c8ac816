import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { oauthClients, userRoles } from '@omniflow/db';
import { apiScopes, isApiScope } from '../../auth/scopes.ts';
import { createOAuthClient } from '../../auth/oauth-client-credentials.ts';
import { notFound } from '../api-error.ts';
import { apiKeyCacheOf } from '../api-key-cache.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import {
  credentialUse,
  credentialUseFields,
  expiresAtField,
  futureExpiry,
  scopesField,
} from '../credential-fields.ts';
import { credentialRole } from '../credential-role.ts';
import { readerLanguage } from '../reader-language.ts';
import { errorResponses, errorSchema, idParam, json, notFoundResponse } from '../schemas.ts';

const roleSchema = z.enum(userRoles);

const clientSummary = z
  .object({
    id: z.string(),
    name: z.string(),
    clientId: z.string(),
    role: roleSchema,
    scopes: z.array(z.enum(apiScopes)),
    createdBy: z.string().nullable(),
    ...credentialUseFields,
  })
  .openapi('OAuthClient');

const forbiddenResponse = { 403: json(errorSchema, 'Only an admin manages OAuth clients') };

const create = createRoute({
  method: 'post',
  path: '/oauth-clients',
  tags: ['oauth'],
  summary: 'Create an OAuth client (its secret is shown only in this answer)',
  description:
    'An integrator exchanges the client_id and client_secret for short-lived access tokens at POST /oauth/token. The client acts with `role` (default: the caller’s) and at most `scopes`.',
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({
            name: z.string().trim().min(1, 'Name the client').max(100),
            role: roleSchema.optional(),
            scopes: scopesField,
            expiresAt: expiresAtField,
          }),
        },
      },
    },
  },
  responses: {
    201: json(clientSummary.extend({ clientSecret: z.string() }), 'The new client and its secret'),
    ...errorResponses,
    ...forbiddenResponse,
  },
});

const list = createRoute({
  method: 'get',
  path: '/oauth-clients',
  tags: ['oauth'],
  summary: 'List the workspace’s OAuth clients (never their secrets)',
  responses: {
    200: json(z.object({ items: z.array(clientSummary) }), 'Clients not revoked'),
    ...errorResponses,
    ...forbiddenResponse,
  },
});

const revoke = createRoute({
  method: 'delete',
  path: '/oauth-clients/{id}',
  tags: ['oauth'],
  summary: 'Revoke an OAuth client: its tokens stop working at once',
  request: { params: idParam },
  responses: {
    204: { description: 'Revoked' },
    ...errorResponses,
    ...forbiddenResponse,
    ...notFoundResponse,
  },
});

type ClientRow = typeof oauthClients.$inferSelect;

const summary = (row: ClientRow): z.infer<typeof clientSummary> => ({
  id: row.id,
  name: row.name,
  clientId: row.clientId,
  role: row.role,
  scopes: row.scopes.filter(isApiScope),
  createdBy: row.createdBy,
  ...credentialUse(row),
});

export function oauthClientRoutes(deps: AppDeps) {
  const now = () => deps.now?.() ?? new Date();
  return new OpenAPIHono<AppEnv>()
    .openapi(create, async (c) => {
      const principal = c.get('principal');
      const body = c.req.valid('json');
      const role = credentialRole(
        principal,
        body.role,
        'client',
        readerLanguage(c.req.header('accept-language')),
      );
      const client = await createOAuthClient(deps.db, {
        workspaceId: principal.workspaceId,
        name: body.name,
        createdBy: principal.userId,
        role,
        scopes: body.scopes,
        expiresAt: futureExpiry(body.expiresAt, now()),
      });
      const row: ClientRow = {
        ...client,
        createdAt: now(),
        lastUsedAt: null,
        lastUsedIp: null,
        revokedAt: null,
      };
      return c.json({ ...summary(row), clientSecret: client.clientSecret }, 201);
    })
    .openapi(list, async (c) => {
      const principal = c.get('principal');
      const rows = await deps.db
        .select()
        .from(oauthClients)
        .where(and(eq(oauthClients.workspaceId, principal.workspaceId), isNull(oauthClients.revokedAt)))
        .orderBy(desc(oauthClients.createdAt));
      return c.json({ items: rows.map(summary) }, 200);
    })
    .openapi(revoke, async (c) => {
      const principal = c.get('principal');
      const { id } = c.req.valid('param');
      const revoked = await deps.db
        .update(oauthClients)
        .set({ revokedAt: now() })
        .where(
          and(
            eq(oauthClients.id, id),
            eq(oauthClients.workspaceId, principal.workspaceId),
            isNull(oauthClients.revokedAt),
          ),
        )
        .returning({ id: oauthClients.id });
      if (revoked.length === 0) throw notFound('OAuth client', id);
      apiKeyCacheOf(deps.db).forget((key) => key.kind === 'oauth-token' && key.id === id);
      return c.body(null, 204);
    });
}
