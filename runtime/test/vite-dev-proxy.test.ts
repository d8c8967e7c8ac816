import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen } from './support/serve-omniflow.ts';
import { startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

const builderConfig = fileURLToPath(new URL('../../builder/vite.config.ts', import.meta.url));

describe('the builder on the Vite dev server, through its /api proxy', () => {
  let omni: TestOmniflow;
  let api: Awaited<ReturnType<typeof listen>>;
  let vite: ViteDevServer;
  let devUrl: string;

  beforeAll(async () => {
    omni = await startTestOmniflow({ worker: false });
    api = await listen(omni.app);
    process.env.OMNIFLOW_URL = api.url;
    try {
      vite = await createServer({
        configFile: builderConfig,
        logLevel: 'silent',
        server: { port: 0, host: '127.0.0.1' },
      });
    } finally {
      delete process.env.OMNIFLOW_URL;
    }
    await vite.listen();
    devUrl = `http://127.0.0.1:${(vite.httpServer!.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await vite?.close();
    await api?.close();
    await omni?.close();
  });

  it('signs in and saves with the cookie, as a page served by Vite would', async () => {
    // What Chromium sends from a page on the Vite server: its own origin.
    const headers = { 'content-type': 'application/json', origin: devUrl };
    const login = await fetch(`${devUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ email: omni.admin.email, password: omni.admin.password }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const created = await fetch(`${devUrl}/api/v1/flows`, {
      method: 'POST',
      headers: { ...headers, cookie },
      body: JSON.stringify({ name: 'Made in dev', nodes: [], edges: [] }),
    });
    expect(created.status).toBe(201);
  });
});
