import { spawnSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { startTestOmniflow, type TestOmniflow } from './test-omniflow.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/** Builds the builder app if its sources changed (same step as `npm start`). */
export function buildBuilder(): string {
  const result = spawnSync(process.execPath, [`${root}/scripts/build-builder.mjs`], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('Building the builder app failed');
  return `${root}/builder/dist`;
}

export interface ServedOmniflow extends TestOmniflow {
  url: string;
}

/** Serves an app on a loopback port (for peers that call us: browsers, the CLI, webhooks). */
export async function listen(app: {
  fetch: Parameters<typeof serve>[0]['fetch'];
  injectWebSocket?: (server: ServerType) => void;
  closeWebSockets?: () => void;
}) {
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  app.injectWebSocket?.(server);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => {
      app.closeWebSockets?.();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The whole product on a loopback port, for browser tests. */
export async function serveOmniflow(
  options: Parameters<typeof startTestOmniflow>[0] = {},
): Promise<ServedOmniflow> {
  const omni = await startTestOmniflow({ ...options, builderDir: buildBuilder() });
  const served = await listen(omni.app);
  return {
    ...omni,
    url: served.url,
    async close() {
      await served.close();
      await omni.close();
    },
  };
}
