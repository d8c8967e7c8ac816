import { createServer as createHttpsServer } from 'node:https';
import type { Server } from 'node:http';
import { serve, type ServerType } from '@hono/node-server';
import { startHttpsRedirect } from './https-redirect.ts';
import type { TlsSettings } from './tls-settings.ts';

export interface ListeningApi {
  server: ServerType;
  /** Where this process answers (https://… when TLS is served here). */
  url: string;
  /** The plain-http redirect listener's port, when one runs. */
  redirectPort?: number;
  close(): Promise<void>;
}

/**
 * Serves the app on `port`: over TLS when `tls` is given (WebSockets upgrade on the same server,
 * so the web chat and the browser phone use wss://), with the optional http → https redirect.
 */
export async function listenApi(
  app: {
    fetch: Parameters<typeof serve>[0]['fetch'];
    injectWebSocket?: (server: ServerType) => void;
  },
  options: { port: number; hostname: string; tls?: TlsSettings; publicOrigin?: string },
): Promise<ListeningApi> {
  const server: ServerType = await new Promise((resolve, reject) => {
    const base = { fetch: app.fetch, port: options.port, hostname: options.hostname };
    const s = options.tls
      ? serve({ ...base, createServer: createHttpsServer, serverOptions: options.tls.serverOptions }, () =>
          resolve(s),
        )
      : serve(base, () => resolve(s));
    s.once('error', reject);
  });
  app.injectWebSocket?.(server);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  let redirect: Server | undefined;
  if (options.tls?.redirectPort !== undefined) {
    try {
      redirect = await startHttpsRedirect({
        port: options.tls.redirectPort,
        hostname: options.hostname,
        httpsPort: port,
        ...(options.publicOrigin ? { publicOrigin: options.publicOrigin } : {}),
      });
    } catch (error) {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      throw error;
    }
  }
  const redirectAddress = redirect?.address();
  return {
    server,
    url: `${options.tls ? 'https' : 'http'}://localhost:${port}`,
    ...(redirectAddress && typeof redirectAddress === 'object' ? { redirectPort: redirectAddress.port } : {}),
    close: async () => {
      await new Promise<void>((resolve) => (redirect ? redirect.close(() => resolve()) : resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
