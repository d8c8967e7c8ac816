import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { TwilioSmsDriver } from '@omniflow/nodes/drivers/sms';
import { createMessagingService } from '../../messaging/messaging-service.ts';
import { routeInbound } from '../../messaging/route-inbound.ts';
import { errorBody } from '../api-error.ts';
import type { AppDeps } from '../app-deps.ts';
import { twilioNumberDriver } from '../twilio-number-driver.ts';
import { webhookDriver } from '../webhook-driver.ts';

const params = z.object({
  workspaceId: z.uuid({ message: 'The webhook URL names no workspace: copy it from GET /channels' }),
  kind: z.enum(['sms', 'status']),
});

// What a verified Twilio POST must carry (Twilio's "incoming message" and "status callback"
// parameters); everything else in the form is kept for the signature and otherwise ignored.
const twilioForm = z.object({
  MessageSid: z.string().min(1),
  AccountSid: z.string().min(1),
  From: z.string().optional(),
  To: z.string().optional(),
  MessageStatus: z.string().optional(),
});

// TwiML with nothing to do: the flow answers through the Messages API, not in this response.
const emptyTwiml = '<?xml version="1.0" encoding="UTF-8"?><Response/>';

/**
 * Twilio's webhooks for a workspace's SMS: incoming messages (`…/sms`) and status callbacks
 * (`…/status`). Not behind sign-in; X-Twilio-Signature, keyed with the auth token of the number
 * it came To (one of the workspace's further numbers, else its channel settings), is the
 * authentication, and nothing is recorded before it checks out.
 */
export function twilioWebhookRoutes(deps: AppDeps) {
  const messaging = createMessagingService({ db: deps.db, drivers: {} });
  const app = new Hono();
  app.post('/webhooks/twilio/:workspaceId/:kind', async (c) => {
    const path = params.safeParse(c.req.param());
    if (!path.success) return c.json(errorBody('NOT_FOUND', path.error.issues[0]!.message), 404);
    const { workspaceId } = path.data;
    const rawBody = await c.req.text();
    // Which of the workspace's numbers it is about picks whose auth token checks it (read before
    // the signature only for that): a message came To it, a status callback is From it.
    const sent = new URLSearchParams(rawBody);
    const to = sent.get(path.data.kind === 'status' ? 'From' : 'To') ?? undefined;
    const number = await twilioNumberDriver(deps, workspaceId, to);
    if (number.found === 'unusable') return c.json(number.body, 503);
    if (number.found === 'elsewhere')
      return c.json(errorBody('NOT_FOUND', `${to} is not a number of this workspace`), 404);
    const found =
      number.found === 'number'
        ? { ok: true as const, driver: number.driver }
        : await webhookDriver(deps, workspaceId, 'sms');
    if (!found.ok) return c.json(found.body, found.status);
    const driver = found.driver;
    if (!(driver instanceof TwilioSmsDriver)) {
      return c.json(
        errorBody(
          'CHANNEL_NOT_CONFIGURED',
          'SMS of this workspace does not go through Twilio (PUT /channels/sms)',
        ),
        404,
      );
    }
    const request = {
      headers: Object.fromEntries(c.req.raw.headers.entries()),
      rawBody,
      url: signedUrl(c),
    };
    if (!driver.verifySignature(request))
      return c.json(errorBody('SIGNATURE_INVALID', 'X-Twilio-Signature does not match this request'), 401);
    const form = twilioForm.safeParse(Object.fromEntries(new URLSearchParams(request.rawBody)));
    if (!form.success) {
      const fields = form.error.issues.map((i) => i.path.join('.')).join(', ');
      return c.json(errorBody('WEBHOOK_INVALID', `Not a Twilio message webhook: check ${fields}`), 400);
    }
    for (const update of driver.parseStatus(request)) await messaging.applyStatus('sms', update, workspaceId);
    const routing = { db: deps.db, temporal: deps.temporal, taskQueue: deps.taskQueue, messaging };
    for (const message of driver.parseInbound(request)) await routeInbound(routing, workspaceId, message);
    return c.body(emptyTwiml, 200, { 'Content-Type': 'text/xml; charset=utf-8' });
  });
  return app;
}

/**
 * The URL Twilio signed: the one configured in its console. Behind a proxy that is not the URL
 * this server sees, so OMNIFLOW_PUBLIC_URL (the install's public origin) takes its place.
 */
function signedUrl(c: Context): string {
  const seen = new URL(c.req.url);
  const publicUrl = process.env.OMNIFLOW_PUBLIC_URL;
  if (!publicUrl) return seen.toString();
  return new URL(seen.pathname + seen.search, publicUrl).toString();
}
