import { Hono, type Context } from 'hono';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { workspaces } from '@omniflow/db';
import { errorBody } from '../api-error.ts';
import type { AppDeps } from '../app-deps.ts';
import { channelResolverOf } from '../channel-resolver-of.ts';
import { twilioVoiceToken } from '../twilio-voice-token.ts';

const workspaceIdSchema = z.uuid();

/**
 * Twilio's (or a TwiML-compatible provider's) voice webhooks for a workspace's numbers: the
 * incoming call (`…/voice`), the status callback (`…/voice/status`), and the URLs our TwiML
 * sends the provider back to (`…/voice/calls/…`, prompts under `…/voice/audio/…`). Not behind
 * sign-in: X-Twilio-Signature is the authentication, keyed with the auth token of the number the
 * call is about (a further Twilio number of the workspace, else its Twilio SMS channel's). The calls live in the process serving this (AppDeps.twimlVoice).
 */
export function twilioVoiceWebhookRoutes(deps: AppDeps) {
  const app = new Hono();
  const handle = async (c: Context) => {
    const workspaceId = c.req.param('workspaceId') ?? '';
    if (!workspaceIdSchema.safeParse(workspaceId).success)
      return c.json(
        errorBody('NOT_FOUND', 'The webhook URL names no workspace: copy it from the README'),
        404,
      );
    const host = deps.twimlVoice;
    if (!host)
      return c.json(
        errorBody('VOICE_NOT_RUNNING', 'This process does not take TwiML calls (omniflow api/dev do)'),
        503,
      );
    const workspace = await deps.db.query.workspaces.findFirst({ where: eq(workspaces.id, workspaceId) });
    if (!workspace) return c.json(errorBody('NOT_FOUND', `Workspace ${workspaceId} does not exist`), 404);
    // Which of the workspace's numbers the call is about picks whose token checks it.
    const form = c.req.method === 'POST' ? new URLSearchParams(await c.req.raw.clone().text()) : undefined;
    const lookup = form ? await twilioVoiceToken(deps, workspaceId, form) : undefined;
    if (lookup?.found === 'unusable') return c.json(lookup.body, 503);
    if (lookup?.found === 'elsewhere')
      return c.json(errorBody('NOT_FOUND', `${form?.get('To')} is not a number of this workspace`), 404);
    if (lookup?.found === 'none')
      return c.json(
        errorBody(
          'CHANNEL_NOT_CONFIGURED',
          'This workspace has no Twilio credentials: save them with PUT /api/v1/channels/sms (provider twilio) or add the number with POST /api/v1/channels/sms/numbers; voice webhooks are signed with that auth token',
        ),
        404,
      );
    const token = lookup?.found === 'token' ? lookup.token : undefined;
    // The provider signed the URL it was given: the install's public origin when behind a proxy.
    const origin = process.env.OMNIFLOW_PUBLIC_URL ?? new URL(c.req.url).origin;
    const marker = `/${workspaceId}/voice`;
    const path = c.req.path.slice(c.req.path.indexOf(marker) + marker.length);
    return host
      .driverFor(workspaceId, origin, () => twilioAuthToken(deps, workspaceId))
      .handle(c.req.raw, path, () => token);
  };
  app.on(['GET', 'POST'], '/webhooks/twilio/:workspaceId/voice', handle);
  app.on(['GET', 'POST'], '/webhooks/twilio/:workspaceId/voice/*', handle);
  return app;
}

async function twilioAuthToken(deps: AppDeps, workspaceId: string): Promise<string | undefined> {
  const saved = await channelResolverOf(deps).store.read(workspaceId, 'sms');
  return saved?.settings.provider === 'twilio' ? saved.settings.secrets.authToken : undefined;
}
