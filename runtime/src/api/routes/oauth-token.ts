import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  OAuthError,
  clientCredentialsOf,
  defaultAccessTokenTtlSeconds,
  issueAccessToken,
} from '../../auth/oauth-client-credentials.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import { json } from '../schemas.ts';

const tokenAnswer = z
  .object({
    access_token: z.string(),
    token_type: z.literal('Bearer'),
    expires_in: z.number().int(),
    scope: z.string(),
  })
  .openapi('OAuthToken');

const oauthError = z
  .object({
    error: z.enum([
      'invalid_request',
      'invalid_client',
      'invalid_grant',
      'invalid_scope',
      'unsupported_grant_type',
    ]),
    error_description: z.string(),
  })
  .openapi('OAuthError');

/** Documented only: the handler reads the form itself so every refusal keeps RFC 6749's shape. */
const tokenRoute = createRoute({
  method: 'post',
  path: '/oauth/token',
  tags: ['oauth'],
  summary: 'Get an access token for an OAuth client (RFC 6749 §4.4, client credentials)',
  description:
    'Authenticate the client with HTTP Basic (`client_id:client_secret`) or with `client_id` and `client_secret` in the form. Send the token as `Authorization: Bearer <access_token>` until `expires_in` seconds have passed.',
  security: [],
  request: {
    body: {
      required: true,
      content: {
        'application/x-www-form-urlencoded': {
          schema: z.object({
            grant_type: z.literal('client_credentials'),
            scope: z
              .string()
              .optional()
              .openapi({ description: 'Space-separated; at most the client’s scopes' }),
            client_id: z.string().optional(),
            client_secret: z.string().optional(),
          }),
        },
      },
    },
  },
  responses: {
    200: json(tokenAnswer, 'A bearer token'),
    400: json(
      oauthError,
      'invalid_request, invalid_grant (the client expired), invalid_scope or unsupported_grant_type',
    ),
    401: json(oauthError, 'invalid_client: unknown client or wrong secret'),
  },
});

/** RFC 6749 §5.1: token answers, errors included, must not be cached. */
function answer(c: Context, body: object, status: 200 | 400 | 401) {
  c.header('Cache-Control', 'no-store');
  c.header('Pragma', 'no-cache');
  return c.json(body, status);
}

async function formOf(c: Context): Promise<URLSearchParams> {
  if (!/^application\/x-www-form-urlencoded\b/i.test(c.req.header('content-type') ?? ''))
    throw new OAuthError('invalid_request', 'Send the token request as application/x-www-form-urlencoded');
  const form = new URLSearchParams(await c.req.text());
  // RFC 6749 §3.2: a parameter must not be sent more than once.
  const repeated = [...new Set(form.keys())].filter((name) => form.getAll(name).length > 1);
  if (repeated.length > 0)
    throw new OAuthError('invalid_request', `Send ${repeated.map((n) => `"${n}"`).join(', ')} only once`);
  return form;
}

export function oauthTokenRoutes(deps: AppDeps) {
  const ttlSeconds =
    Number(process.env.OMNIFLOW_OAUTH_TOKEN_TTL_SECONDS) > 0
      ? Math.floor(Number(process.env.OMNIFLOW_OAUTH_TOKEN_TTL_SECONDS))
      : defaultAccessTokenTtlSeconds;
  const app = new OpenAPIHono<AppEnv>();
  app.openAPIRegistry.registerPath(tokenRoute);
  app.post('/oauth/token', async (c) => {
    try {
      const form = await formOf(c);
      const credentials = clientCredentialsOf(c.req.header('authorization'), form);
      const grantType = form.get('grant_type');
      if (!grantType) throw new OAuthError('invalid_request', 'Send grant_type=client_credentials');
      if (grantType !== 'client_credentials')
        throw new OAuthError(
          'unsupported_grant_type',
          `Only grant_type=client_credentials is supported, not "${grantType}"`,
        );
      const token = await issueAccessToken(deps.db, credentials, form.get('scope'), {
        now: deps.now?.() ?? new Date(),
        ttlSeconds,
      });
      return answer(c, token, 200);
    } catch (error) {
      if (!(error instanceof OAuthError)) throw error;
      const body = { error: error.code, error_description: error.message };
      if (error.code !== 'invalid_client') return answer(c, body, 400);
      // RFC 6749 §5.2: 401 naming the scheme the client may authenticate with.
      c.header('WWW-Authenticate', 'Basic realm="omniflow"');
      return answer(c, body, 401);
    }
  });
  return app;
}
