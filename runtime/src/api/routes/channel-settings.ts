import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { messagingChannels } from '@omniflow/db';
import { SandboxDriver, type MessagingDriver } from '@omniflow/nodes/drivers/messaging';
import { SmppDriver, TwilioSmsDriver } from '@omniflow/nodes/drivers/sms';
import { WhatsAppDriver } from '@omniflow/nodes/drivers/whatsapp';
import { NodeError } from '@omniflow/nodes/sdk';
import { channelProviders } from '@omniflow/db';
import { channelSettingsBody } from '../../credentials/channel-settings.ts';
import type { ChannelSettingsSummary } from '../../credentials/credentials-store.ts';
import { driverFromSettings, twilioWebhookPath } from '../../messaging/driver-from-settings.ts';
import { ApiError } from '../api-error.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import { channelResolverOf } from '../channel-resolver-of.ts';
import { requireAdmin } from '../require-admin.ts';
import { errorResponses, errorSchema, json, notFoundResponse } from '../schemas.ts';

const channelParam = z.object({
  channel: z
    .enum(messagingChannels, { message: `channel is one of ${messagingChannels.join(', ')}` })
    .openapi({ param: { name: 'channel', in: 'path' } }),
});

const channelView = z
  .object({
    channel: z.enum(messagingChannels),
    provider: z.enum(channelProviders).nullable(),
    source: z.enum(['settings', 'environment', 'sandbox']),
    config: z.record(z.string(), z.unknown()),
    secretsSet: z
      .array(z.string())
      .openapi({ description: 'Names of the secrets saved; never their values' }),
    keyId: z.string().nullable(),
    updatedAt: z.string().nullable(),
    webhooks: z.record(z.string(), z.string()).optional(),
  })
  .openapi('ChannelSettings');

const forbidden = { 403: json(errorSchema, 'Not an admin') };
const unprocessable = { 422: json(errorSchema, 'The settings do not fit the channel or lack a secret') };

const routes = {
  list: createRoute({
    method: 'get',
    path: '/channels',
    tags: ['channels'],
    summary: 'Each channel’s provider and settings (secrets are never shown)',
    responses: {
      200: json(z.object({ items: z.array(channelView) }), 'The channels'),
      ...errorResponses,
      ...forbidden,
    },
  }),
  put: createRoute({
    method: 'put',
    path: '/channels/{channel}',
    tags: ['channels'],
    summary: 'Set a channel’s provider; secrets left out keep their saved values',
    request: {
      params: channelParam,
      body: { required: true, content: { 'application/json': { schema: channelSettingsBody } } },
    },
    responses: {
      200: json(channelView, 'The settings now'),
      ...errorResponses,
      ...forbidden,
      ...unprocessable,
    },
  }),
  remove: createRoute({
    method: 'delete',
    path: '/channels/{channel}',
    tags: ['channels'],
    summary: 'Forget a channel’s settings (it falls back to the environment’s provider or the sandbox)',
    request: { params: channelParam },
    responses: { 204: { description: 'Forgotten' }, ...errorResponses, ...forbidden, ...notFoundResponse },
  }),
  test: createRoute({
    method: 'post',
    path: '/channels/{channel}/test',
    tags: ['channels'],
    summary: 'Check the saved settings against the provider (SMPP: bind and unbind)',
    request: { params: channelParam },
    responses: {
      200: json(
        z.object({ ok: z.boolean(), code: z.string().optional(), message: z.string() }),
        'The outcome',
      ),
      ...errorResponses,
      ...forbidden,
      ...notFoundResponse,
      ...unprocessable,
    },
  }),
};

function providerOf(driver: MessagingDriver | undefined) {
  if (!driver || driver instanceof SandboxDriver) return 'sandbox' as const;
  if (driver instanceof WhatsAppDriver) return 'whatsapp-cloud' as const;
  if (driver instanceof SmppDriver) return 'smpp' as const;
  if (driver instanceof TwilioSmsDriver) return 'twilio' as const;
  return null;
}

