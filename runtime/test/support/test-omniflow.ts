import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import type { Worker } from '@temporalio/worker';
import { inject } from 'vitest';
import { openDb, type DbHandle } from '@omniflow/db';
import { buildCatalog, createNodeRegistry, type AnyNodeDefinition } from '@omniflow/nodes/sdk';
import { createApp } from '../../src/api/create-app.ts';
import { createBrowserPhoneHost } from '../../src/voice/browser-phone/browser-phone-host.ts';
import type { AppDeps } from '../../src/api/app-deps.ts';
import type { ChannelDrivers } from '../../src/messaging/channel-drivers.ts';
import { sandboxDrivers } from '../../src/messaging/sandbox-drivers.ts';
import { createApiKey } from '../../src/api/api-keys.ts';
import { apiKeyCacheOf } from '../../src/api/api-key-cache.ts';
import { bootstrapAdmin } from '../../src/auth/bootstrap-admin.ts';
import { loadRegistry } from '../../src/server/load-registry.ts';
import { createFlowWorker } from '../../src/worker/flow-worker.ts';
import { freshPostgresDatabase } from './postgres.ts';
import { loadSecretKeyring } from '../../src/credentials/secret-keyring.ts';
import { backupSettingsFromEnv } from '../../src/backups/backup-settings.ts';

export interface TestOmniflow {
  app: ReturnType<typeof createApp>;
  /** What `app` was made from: for a test that needs a second app over the same parts. */
  deps: AppDeps;
  handle: DbHandle;
  /** The PostgreSQL database's URL (db: 'postgres'), for a worker in a child process. */
  databaseUrl: string | undefined;
  /** The environment the API and workers were given (its secret key included). */
  env: Record<string, string | undefined>;
  temporal: Client;
  taskQueue: string;
  apiKey: string;
  admin: { email: string; password: string };
  /** JSON request with the API key; returns status and parsed body. */
  call(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: any }>;
  startWorker(): Promise<Worker>;
  close(): Promise<void>;
}

/**
 * A whole Omniflow against real parts: the test Temporal server, PGlite or PostgreSQL, a worker
 * on a task queue of its own, and the API app. `db: 'postgres'` needs OMNIFLOW_TEST_DATABASE_URL.
 */
