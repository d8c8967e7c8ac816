import { Hono } from 'hono';
import type { UpgradeWebSocket, WSContext } from 'hono/ws';
import type { WebChatDriver } from '@omniflow/nodes/drivers/webchat';
import {
  badToken,
  unknownKey,
  openVisitorConnection,
  takeVisitorMessage,
  workspaceForWidgetKey,
} from '../../messaging/webchat-visitor.ts';
import { ApiError, errorBody } from '../api-error.ts';
import type { AppDeps } from '../app-deps.ts';
import { webChatDriverOf, webChatRouting, webChatVisitorQuery } from './webchat.ts';

const refusal = (failure: { status: 401 | 404; code: string; message: string }) =>
  new ApiError(failure.status, failure.code, failure.message);

/**
 * The widget's WebSocket: `?key&sessionId&token` (browsers cannot set headers on a WebSocket).
 * Down it go the history, then messages and typing; up come the visitor's messages as JSON frames
 * of the same shape POST /webchat/messages takes, answered with `{ type: 'ack', clientMessageId }`
 * or `{ type: 'error', clientMessageId, code, message }`. Bad credentials are refused before the
 * upgrade (401/404), so the widget can tell them apart from a network failure.
 */
export function webChatSocketRoutes(deps: AppDeps, upgradeWebSocket: UpgradeWebSocket) {
  const app = new Hono();
  const driver: WebChatDriver | undefined = webChatDriverOf(deps);
  if (!driver) return app;
  const routing = webChatRouting(deps);
  app.get('/webchat/socket', async (c, next) => {
    const query = webChatVisitorQuery.safeParse(c.req.query());
    if (!query.success) {
      const message = query.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      return c.json(errorBody('VALIDATION_FAILED', message), 400);
    }
    const visitor = query.data;
    const workspaceId = await workspaceForWidgetKey(deps.db, visitor.key);
    if (!workspaceId) throw refusal(unknownKey(visitor.key));
    if (!driver.verifyToken(workspaceId, visitor.sessionId, visitor.token)) throw refusal(badToken());
    let stop: (() => void) | undefined;
    let closed = false;
    const upgrade = upgradeWebSocket(() => ({
      onOpen: (_event, ws: WSContext) => {
        openVisitorConnection(routing, driver, { workspaceId, sessionId: visitor.sessionId }, (event) =>
          ws.send(JSON.stringify(event)),
        ).then(
          (unsubscribe) => (closed ? unsubscribe() : (stop = unsubscribe)),
          (error: unknown) => {
            console.error('Web chat: opening the conversation failed', error);
            ws.close(1011, 'Could not load the conversation');
          },
        );
      },
      onMessage: (event, ws: WSContext) => {
        const rawBody = typeof event.data === 'string' ? event.data : '';
        const clientMessageId = clientMessageIdOf(rawBody);
        takeVisitorMessage(routing, driver, {
          headers: { authorization: `Bearer ${visitor.token}` },
          rawBody,
          url: c.req.url,
        }).then(
          (taken) =>
            ws.send(
              JSON.stringify(
                taken.ok
                  ? { type: 'ack', clientMessageId, outcome: taken.result.outcome }
                  : { type: 'error', clientMessageId, code: taken.code, message: taken.message },
              ),
            ),
          (error: unknown) => {
            console.error('Web chat: taking a message failed', error);
            ws.send(
              JSON.stringify({
                type: 'error',
                clientMessageId,
                code: 'INTERNAL',
                message: 'Not sent; try again',
              }),
            );
          },
        );
      },
      onClose: () => {
        closed = true;
        stop?.();
      },
    }));
    return upgrade(c, next);
  });
  return app;
}

function clientMessageIdOf(raw: string): string | null {
  try {
    const value = (JSON.parse(raw) as { clientMessageId?: unknown }).clientMessageId;
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  }
}
