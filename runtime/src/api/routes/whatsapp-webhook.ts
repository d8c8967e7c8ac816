import { Hono } from 'hono';
import { asc } from 'drizzle-orm';
import { workspaces } from '@omniflow/db';
import { WhatsAppDriver } from '@omniflow/nodes/drivers/whatsapp';
import { createMessagingService } from '../../messaging/messaging-service.ts';
import { routeInbound } from '../../messaging/route-inbound.ts';
import { errorBody } from '../api-error.ts';
import type { AppDeps } from '../app-deps.ts';
import { webhookDriver } from '../webhook-driver.ts';

/**
 * Meta's webhook for the WhatsApp channel: the GET handshake, then signed POSTs carrying messages
 * and delivery statuses. Nothing in a body is read before its signature checks out. Not behind
 * sign-in (Meta has no session); the signature is the authentication.
 */
export function whatsAppWebhookRoutes(deps: AppDeps) {
  const messaging = createMessagingService({ db: deps.db, drivers: {} });
  const app = new Hono();
  // One self-hosted install, one WhatsApp number: its messages belong to the first workspace,
  // with the settings it saved (PUT /channels/whatsapp) or OMNIFLOW_WHATSAPP_*.
  const setUp = async () => {
    const [workspace] = await deps.db.select().from(workspaces).orderBy(asc(workspaces.createdAt)).limit(1);
    if (!workspace) return undefined;
    const found = await webhookDriver(deps, workspace.id, 'whatsapp');
    if (!found.ok) return found;
    return found.driver instanceof WhatsAppDriver
      ? { ok: true as const, workspace, driver: found.driver }
      : undefined;
  };
  const notSetUp = errorBody(
    'CHANNEL_NOT_CONFIGURED',
    'WhatsApp is not set up here (PUT /channels/whatsapp or OMNIFLOW_WHATSAPP_*)',
  );
  app.get('/webhooks/whatsapp', async (c) => {
    const found = await setUp();
    if (!found) return c.json(notSetUp, 404);
    if (!found.ok) return c.json(found.body, found.status);
    const challenge = found.driver.verifySubscription(new URL(c.req.url).searchParams);
    return challenge === null
      ? c.json(errorBody('VERIFY_TOKEN_MISMATCH', 'The verify token does not match this webhook'), 403)
      : c.text(challenge);
  });
  app.post('/webhooks/whatsapp', async (c) => {
    const found = await setUp();
    if (!found) return c.json(notSetUp, 404);
    if (!found.ok) return c.json(found.body, found.status);
    const { workspace, driver } = found;
    const request = {
      headers: Object.fromEntries(c.req.raw.headers.entries()),
      rawBody: await c.req.text(),
      url: c.req.url,
    };
    if (!driver.verifySignature(request))
      return c.json(errorBody('SIGNATURE_INVALID', 'X-Hub-Signature-256 does not match this body'), 401);
    let statuses, inbound;
    try {
      statuses = driver.parseStatus(request);
      inbound = driver.parseInbound(request);
    } catch (error) {
      return c.json(errorBody('WEBHOOK_INVALID', (error as Error).message), 400);
    }
    for (const update of statuses) await messaging.applyStatus('whatsapp', update);
    const routing = { db: deps.db, temporal: deps.temporal, taskQueue: deps.taskQueue, messaging };
    for (const message of inbound) await routeInbound(routing, workspace.id, message);
    return c.json({ received: inbound.length, statuses: statuses.length }, 200);
  });
  return app;
}
