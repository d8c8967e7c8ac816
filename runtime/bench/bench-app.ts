import type { Client } from '@temporalio/client';
import { openDb } from '@omniflow/db';
import { buildCatalog } from '@omniflow/nodes/sdk';
import { createApp } from '../src/api/create-app.ts';
import type { AppDeps } from '../src/api/app-deps.ts';
import { createApiKey } from '../src/api/api-keys.ts';
import { bootstrapAdmin } from '../src/auth/bootstrap-admin.ts';
import { loadRegistry } from '../src/server/load-registry.ts';

export const benchAdmin = {
  OMNIFLOW_ADMIN_EMAIL: 'bench@example.test',
  OMNIFLOW_ADMIN_PASSWORD: 'bench bench bench',
};

/**
 * The API as benchmarks drive it: embedded PGlite in memory with the admin's workspace, an API key
 * for it, the built-in nodes, and `createApp` with whatever else the benchmark passes.
 */
export async function benchApp(
  temporal: Client,
  deps: Partial<Omit<AppDeps, 'db' | 'registry' | 'catalog' | 'temporal'>> = {},
) {
  const handle = await openDb({ dataDir: 'memory://' });
  const registry = await loadRegistry({});
  await bootstrapAdmin(handle.db, benchAdmin);
  const workspace = (await handle.db.query.workspaces.findFirst())!;
  const { key } = await createApiKey(handle.db, workspace.id, 'bench', null, 'admin');
  const app = createApp({
    db: handle.db,
    registry,
    catalog: buildCatalog(registry.all()),
    temporal,
    taskQueue: 'bench',
    health: { db: handle.ping, temporal: async () => {} },
    ...deps,
  });
  return { handle, registry, workspace, key, app };
}
