import { Hono } from 'hono';
import type { UpgradeWebSocket, WSContext } from 'hono/ws';
import { ApiError } from '../api-error.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import { fromOwnPages } from '../check-origin.ts';

/** The browser phone's SIP-over-WebSocket path (RFC 7118), under the API. */
export const browserPhoneSocketPath = '/phone/sip';

/**
 * The builder's phone: SIP over a WebSocket (subprotocol `sip`) into the browser phone host. It
 * sits behind the session check like every other route, and takes only a signed-in designer's
 * browser session (no API keys): a SIP door open to anyone would let strangers run flows.
 */
export function browserPhoneSocketRoutes(deps: AppDeps, upgradeWebSocket: UpgradeWebSocket) {
  const app = new Hono<AppEnv>();
  const host = deps.browserPhone;
  if (!host) return app;
  app.get(browserPhoneSocketPath, async (c, next) => {
    const principal = c.get('principal');
    if (principal.via !== 'session')
      throw new ApiError(403, 'FORBIDDEN', 'The browser phone is for signed-in people: sign in to call');
    // Cross-site WebSocket hijacking: another site's page could open it with the user's cookie.
    if (!fromOwnPages(deps, { origin: c.req.header('origin'), host: c.req.header('host') }))
      throw new ApiError(
        403,
        'CSRF_ORIGIN_MISMATCH',
        'The browser phone opens only from Omniflow’s own pages',
      );
    if (c.req.header('upgrade')?.toLowerCase() !== 'websocket')
      throw new ApiError(426, 'UPGRADE_REQUIRED', 'Open this path as a WebSocket (subprotocol sip)');
    let phone: ReturnType<typeof host.connect> | undefined;
    const upgrade = upgradeWebSocket(() => ({
      onOpen: (_event, ws: WSContext) => {
        phone = host.connect(
          { workspaceId: principal.workspaceId, userId: principal.userId },
          { send: (text) => ws.send(text) },
        );
      },
      onMessage: (event) => {
        const data = event.data;
        phone?.receive(typeof data === 'string' ? data : Buffer.from(data as ArrayBuffer).toString('utf8'));
      },
      onClose: () => phone?.close(),
      onError: () => phone?.close(),
    }));
    return upgrade(c, next);
  });
  return app;
}