export async function startTestOmniflow(
  options: {
    db?: 'pglite' | 'postgres';
    worker?: boolean;
    env?: Record<string, string>;
    builderDir?: string;
    /** Dependencies to swap in the API (e.g. another workflow bundle for verify-replay). */
    appDeps?: Partial<AppDeps>;
    /** Channel drivers for the worker and the webhooks (default: the sandbox for every channel). */
    channels?: ChannelDrivers;
    /** Node definitions beside the built-in ones (a test's own node), in the API and the worker. */
    nodes?: AnyNodeDefinition[];
    /** The builder's browser phone (SIP over WebSocket + WebRTC), with prompts cached here. */
    browserPhone?: { promptDir: string };
  } = {},
): Promise<TestOmniflow> {
  let dropDatabase: (() => Promise<void>) | undefined;
  let databaseUrl: string | undefined;
  if (options.db === 'postgres') {
    const fresh = await freshPostgresDatabase(inject('postgresUrl'));
    databaseUrl = fresh.url;
    dropDatabase = fresh.drop;
  }
  const handle = await openDb(databaseUrl ? { databaseUrl } : { dataDir: 'memory://' });
  const builtin = await loadRegistry({});
  const registry = options.nodes ? createNodeRegistry([...builtin.all(), ...options.nodes]) : builtin;
  const address = inject('temporalAddress');
  const connection = await Connection.connect({ address });
  const temporal = new Client({ connection });
  const taskQueue = `test-${randomUUID()}`;
  const admin = { email: 'admin@example.test', password: 'correct horse battery staple' };
  // One secret key per instance, shared by its API and workers as one install's would be; the
  // worker looks for saved channel settings often, so tests need not wait for it.
  const env: Record<string, string | undefined> = {
    ...process.env,
    OMNIFLOW_SECRET_KEY: randomBytes(32).toString('base64'),
    OMNIFLOW_CHANNEL_REFRESH_MS: '250',
    // Campaign sends journal their hand-overs per install: test files run side by side.
    OMNIFLOW_SEND_JOURNAL_DIR: join(tmpdir(), `omniflow-send-journal-${taskQueue}`),
    // Health samples would change tables under tests that compare them (backups); the health
    // tests run their own sampler.
    OMNIFLOW_HEALTH_SAMPLES: '0',
    ...options.env,
  };
  const keyring = loadSecretKeyring(env);
  await bootstrapAdmin(handle.db, {
    OMNIFLOW_ADMIN_EMAIL: admin.email,
    OMNIFLOW_ADMIN_PASSWORD: admin.password,
  });
  const deps: AppDeps = {
    db: handle.db,
    registry,
    catalog: buildCatalog(registry.all()),
    temporal,
    taskQueue,
    health: { db: handle.ping, temporal: async () => void (await connection.healthService.check({})) },
    ...(options.builderDir ? { builderDir: options.builderDir } : {}),
    channels: options.channels ?? sandboxDrivers({ db: handle.db }),
    secretKeyring: () => keyring,
    // Tests send hundreds of requests with one key from one address; rate-limits.test.ts sets its own.
    rateLimits: { perKey: 0, perIp: 0 },
    // Backups and exports a test starts through the API land in a folder of its own, not the repo's.
    backupSettings: backupSettingsFromEnv({ OMNIFLOW_HOME: join(tmpdir(), `omniflow-${taskQueue}`) }),
    ...options.appDeps,
  };
  const browserPhone = options.browserPhone
    ? createBrowserPhoneHost({ ...deps, address, env, promptDir: options.browserPhone.promptDir })
    : undefined;
  if (browserPhone) deps.browserPhone = browserPhone;
  const app = createApp(deps);
  const workspace = await handle.db.query.workspaces.findFirst();
  const { key: apiKey } = await createApiKey(handle.db, workspace!.id, 'tests', null, 'admin');
  const workers: { worker: Worker; done: Promise<void> }[] = [];
  const startWorker = async () => {
    const worker = await createFlowWorker({
      address,
      taskQueue,
      db: handle.db,
      registry,
      env,
      messagingDrivers: options.channels ?? sandboxDrivers({ db: handle.db }),
    });
    workers.push({ worker, done: worker.run() });
    return worker;
  };
  if (options.worker ?? true) await startWorker();
  return {
    app,
    deps,
    handle,
    databaseUrl,
    env,
    temporal,
    taskQueue,
    apiKey,
    admin,
    async call(method, path, body, headers = {}) {
      const response = await app.request(path, {
        method,
        headers: {
          authorization: `Bearer ${apiKey}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    },
    startWorker,
    async close() {
      await browserPhone?.stop();
      for (const { worker } of workers) if (worker.getState() === 'RUNNING') worker.shutdown();
      await Promise.all(workers.map((w) => w.done.catch(() => undefined)));
      await connection.close();
      await apiKeyCacheOf(handle.db).flush();
      await handle.close();
      await dropDatabase?.();
    },
  };
}

/** Polls until `check` returns a value (not undefined) or the time is up. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('Condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Creates and publishes a flow through the API; answers its id. */
export async function publishFlow(omni: TestOmniflow, graph: object): Promise<string> {
  const flow = await omni.call('POST', '/api/v1/flows', graph);
  if (flow.status !== 201) throw new Error(`Flow not created: ${JSON.stringify(flow.body)}`);
  const published = await omni.call('POST', `/api/v1/flows/${flow.body.id}/publish`, {});
  if (published.status !== 201) throw new Error(`Flow not published: ${JSON.stringify(published.body)}`);
  return flow.body.id;
}

/** The newest run of a contact (phone number, chat id), or undefined when they have none. */
export async function latestRunOf(omni: TestOmniflow, contact: string): Promise<string | undefined> {
  const runs = await omni.call('GET', `/api/v1/runs?contact=${encodeURIComponent(contact)}`);
  return runs.body.items[0]?.id as string | undefined;
}

/** Polls a run until its status is one of `statuses`; answers the run detail. */
export function runReaches(omni: TestOmniflow, runId: string, statuses: string[], timeoutMs = 30_000) {
  return eventually(async () => {
    const run = await omni.call('GET', `/api/v1/runs/${runId}`);
    return statuses.includes(run.body.status) ? run.body : undefined;
  }, timeoutMs);
}
