import { Hono } from 'hono';
import { createMessagingService } from '../../messaging/messaging-service.ts';
import { routeInbound } from '../../messaging/route-inbound.ts';
import { errorBody } from '../api-error.ts';
import type { AppDeps } from '../app-deps.ts';
import {
  allWhatsAppTargets,
  bodyForNumber,
  firstWorkspaceTarget,
  phoneNumberIdsOf,
  whatsAppTargetFor,
  type WhatsAppTarget,
} from '../whatsapp-targets.ts';

/**
 * Meta's webhook for the WhatsApp channel: the GET handshake, then signed POSTs carrying messages
 * and delivery statuses. Each notification names its number (metadata.phone_number_id): it goes
 * to the workspace that has that number and is checked with that number's app secret. Nothing
 * in a body is recorded before its signature checks out. Not behind sign-in (Meta has no
 * session); the signature is the authentication.
 */
export function whatsAppWebhookRoutes(deps: AppDeps) {
  const messaging = createMessagingService({ db: deps.db, drivers: {} });
  const app = new Hono();
  const notSetUp = errorBody(
    'CHANNEL_NOT_CONFIGURED',
    'WhatsApp is not set up here (PUT /channels/whatsapp or OMNIFLOW_WHATSAPP_*)',
  );
  app.get('/webhooks/whatsapp', async (c) => {
    const query = new URL(c.req.url).searchParams;
    const first = await firstWorkspaceTarget(deps);
    if (first && !first.ok) return c.json(first.body, first.status);
    const challenge = first?.target.driver.verifySubscription(query);
    if (challenge != null) return c.text(challenge);
    // The handshake names no number: any number whose verify token it carries answers it.
    const others = await allWhatsAppTargets(deps);
    for (const { driver } of others) {
      const answer = driver.verifySubscription(query);
      if (answer !== null) return c.text(answer);
    }
    if (!first && others.length === 0) return c.json(notSetUp, 404);
    return c.json(errorBody('VERIFY_TOKEN_MISMATCH', 'The verify token does not match this webhook'), 403);
  });
  app.post('/webhooks/whatsapp', async (c) => {
    const rawBody = await c.req.text();
    const request = { headers: Object.fromEntries(c.req.raw.headers.entries()), rawBody, url: c.req.url };
    const numbers = phoneNumberIdsOf(rawBody);
    // One entry per number it is about; a body naming none (not a notification) is checked as the
    // first workspace's, as on a one-number install.
    const targets: { number: string | undefined; target: WhatsAppTarget }[] = [];
    if (numbers.length === 0) {
      const first = await firstWorkspaceTarget(deps);
      if (!first) return c.json(notSetUp, 404);
      if (!first.ok) return c.json(first.body, first.status);
      targets.push({ number: undefined, target: first.target });
    }
    const unknown: string[] = [];
    for (const number of numbers) {
      const found = await whatsAppTargetFor(deps, number);
      if (found && !found.ok) return c.json(found.body, found.status);
      if (found) targets.push({ number, target: found.target });
      else unknown.push(number);
    }
    // A number no workspace has: Meta expects a 200 (it retries anything else), and nothing is read.
    if (targets.length === 0) return c.json({ received: 0, statuses: 0, ignored: unknown }, 200);
    if (!targets.every(({ target }) => target.driver.verifySignature(request)))
      return c.json(errorBody('SIGNATURE_INVALID', 'X-Hub-Signature-256 does not match this body'), 401);
    const routing = { db: deps.db, temporal: deps.temporal, taskQueue: deps.taskQueue, messaging };
    // Everything read before anything is recorded: a body one number's part of which is bad is
    // refused whole (Meta sends it again), not half taken.
    const parsed = [];
    for (const { number, target } of targets) {
      const own = number === undefined ? request : { ...request, rawBody: bodyForNumber(rawBody, number) };
      try {
        parsed.push({
          target,
          statuses: target.driver.parseStatus(own),
          inbound: target.driver.parseInbound(own),
        });
      } catch (error) {
        return c.json(errorBody('WEBHOOK_INVALID', (error as Error).message), 400);
      }
    }
    let received = 0;
    let statusCount = 0;
    for (const { target, statuses, inbound } of parsed) {
      for (const update of statuses) await messaging.applyStatus('whatsapp', update, target.workspaceId);
      for (const message of inbound) await routeInbound(routing, target.workspaceId, message);
      received += inbound.length;
      statusCount += statuses.length;
    }
    return c.json(
      { received, statuses: statusCount, ...(unknown.length > 0 ? { ignored: unknown } : {}) },
      200,
    );
  });
  return app;
}
