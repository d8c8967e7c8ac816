import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { lazyKeyring, loadSecretKeyring } from '../../credentials/secret-keyring.ts';
import { checkWebhookUrl, WebhookUrlError } from '../../transactional/status-webhook-store.ts';
import { isWebhookEventType, webhookEventTypes } from '../../webhooks/webhook-event-types.ts';
import {
  createWebhookSubscriptions,
  type WebhookSubscription,
} from '../../webhooks/webhook-subscriptions.ts';
import { webhookMessage } from '../webhook-text.ts';
import { ApiError } from '../api-error.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import { readerLanguage } from '../reader-language.ts';
import { errorResponses, errorSchema, idParam, json, notFoundResponse } from '../schemas.ts';

const eventTypeSchema = z
  .enum(webhookEventTypes, {
    message: `An event is one of ${webhookEventTypes.join(', ')}`,
  })
  .openapi('WebhookEventType');

const urlSchema = z
  .string({ message: 'url is where events are POSTed, like https://app.example.org/omniflow' })
  .trim()
  .min(1, 'url is where events are POSTed, like https://app.example.org/omniflow')
  .max(2000, 'url is at most 2000 characters');

const eventsSchema = z
  .array(eventTypeSchema, { message: 'events is a list of event types, like ["message.delivered"]' })
  .min(1, 'Choose at least one event')
  .max(webhookEventTypes.length * 2, 'events lists each type once');

const descriptionSchema = z.string().trim().max(500, 'A description is at most 500 characters');

const createInput = z
  .object({
    url: urlSchema,
    events: eventsSchema,
    description: descriptionSchema.optional(),
    active: z.boolean({ message: 'active is true or false' }).optional(),
  })
  .strict()
  .openapi('WebhookSubscriptionInput');

const updateInput = z
  .object({
    url: urlSchema.optional(),
    events: eventsSchema.optional(),
    description: descriptionSchema.optional(),
    active: z.boolean({ message: 'active is true or false' }).optional(),
    newSecret: z
      .boolean({ message: 'newSecret is true or false' })
      .optional()
      .openapi({ description: 'Make a new signing secret (the old one stops at once)' }),
  })
  .strict()
  .openapi('WebhookSubscriptionChange');

const subscriptionSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    description: z.string(),
    events: z.array(eventTypeSchema),
    active: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
    secret: z.string().optional().openapi({
      description: 'The signing secret, answered only when it is made: keep it, it is never shown again',
    }),
  })
  .openapi('WebhookSubscription');

const attemptSchema = z
  .object({
    at: z.string(),
    statusCode: z.number().int().nullable(),
    durationMs: z.number().int(),
    error: z.string().nullable(),
  })
  .openapi('WebhookDeliveryAttempt');