const asUnprocessable = (error: unknown): never => {
  if (error instanceof NodeError) throw new ApiError(422, error.code, error.message, error.details);
  throw error;
};

/** Admin-only: which provider each channel of the workspace uses, with its secrets sealed at rest. */
export function channelSettingsRoutes(deps: AppDeps) {
  const resolver = () => channelResolverOf(deps);

  const view = (workspaceId: string, saved: ChannelSettingsSummary) => ({
    channel: saved.channel,
    provider: saved.provider,
    source: 'settings' as const,
    config: saved.config,
    secretsSet: saved.secretsSet,
    keyId: saved.keyId,
    updatedAt: saved.updatedAt.toISOString(),
    ...(saved.provider === 'twilio'
      ? {
          webhooks: {
            incoming: twilioWebhookPath(workspaceId, 'sms'),
            statusCallback: twilioWebhookPath(workspaceId, 'status'),
          },
        }
      : {}),
  });

  return new OpenAPIHono<AppEnv>()
    .openapi(routes.list, async (c) => {
      const principal = c.get('principal');
      requireAdmin(principal, 'see channel settings');
      const saved = await resolver().store.list(principal.workspaceId);
      const items = await Promise.all(
        messagingChannels.map(async (channel) => {
          const own = saved.find((s) => s.channel === channel);
          if (own) return view(principal.workspaceId, own);
          const provider = providerOf(await resolver().driverFor(principal.workspaceId, channel));
          return {
            channel,
            provider,
            source: provider === 'sandbox' ? ('sandbox' as const) : ('environment' as const),
            config: {},
            secretsSet: [] as string[],
            keyId: null,
            updatedAt: null,
          };
        }),
      );
      return c.json({ items }, 200);
    })
    .openapi(routes.put, async (c) => {
      const principal = c.get('principal');
      requireAdmin(principal, 'change channel settings');
      const { channel } = c.req.valid('param');
      const saved = await resolver()
        .store.save(principal.workspaceId, channel, c.req.valid('json'))
        .catch(asUnprocessable);
      return c.json(view(principal.workspaceId, saved), 200);
    })
    .openapi(routes.remove, async (c) => {
      const principal = c.get('principal');
      requireAdmin(principal, 'change channel settings');
      const { channel } = c.req.valid('param');
      if (!(await resolver().store.remove(principal.workspaceId, channel)))
        throw new ApiError(404, 'NOT_FOUND', `The ${channel} channel has no saved settings`);
      return c.body(null, 204);
    })
    .openapi(routes.test, async (c) => {
      const principal = c.get('principal');
      requireAdmin(principal, 'test channel settings');
      const { channel } = c.req.valid('param');
      const read = await resolver().store.read(principal.workspaceId, channel).catch(asUnprocessable);
      if (!read) throw new ApiError(404, 'NOT_FOUND', `The ${channel} channel has no saved settings`);
      if (read.settings.provider === 'sandbox')
        return c.json({ ok: true, message: 'The sandbox is always up' }, 200);
      if (read.settings.provider !== 'smpp') {
        throw new ApiError(
          422,
          'TEST_UNSUPPORTED',
          `${read.settings.provider} has no connection to test; send a message to check the settings`,
        );
      }
      // A link of its own, closed right after: the worker's bound link is left alone.
      const driver = driverFromSettings(channel, read.settings, {
        workspaceId: principal.workspaceId,
        smpp: { sendTimeoutMs: 10_000 },
      });
      if (!(driver instanceof SmppDriver)) throw new Error('SMPP settings built another driver');
      try {
        await driver.connect();
        return c.json(
          { ok: true, message: `Bound to ${read.settings.config.host}:${read.settings.config.port}` },
          200,
        );
      } catch (error) {
        const code = error instanceof NodeError ? error.code : 'SMPP_TEST_FAILED';
        return c.json(
          { ok: false, code, message: error instanceof Error ? error.message : String(error) },
          200,
        );
      } finally {
        await driver.close();
      }
    });
}
