import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { channelProviders, messagingChannels } from '@omniflow/db';
import { NodeError } from '@omniflow/nodes/sdk';
import { channelSettingsBody, type ChannelSettings } from '../../credentials/channel-settings.ts';
import { numberAddressOf } from '../../channel-numbers/number-address.ts';
import { checkChannelSettings } from '../../credentials/check-channel-settings.ts';
import { driverFromSettings, twilioWebhookPath } from '../../messaging/driver-from-settings.ts';
import { ApiError } from '../api-error.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import { channelNumberMessage } from '../channel-number-text.ts';
import { channelNumbersOf } from '../channel-numbers-of.ts';
import { readerLanguage } from '../reader-language.ts';
import { conflictResponse, errorResponses, errorSchema, json, notFoundResponse } from '../schemas.ts';

const channelParam = z.object({
  channel: z
    .enum(messagingChannels, { message: `channel is one of ${messagingChannels.join(', ')}` })
    .openapi({ param: { name: 'channel', in: 'path' } }),
});
const numberParams = channelParam.extend({
  id: z
    .uuid({ message: 'Expected an id like 0190b3c4-…: check the URL' })
    .openapi({ param: { name: 'id', in: 'path' } }),
});

const numberView = z
  .object({
    id: z.string(),
    channel: z.enum(messagingChannels),
    address: z
      .string()
      .openapi({ description: 'What the provider’s webhooks name it by (phone_number_id, To)' }),
    name: z.string(),
    provider: z.enum(channelProviders),
    config: z.record(z.string(), z.unknown()),
    secretsSet: z.array(z.string()),
    createdAt: z.string(),
    webhooks: z.record(z.string(), z.string()).optional(),
  })
  .openapi('ChannelNumber');

const addBody = z.intersection(
  channelSettingsBody,
  z.object({ name: z.string().trim().max(200, 'name is at most 200 characters').default('') }),
);

const forbidden = { 403: json(errorSchema, 'Not an admin') };
const unprocessable = { 422: json(errorSchema, 'The settings do not fit the channel or lack a secret') };

const routes = {
  list: createRoute({
    method: 'get',
    path: '/channels/{channel}/numbers',
    tags: ['channels'],
    summary: 'The further numbers of a channel (its first is the channel’s own settings)',
    request: { params: channelParam },
    responses: {
      200: json(z.object({ items: z.array(numberView) }), 'The numbers'),
      ...errorResponses,
      ...forbidden,
    },
  }),
  add: createRoute({
    method: 'post',
    path: '/channels/{channel}/numbers',
    tags: ['channels'],
    summary:
      'Connect a further number (WhatsApp Cloud or Twilio) with its own settings; 409 when any workspace has it',
    request: {
      params: channelParam,
      body: { required: true, content: { 'application/json': { schema: addBody } } },
    },
    responses: {
      201: json(numberView, 'Connected'),
      ...errorResponses,
      ...forbidden,
      ...conflictResponse,
      ...unprocessable,
    },
  }),
  remove: createRoute({
    method: 'delete',
    path: '/channels/{channel}/numbers/{id}',
    tags: ['channels'],
    summary: 'Disconnect a further number: its webhooks are answered as a number nobody has',
    request: { params: numberParams },
    responses: { 204: { description: 'Disconnected' }, ...errorResponses, ...forbidden, ...notFoundResponse },
  }),
};

/** Admin-only: several numbers per channel, each reached by its own webhooks. */
export function channelNumberRoutes(deps: AppDeps) {
  const numbers = () => channelNumbersOf(deps);
  const view = (workspaceId: string, n: Awaited<ReturnType<ReturnType<typeof numbers>['list']>>[number]) => ({
    ...n,
    createdAt: n.createdAt.toISOString(),
    ...(n.provider === 'twilio'
      ? {
          webhooks: {
            incoming: twilioWebhookPath(workspaceId, 'sms'),
            statusCallback: twilioWebhookPath(workspaceId, 'status'),
          },
        }
      : n.provider === 'whatsapp-cloud'
        ? { webhooks: { incoming: '/api/v1/webhooks/whatsapp' } }
        : {}),
  });

  return new OpenAPIHono<AppEnv>()
    .openapi(routes.list, async (c) => {
      const principal = c.get('principal');
      const { channel } = c.req.valid('param');
      const items = await numbers().list(principal.workspaceId, channel);
      return c.json({ items: items.map((n) => view(principal.workspaceId, n)) }, 200);
    })
    .openapi(routes.add, async (c) => {
      const principal = c.get('principal');
      const { channel } = c.req.valid('param');
      const check = (settings: ChannelSettings) =>
        checkChannelSettings(settings, (s) =>
          driverFromSettings(channel, s, { workspaceId: principal.workspaceId }),
        );
      try {
        const added = await numbers().add(principal.workspaceId, channel, c.req.valid('json'), check);
        return c.json(view(principal.workspaceId, added), 201);
      } catch (error) {
        if (!(error instanceof NodeError)) throw error;
        if (error.code === 'NUMBER_TAKEN') {
          const body = c.req.valid('json');
          const address = numberAddressOf(body.provider, body.config as Record<string, unknown>) ?? '';
          throw new ApiError(
            409,
            'NUMBER_TAKEN',
            channelNumberMessage('taken', readerLanguage(c.req.header('accept-language')), { address }),
          );
        }
        throw new ApiError(422, error.code, error.message, error.details);
      }
    })
    .openapi(routes.remove, async (c) => {
      const principal = c.get('principal');
      const { channel, id } = c.req.valid('param');
      if (!(await numbers().remove(principal.workspaceId, channel, id)))
        throw new ApiError(
          404,
          'NOT_FOUND',
          channelNumberMessage('notFound', readerLanguage(c.req.header('accept-language'))),
        );
      return c.body(null, 204);
    });
}
