import { Client, Connection } from '@temporalio/client';
import { openDb } from '@omniflow/db';
import { buildCatalog } from '@omniflow/nodes/sdk';
import { WebChatDriver, WebChatHub } from '@omniflow/nodes/drivers/webchat';
import { sandboxDrivers } from '../messaging/sandbox-drivers.ts';
import { loadRegistry } from '../server/load-registry.ts';
import { createApp } from './create-app.ts';

/**
 * The API's OpenAPI document (JSON), as `GET /api/v1/openapi.json` serves it. Building it needs no
 * running database or Temporal: the app is made over an in-memory database and a Temporal
 * connection that is never opened (no route is called). Channels have drivers as a served API's do
 * (web chat always has its own), so the widget's routes, which exist only with one, are in it too.
 */
export async function apiDocument(): Promise<string> {
  const handle = await openDb({ dataDir: 'memory://' });
  try {
    const registry = await loadRegistry({});
    const app = createApp({
      db: handle.db,
      registry,
      catalog: buildCatalog(registry.all()),
      temporal: new Client({ connection: Connection.lazy({ address: '127.0.0.1:7233' }) }),
      taskQueue: 'api-document',
      health: { db: handle.ping, temporal: async () => {} },
      channels: {
        ...sandboxDrivers(),
        webchat: new WebChatDriver({ hub: new WebChatHub(), secret: 'only-for-the-api-document' }),
      },
    });
    const response = await app.request('/api/v1/openapi.json');
    return await response.text();
  } finally {
    await handle.close();
  }
}
