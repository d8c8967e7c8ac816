import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { messagingChannels } from '@omniflow/db';
import {
  SandboxDriver,
  type MessagingChannel,
  type MessagingDriver,
} from '@omniflow/nodes/drivers/messaging';
import { SmtpDriver } from '@omniflow/nodes/drivers/email';
import { SmppDriver, TwilioSmsDriver } from '@omniflow/nodes/drivers/sms';
import { WhatsAppDriver } from '@omniflow/nodes/drivers/whatsapp';
import { NodeError } from '@omniflow/nodes/sdk';
import { channelProviders } from '@omniflow/db';
import { channelSettingsBody, type ChannelSettings } from '../../credentials/channel-settings.ts';
import { checkChannelSettings } from '../../credentials/check-channel-settings.ts';
import type { ChannelSettingsSummary } from '../../credentials/credentials-store.ts';
import { driverFromSettings, twilioWebhookPath } from '../../messaging/driver-from-settings.ts';
import { publishedFlowChannels, type FlowRef } from '../../messaging/published-flow-channels.ts';
import { ApiError } from '../api-error.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import { channelResolverOf } from '../channel-resolver-of.ts';
import { refuseTakenNumber } from '../refuse-taken-number.ts';
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
    source: z.enum(['settings', 'environment', 'sandbox', 'none']).openapi({
      description:
        'Where the provider comes from; `none`: no provider and this server refuses the sandbox (sends fail with CHANNEL_NOT_CONFIGURED)',
    }),
    sandbox: z.boolean().openapi({
      description: 'Sends on this channel go to the sandbox: recorded as delivered, reaching no one',
    }),
    config: z.record(z.string(), z.unknown()),
    secretsSet: z
      .array(z.string())
      .openapi({ description: 'Names of the secrets saved; never their values' }),
    keyId: z.string().nullable(),
    updatedAt: z.string().nullable(),
    webhooks: z.record(z.string(), z.string()).optional(),
  })
  .openapi('ChannelSettings');

const sandboxInUse = z
  .array(
    z.object({
      channel: z.enum(messagingChannels),
      flows: z.array(z.object({ id: z.string(), name: z.string() })),
    }),
  )
  .openapi('SandboxInUse', {
    description:
      'Channels on the sandbox that published flows talk on, with those flows: their messages reach no one. Empty when there are none.',
  });

const forbidden = { 403: json(errorSchema, 'Not an admin') };
const unprocessable = { 422: json(errorSchema, 'The settings do not fit the channel or lack a secret') };

