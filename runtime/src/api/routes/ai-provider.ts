import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { createAiProviderStore, type AiProviderView } from '../../ai/ai-provider-store.ts';
import { lazyKeyring, loadSecretKeyring } from '../../credentials/secret-keyring.ts';
import { ApiError } from '../api-error.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import { errorResponses, errorSchema, json, notFoundResponse } from '../schemas.ts';

const providerInput = z
  .object({
    baseUrl: z
      .string({ message: 'baseUrl is the API root, like https://api.openai.com/v1' })
      .trim()
      .max(2000, 'baseUrl is at most 2000 characters')
      .url('baseUrl must be a URL, like https://api.openai.com/v1 or http://127.0.0.1:11434/v1')
      .refine((u) => /^https?:\/\//.test(u), 'baseUrl must be an http(s) URL'),
    model: z
      .string({ message: 'model is the model name, like gpt-4o-mini' })
      .trim()
      .min(1, 'model is the model name, like gpt-4o-mini')
      .max(200, 'model is at most 200 characters'),
    apiKey: z
      .string()
      .min(1, 'apiKey is empty: leave it out to keep the saved key, or send null to remove it')
      .max(1000)
      .nullable()
      .optional()
      .openapi({
        description: 'Sealed at rest and never answered; omit to keep the saved one, null to remove it',
      }),
  })
  .strict()
  .openapi('AiProviderInput');

const providerView = z
  .object({ baseUrl: z.string(), model: z.string(), hasApiKey: z.boolean(), updatedAt: z.string() })
  .openapi('AiProvider');

const routes = {
  get: createRoute({
    method: 'get',
    path: '/workspace/ai-provider',
    tags: ['settings'],
    summary: 'The OpenAI-compatible endpoint the AI node calls (never its key)',
    responses: { 200: json(providerView, 'The provider'), ...errorResponses, ...notFoundResponse },
  }),
  put: createRoute({
    method: 'put',
    path: '/workspace/ai-provider',
    tags: ['settings'],
    summary:
      'Set the AI provider: base URL, model and API key of any OpenAI-compatible chat-completions service',
    request: { body: { required: true, content: { 'application/json': { schema: providerInput } } } },
    responses: {
      200: json(providerView, 'Saved'),
      ...errorResponses,
      403: json(errorSchema, 'Not allowed to change settings'),
    },
  }),
  delete: createRoute({
    method: 'delete',
    path: '/workspace/ai-provider',
    tags: ['settings'],
    summary: 'Remove the AI provider (AI nodes then leave by "failed")',
    responses: { 204: { description: 'Removed' }, ...errorResponses, ...notFoundResponse },
  }),
};

const view = (p: AiProviderView) => ({
  baseUrl: p.baseUrl,
  model: p.model,
  hasApiKey: p.hasApiKey,
  updatedAt: p.updatedAt.toISOString(),
});

const none = () =>
  new ApiError(
    404,
    'NOT_FOUND',
    'This workspace has no AI provider: set one with PUT /api/v1/workspace/ai-provider',
  );

/** The workspace's AI provider (ai/ai-provider-store.ts); the key is write-only, like channel secrets. */
export function aiProviderRoutes(deps: AppDeps) {
  const store = createAiProviderStore(deps.db, deps.secretKeyring ?? lazyKeyring(() => loadSecretKeyring()));
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.get, async (c) => {
      const found = await store.get(c.get('principal').workspaceId);
      if (!found) throw none();
      return c.json(view(found), 200);
    })
    .openapi(routes.put, async (c) => {
      const saved = await store.put(c.get('principal').workspaceId, c.req.valid('json'));
      return c.json(view(saved), 200);
    })
    .openapi(routes.delete, async (c) => {
      if (!(await store.delete(c.get('principal').workspaceId))) throw none();
      return c.body(null, 204);
    });
}
