import { Hono, type Context } from 'hono';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { workspaces } from '@omniflow/db';
import { NodeError } from '@omniflow/nodes/sdk';
import { errorBody } from '../api-error.ts';
import type { AppDeps } from '../app-deps.ts';
import { channelResolverOf } from '../channel-resolver-of.ts';

const workspaceIdSchema = z.uuid();

/**
 * Twilio's (or a TwiML-compatible provider's) voice webhooks for a workspace's numbers: the
 * incoming call (`…/voice`), the status callback (`…/voice/status`), and the URLs our TwiML
 * sends the provider back to (`…/voice/calls/…`, prompts under `…/voice/audio/…`). Not behind
 * sign-in: X-Twilio-Signature, keyed with the auth token saved for the workspace's Twilio SMS
 * channel, is the authentication. The calls live in the process serving this (AppDeps.twimlVoice).
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
    const authToken = () => twilioAuthToken(deps, workspaceId);
    let saved: string | undefined;
    try {
      saved = c.req.method === 'POST' ? await authToken() : undefined;
    } catch (error) {
      // Saved settings that no longer open or parse: the reason, not a bare 500.
      if (error instanceof NodeError) return c.json(errorBody(error.code, error.message), 503);
      throw error;
    }
    if (c.req.method === 'POST' && !saved)
      return c.json(
        errorBody(
          'CHANNEL_NOT_CONFIGURED',
          'This workspace has no Twilio credentials: save them with PUT /api/v1/channels/sms (provider twilio); voice webhooks are signed with that auth token',
        ),
        404,
      );
    // The provider signed the URL it was given: the install's public origin when behind a proxy.
    const origin = process.env.OMNIFLOW_PUBLIC_URL ?? new URL(c.req.url).origin;
    const marker = `/${workspaceId}/voice`;
    const path = c.req.path.slice(c.req.path.indexOf(marker) + marker.length);
    return host.driverFor(workspaceId, origin, authToken).handle(c.req.raw, path);
  };
  app.on(['GET', 'POST'], '/webhooks/twilio/:workspaceId/voice', handle);
  app.on(['GET', 'POST'], '/webhooks/twilio/:workspaceId/voice/*', handle);
  return app;
}

async function twilioAuthToken(deps: AppDeps, workspaceId: string): Promise<string | undefined> {
  const saved = await channelResolverOf(deps).store.read(workspaceId, 'sms');
  return saved?.settings.provider === 'twilio' ? saved.settings.secrets.authToken : undefined;
}