const routes = {
  list: createRoute({
    method: 'get',
    path: '/channels',
    tags: ['channels'],
    summary: 'Each channel’s provider and settings (secrets are never shown)',
    responses: {
      200: json(z.object({ items: z.array(channelView), sandboxInUse }), 'The channels'),
      ...errorResponses,
      ...forbidden,
    },
  }),
  sandbox: createRoute({
    method: 'get',
    path: '/channels/sandbox',
    tags: ['channels'],
    summary: 'Which channels published flows use are on the sandbox (any member: the app shows a banner)',
    responses: {
      200: json(z.object({ sandboxInUse }), 'Channels on the sandbox that published flows use'),
      ...errorResponses,
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
      409: json(errorSchema, 'Another workspace has this number'),
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
    summary:
      'Check the saved settings against the provider (SMPP: bind and unbind; SMTP: connect and log in)',
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
  if (!driver) return null;
  if (driver instanceof SandboxDriver) return 'sandbox' as const;
  if (driver instanceof WhatsAppDriver) return 'whatsapp-cloud' as const;
  if (driver instanceof SmppDriver) return 'smpp' as const;
  if (driver instanceof TwilioSmsDriver) return 'twilio' as const;
  if (driver instanceof SmtpDriver) return 'smtp' as const;
  return null;
}

const asUnprocessable = (error: unknown): never => {
  if (error instanceof NodeError) throw new ApiError(422, error.code, error.message, error.details);
  throw error;
};

/** Admin-only: which provider each channel of the workspace uses, with its secrets sealed at rest. */
export function channelSettingsRoutes(deps: AppDeps) {
  const resolver = () => channelResolverOf(deps);

  // A driver that cannot be built (old settings) is not the sandbox: it names a real provider.
  const onSandbox = async (workspaceId: string, channel: MessagingChannel) =>
    (await resolver()
      .driverFor(workspaceId, channel)
      .catch(() => undefined)) instanceof SandboxDriver;

  async function sandboxChannelsInUse(workspaceId: string) {
    const used = await publishedFlowChannels(deps.db, workspaceId);
    const inUse: { channel: MessagingChannel; flows: FlowRef[] }[] = [];
    for (const channel of messagingChannels) {
      const flows = used.get(channel);
      if (flows && (await onSandbox(workspaceId, channel))) inUse.push({ channel, flows });
    }
    return inUse;
  }

  const view = (workspaceId: string, saved: ChannelSettingsSummary) => ({
    channel: saved.channel,
    provider: saved.provider,
    source: 'settings' as const,
    sandbox: saved.provider === 'sandbox',
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
      const saved = await resolver().store.list(principal.workspaceId);
      const items = await Promise.all(
        messagingChannels.map(async (channel) => {
          const own = saved.find((s) => s.channel === channel);
          if (own) return view(principal.workspaceId, own);
          const driver = await resolver().driverFor(principal.workspaceId, channel);
          const provider = providerOf(driver);
          return {
            channel,
            provider,
            source: !driver
              ? ('none' as const)
              : provider === 'sandbox'
                ? ('sandbox' as const)
                : ('environment' as const),
            sandbox: driver instanceof SandboxDriver,
            config: {},
            secretsSet: [] as string[],
            keyId: null,
            updatedAt: null,
          };
        }),
      );
      return c.json({ items, sandboxInUse: await sandboxChannelsInUse(principal.workspaceId) }, 200);
    })
    .openapi(routes.sandbox, async (c) =>
      c.json({ sandboxInUse: await sandboxChannelsInUse(c.get('principal').workspaceId) }, 200),
    )
    .openapi(routes.put, async (c) => {
      const principal = c.get('principal');
      const { channel } = c.req.valid('param');
      // Checked with the driver's own rules: settings it would refuse are never stored.
      const check = (settings: ChannelSettings) =>
        checkChannelSettings(settings, (s) =>
          driverFromSettings(channel, s, { workspaceId: principal.workspaceId }),
        );
      await refuseTakenNumber(
        deps.db,
        principal.workspaceId,
        channel,
        c.req.valid('json'),
        c.req.header('accept-language'),
      );
      const saved = await resolver()
        .store.save(principal.workspaceId, channel, c.req.valid('json'), check)
        .catch(asUnprocessable);
      return c.json(view(principal.workspaceId, saved), 200);
    })
    .openapi(routes.remove, async (c) => {
      const principal = c.get('principal');
      const { channel } = c.req.valid('param');
      if (!(await resolver().store.remove(principal.workspaceId, channel))) throw noSavedSettings(channel);
      return c.body(null, 204);
    })
    .openapi(routes.test, async (c) => {
      const principal = c.get('principal');
      const { channel } = c.req.valid('param');
      const read = await resolver().store.read(principal.workspaceId, channel).catch(asUnprocessable);
      if (!read) throw noSavedSettings(channel);
      if (read.settings.provider === 'sandbox')
        return c.json({ ok: true, message: 'The sandbox is always up' }, 200);
      if (read.settings.provider === 'smtp') {
        const smtp = driverFromSettings(channel, read.settings, {
          workspaceId: principal.workspaceId,
          smtp: { connectionTimeoutMs: 10_000 },
        });
        if (!(smtp instanceof SmtpDriver)) throw new Error('SMTP settings built another driver');
        const { host, port } = read.settings.config;
        try {
          await smtp.verify();
          return c.json({ ok: true, message: `${host}:${port} answered` }, 200);
        } catch (error) {
          const code = error instanceof NodeError ? error.code : 'SMTP_TEST_FAILED';
          return c.json(
            { ok: false, code, message: error instanceof Error ? error.message : String(error) },
            200,
          );
        } finally {
          await smtp.close();
        }
      }
      if (read.settings.provider !== 'smpp') {
        throw new ApiError(422, 'TEST_UNSUPPORTED', {
          en: `${read.settings.provider} has no connection to test; send a message to check the settings`,
          es: `${read.settings.provider} no tiene una conexión que probar; envía un mensaje para comprobar los ajustes`,
        });
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

const noSavedSettings = (channel: string) =>
  new ApiError(404, 'NOT_FOUND', {
    en: `The ${channel} channel has no saved settings`,
    es: `El canal ${channel} no tiene ajustes guardados`,
  });
