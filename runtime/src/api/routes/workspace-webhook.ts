import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { lazyKeyring, loadSecretKeyring } from '../../credentials/secret-keyring.ts';
import {
  checkWebhookUrl,
  createStatusWebhookStore,
  WebhookUrlError,
} from '../../transactional/status-webhook-store.ts';
import { ApiError } from '../api-error.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import { errorResponses, errorSchema, json, notFoundResponse } from '../schemas.ts';

const webhookInput = z
  .object({
    url: z
      .string({ message: 'url is where statuses are POSTed, like https://app.example.org/omniflow' })
      .trim()
      .min(1, 'url is where statuses are POSTed, like https://app.example.org/omniflow')
      .max(2000, 'url is at most 2000 characters'),
    newSecret: z
      .boolean({ message: 'newSecret is true or false' })
      .optional()
      .openapi({ description: 'Make a new signing secret (the old one stops at once); default false' }),
  })
  .strict()
  .openapi('StatusWebhookInput');

const webhookView = z
  .object({
    url: z.string(),
    updatedAt: z.string(),
    secret: z.string().optional().openapi({
      description: 'The signing secret, answered only when it is made: keep it, it is never shown again',
    }),
  })
  .openapi('StatusWebhook');

const unprocessable = {
  422: json(errorSchema, 'Not an http(s) URL, or its host is private, loopback or unknown'),
};

const routes = {
  get: createRoute({
    method: 'get',
    path: '/workspace/webhook',
    tags: ['messages'],
    summary: 'Where the statuses of messages sent by the API are POSTed (admin)',
    responses: {
      200: json(webhookView, 'The webhook (never its secret)'),
      ...errorResponses,
      403: json(errorSchema, 'Not an admin'),
      ...notFoundResponse,
    },
  }),
  put: createRoute({
    method: 'put',
    path: '/workspace/webhook',
    tags: ['messages'],
    summary:
      'Set the status webhook: each status change of an API message is POSTed there, signed (Omniflow-Signature)',
    request: { body: { required: true, content: { 'application/json': { schema: webhookInput } } } },
    responses: {
      200: json(webhookView, 'Saved; `secret` is there when one was made'),
      ...errorResponses,
      403: json(errorSchema, 'Not an admin'),
      ...unprocessable,
    },
  }),
  delete: createRoute({
    method: 'delete',
    path: '/workspace/webhook',
    tags: ['messages'],
    summary: 'Stop POSTing statuses (notices under way stop too)',
    responses: {
      204: { description: 'Removed' },
      ...errorResponses,
      403: json(errorSchema, 'Not an admin'),
      ...notFoundResponse,
    },
  }),
};

const view = (w: { url: string; updatedAt: Date; secret?: string }) => ({
  url: w.url,
  updatedAt: w.updatedAt.toISOString(),
  ...(w.secret ? { secret: w.secret } : {}),
});

const none = () =>
  new ApiError(
    404,
    'NOT_FOUND',
    'This workspace has no status webhook: set one with PUT /api/v1/workspace/webhook',
  );

/** The send API's status webhook (transactional/status-webhook-*.ts): admins only, like channel secrets. */
export function workspaceWebhookRoutes(deps: AppDeps) {
  const store = createStatusWebhookStore(
    deps.db,
    deps.secretKeyring ?? lazyKeyring(() => loadSecretKeyring()),
  );
  const allowPrivate = deps.webhookAllowPrivate ?? process.env.OMNIFLOW_HTTP_ALLOW_PRIVATE === '1';
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.get, async (c) => {
      const found = await store.get(c.get('principal').workspaceId);
      if (!found) throw none();
      return c.json(view(found), 200);
    })
    .openapi(routes.put, async (c) => {
      const input = c.req.valid('json');
      let url: string;
      try {
        url = await checkWebhookUrl(input.url, allowPrivate);
      } catch (error) {
        if (error instanceof WebhookUrlError) throw new ApiError(422, 'WEBHOOK_URL_REFUSED', error.message);
        throw error;
      }
      const saved = await store.put(c.get('principal').workspaceId, url, input.newSecret ?? false);
      return c.json(view(saved), 200);
    })
    .openapi(routes.delete, async (c) => {
      if (!(await store.delete(c.get('principal').workspaceId))) throw none();
      return c.body(null, 204);
    });
}
