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

/** The whole product on a loopback port, for browser tests. */
export async function serveOmniflow(
  options: Parameters<typeof startTestOmniflow>[0] = {},
): Promise<ServedOmniflow> {
  const omni = await startTestOmniflow({ ...options, builderDir: buildBuilder() });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: omni.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    ...omni,
    url: `http://127.0.0.1:${port}`,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await omni.close();
    },
  };
}