const deliverySchema = z
  .object({
    id: z.string(),
    eventId: z.string(),
    eventType: z.string(),
    state: z.enum(['pending', 'delivered', 'failed']),
    nextAttemptAt: z.string().nullable(),
    deliveredAt: z.string().nullable(),
    createdAt: z.string(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    body: z.string().openapi({ description: 'The exact JSON body POSTed (what the signature covers)' }),
    attempts: z.array(attemptSchema),
  })
  .openapi('WebhookDelivery');

const deliveryParams = z.object({
  id: idParam.shape.id,
  deliveryId: z
    .uuid({ message: 'Expected a delivery id like 0190b3c4-…: check the URL' })
    .openapi({ param: { name: 'deliveryId', in: 'path' } }),
});

const limitQuery = z.object({
  limit: z.coerce
    .number({ message: 'limit is a number from 1 to 200' })
    .int('limit is a whole number')
    .min(1, 'limit is at least 1')
    .max(200, 'limit is at most 200')
    .optional()
    .openapi({
      param: { name: 'limit', in: 'query' },
      description: 'How many deliveries, newest first (50)',
    }),
});

const forbidden = { 403: json(errorSchema, 'Not an admin') };
const refused = {
  422: json(errorSchema, 'Not an http(s) URL, or its host is private, loopback or unknown'),
};
const tags = ['webhooks'];

const routes = {
  list: createRoute({
    method: 'get',
    path: '/webhook-subscriptions',
    tags,
    summary: 'The workspace’s outbound webhooks (admin)',
    responses: {
      200: json(z.object({ subscriptions: z.array(subscriptionSchema) }), 'Never their secrets'),
      ...errorResponses,
      ...forbidden,
    },
  }),
  create: createRoute({
    method: 'post',
    path: '/webhook-subscriptions',
    tags,
    summary: 'Subscribe a URL to events: each is POSTed there, signed (Omniflow-Signature)',
    request: { body: { required: true, content: { 'application/json': { schema: createInput } } } },
    responses: {
      201: json(subscriptionSchema, 'Made; `secret` is shown this once'),
      ...errorResponses,
      ...forbidden,
      ...refused,
    },
  }),
  get: createRoute({
    method: 'get',
    path: '/webhook-subscriptions/{id}',
    tags,
    summary: 'One outbound webhook',
    request: { params: idParam },
    responses: {
      200: json(subscriptionSchema, 'The webhook (never its secret)'),
      ...errorResponses,
      ...forbidden,
      ...notFoundResponse,
    },
  }),
  update: createRoute({
    method: 'patch',
    path: '/webhook-subscriptions/{id}',
    tags,
    summary: 'Change, pause (active: false), resume or give a new secret to an outbound webhook',
    request: {
      params: idParam,
      body: { required: true, content: { 'application/json': { schema: updateInput } } },
    },
    responses: {
      200: json(subscriptionSchema, 'Saved; `secret` is there when a new one was made'),
      ...errorResponses,
      ...forbidden,
      ...notFoundResponse,
      ...refused,
    },
  }),
  remove: createRoute({
    method: 'delete',
    path: '/webhook-subscriptions/{id}',
    tags,
    summary: 'Remove an outbound webhook with its pending deliveries and log',
    request: { params: idParam },
    responses: { 204: { description: 'Removed' }, ...errorResponses, ...forbidden, ...notFoundResponse },
  }),
  deliveries: createRoute({
    method: 'get',
    path: '/webhook-subscriptions/{id}/deliveries',
    tags,
    summary: 'The delivery log: each event, its attempts (status, duration, error) and next try',
    request: { params: idParam, query: limitQuery },
    responses: {
      200: json(z.object({ deliveries: z.array(deliverySchema) }), 'Newest first'),
      ...errorResponses,
      ...forbidden,
      ...notFoundResponse,
    },
  }),
  replay: createRoute({
    method: 'post',
    path: '/webhook-subscriptions/{id}/deliveries/{deliveryId}/replay',
    tags,
    summary: 'Send one delivery again now, with the same event id and body',
    request: { params: deliveryParams },
    responses: {
      202: json(
        z.object({ id: z.string(), eventId: z.string() }),
        'Due now; the worker sends it within seconds',
      ),
      ...errorResponses,
      ...forbidden,
      ...notFoundResponse,
    },
  }),
};

const view = (s: WebhookSubscription & { secret?: string }) => ({
  id: s.id,
  url: s.url,
  description: s.description,
  events: s.events.filter(isWebhookEventType),
  active: s.active,
  createdAt: s.createdAt.toISOString(),
  updatedAt: s.updatedAt.toISOString(),
  ...(s.secret ? { secret: s.secret } : {}),
});

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Outbound webhooks (README "Outbound webhooks"): admins only, like channel secrets. */
export function webhookSubscriptionRoutes(deps: AppDeps) {
  const store = createWebhookSubscriptions(
    deps.db,
    deps.secretKeyring ?? lazyKeyring(() => loadSecretKeyring()),
  );
  const allowPrivate = deps.webhookAllowPrivate ?? process.env.OMNIFLOW_HTTP_ALLOW_PRIVATE === '1';
  const languageOf = (header: string | undefined) => readerLanguage(header);

  async function checkedUrl(text: string, language: 'es' | 'en') {
    try {
      return await checkWebhookUrl(text, allowPrivate);
    } catch (error) {
      if (error instanceof WebhookUrlError)
        throw new ApiError(422, 'WEBHOOK_URL_REFUSED', webhookMessage(error.problem, language, error.params));
      throw error;
    }
  }

  return new OpenAPIHono<AppEnv>()
    .openapi(routes.list, async (c) => {
      const found = await store.list(c.get('principal').workspaceId);
      return c.json({ subscriptions: found.map(view) }, 200);
    })
    .openapi(routes.create, async (c) => {
      const input = c.req.valid('json');
      const url = await checkedUrl(input.url, languageOf(c.req.header('accept-language')));
      const made = await store.create(c.get('principal').workspaceId, { ...input, url });
      return c.json(view(made), 201);
    })
    .openapi(routes.get, async (c) => {
      const found = await store.get(c.get('principal').workspaceId, c.req.valid('param').id);
      if (!found) throw notFound(c.req.header('accept-language'));
      return c.json(view(found), 200);
    })
    .openapi(routes.update, async (c) => {
      const language = languageOf(c.req.header('accept-language'));
      const input = c.req.valid('json');
      if (Object.keys(input).length === 0)
        throw new ApiError(400, 'VALIDATION_FAILED', webhookMessage('nothingToChange', language));
      const url = input.url === undefined ? undefined : await checkedUrl(input.url, language);
      const saved = await store.update(c.get('principal').workspaceId, c.req.valid('param').id, {
        ...input,
        ...(url === undefined ? {} : { url }),
      });
      if (!saved) throw notFound(c.req.header('accept-language'));
      return c.json(view(saved), 200);
    })
    .openapi(routes.remove, async (c) => {
      if (!(await store.remove(c.get('principal').workspaceId, c.req.valid('param').id)))
        throw notFound(c.req.header('accept-language'));
      return c.body(null, 204);
    })
    .openapi(routes.deliveries, async (c) => {
      const { workspaceId } = c.get('principal');
      const { id } = c.req.valid('param');
      if (!(await store.get(workspaceId, id))) throw notFound(c.req.header('accept-language'));
      const rows = await store.deliveries(workspaceId, id, c.req.valid('query').limit ?? 50);
      return c.json(
        {
          deliveries: rows.map((d) => ({
            id: d.id,
            eventId: d.eventId,
            eventType: d.eventType,
            state: d.state,
            nextAttemptAt: d.state === 'pending' ? iso(d.nextAttemptAt) : null,
            deliveredAt: iso(d.deliveredAt),
            createdAt: d.createdAt.toISOString(),
            lastStatusCode: d.lastStatusCode,
            lastError: d.lastError,
            body: d.body,
            attempts: d.attempts.map((a) => ({
              at: a.attemptedAt.toISOString(),
              statusCode: a.statusCode,
              durationMs: a.durationMs,
              error: a.error,
            })),
          })),
        },
        200,
      );
    })
    .openapi(routes.replay, async (c) => {
      const { workspaceId } = c.get('principal');
      const { id, deliveryId } = c.req.valid('param');
      const language = languageOf(c.req.header('accept-language'));
      if (!(await store.get(workspaceId, id))) throw notFound(c.req.header('accept-language'));
      const replayed = await store.replay(workspaceId, id, deliveryId);
      if (!replayed) throw new ApiError(404, 'NOT_FOUND', webhookMessage('deliveryNotFound', language));
      return c.json(replayed, 202);
    });
}

const notFound = (acceptLanguage: string | undefined) =>
  new ApiError(404, 'NOT_FOUND', webhookMessage('subscriptionNotFound', readerLanguage(acceptLanguage)));
