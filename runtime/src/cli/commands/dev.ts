import { resolve } from 'node:path';
import { chmodSync, mkdirSync } from 'node:fs';
import { openDb } from '@omniflow/db';
import { bootstrapAdmin } from '../../auth/bootstrap-admin.ts';
import { lockEmbeddedDatabase } from '../../server/embedded-lock.ts';
import { startApi } from '../../server/start-api.ts';
import { compileEmbeddedDatabaseOptimised } from '../../server/embedded-database-code.ts';
import { loadRegistry } from '../../server/load-registry.ts';
import { startDevServer, type DevServer } from '../../temporal-server/dev-server.ts';
import { createFlowWorker } from '../../worker/flow-worker.ts';
import { lazyKeyring, loadSecretKeyring } from '../../credentials/secret-keyring.ts';
import { channelDriversFromEnv } from '../../messaging/channel-drivers.ts';
import { createChannelResolver } from '../../messaging/channel-resolver.ts';
import { onShutdown } from '../on-shutdown.ts';
import { t } from '../cli-i18n.ts';
import { startVoiceEndpointFromEnv } from '../../voice/voice-endpoint-from-env.ts';

export interface RunServicesOptions {
  /** Start the Temporal dev server when TEMPORAL_ADDRESS is not set (`omniflow dev`). */
  spawnTemporal: boolean;
  /** Run the worker in this process (always with PGlite: it is single-process). */
  worker: boolean;
  printAdmin: boolean;
  /**
   * Whether channels with no provider go to the sandbox: always for `omniflow dev`; for
   * `omniflow api` only with OMNIFLOW_SANDBOX=1, so production sends never vanish silently.
   */
  sandbox: boolean;
}

/** Starts database, Temporal, worker and API as one process group; resumes whatever was running. */
export async function runServices(options: RunServicesOptions): Promise<void> {
  const home = resolve(process.env.OMNIFLOW_HOME ?? '.omniflow');
  // Keys, the embedded database and Temporal's history live here: owner only, also when it existed.
  mkdirSync(home, { recursive: true, mode: 0o700 });
  chmodSync(home, 0o700);
  const env = process.env;
  const dataDir = resolve(home, 'pglite');
  const release = env.DATABASE_URL ? () => {} : lockEmbeddedDatabase(dataDir, 'omniflow dev');
  if (!env.DATABASE_URL) compileEmbeddedDatabaseOptimised();
  const handle = await openDb({ databaseUrl: env.DATABASE_URL, dataDir });
  const registry = await loadRegistry();

  let devServer: DevServer | undefined;
  let temporalAddress = env.TEMPORAL_ADDRESS;
  if (!temporalAddress) {
    if (!options.spawnTemporal) throw new Error(t('worker.needsTemporal'));
    process.stdout.write(t('dev.startingTemporal'));
    devServer = await startDevServer({
      dbFile: resolve(home, 'temporal.sqlite'),
      port: Number(env.OMNIFLOW_TEMPORAL_PORT ?? 7233),
      uiPort: env.OMNIFLOW_TEMPORAL_UI_PORT ? Number(env.OMNIFLOW_TEMPORAL_UI_PORT) : false,
    });
    temporalAddress = devServer.address;
    console.log(t('dev.temporalReady', { address: temporalAddress }));
  }

  const runWorker = options.worker || handle.kind === 'pglite';
  // Channel settings saved by admins, secrets sealed with OMNIFLOW_SECRET_KEY or the key file
  // generated in the data directory; channels without settings use OMNIFLOW_WHATSAPP_* or the sandbox.
  const channels = channelDriversFromEnv(env, { sandbox: options.sandbox, db: handle.db });
  const channelResolver = createChannelResolver({
    db: handle.db,
    keyring: lazyKeyring(() => loadSecretKeyring({ ...env, OMNIFLOW_HOME: home })),
    fallback: channels,
    ...(env.OMNIFLOW_PUBLIC_URL ? { publicUrl: env.OMNIFLOW_PUBLIC_URL } : {}),
  });
  const worker = runWorker
    ? await createFlowWorker({
        address: temporalAddress,
        db: handle.db,
        registry,
        scheduleRetention: true,
        channelResolver,
      })
    : undefined;
  const workerDone = worker?.run();
  // Calls are held where the worker is: with no worker here there is no SIP endpoint either.
  const voice = worker
    ? await startVoiceEndpointFromEnv({ db: handle.db, address: temporalAddress, registry, dataDir: home })
    : undefined;
  const api = await startApi({
    db: handle.db,
    ping: handle.ping,
    registry,
    temporalAddress,
    port: Number(env.PORT ?? 3000),
    channels,
    // Without a worker here the API keeps its own; with one, they share links.
    ...(worker ? { channelResolver } : {}),
  });

  console.log(`\n${t('dev.running', { url: api.url })}`);
  console.log(`  ${t('dev.apiReference', { url: `${api.url}/api/docs` })}`);
  console.log(
    `  ${handle.kind === 'pglite' ? t('dev.databaseEmbedded', { path: resolve(home, 'pglite') }) : t('dev.databasePostgres')}`,
  );
  console.log(`  ${t(worker ? 'dev.temporalWithWorker' : 'dev.temporal', { address: temporalAddress })}`);
  console.log(`  ${t(options.sandbox ? 'dev.sandbox' : 'dev.noSandbox')}`);
  if (options.printAdmin) {
    const admin = await bootstrapAdmin(handle.db);
    if (admin.created) {
      console.log(`\n${t('dev.adminCreated')}\n  ${t('dev.adminEmail', { email: admin.created.email })}`);
      console.log(
        `  ${
          admin.created.generated
            ? t('dev.adminPassword', { password: admin.created.password })
            : t('dev.adminPasswordFromEnv')
        }`,
      );
    }
  }

  onShutdown(async () => {
    await api.close();
    await voice?.stop();
    // The SDK also drains the worker on SIGINT/SIGTERM by itself; shut down only if it has not.
    if (worker?.getState() === 'RUNNING') worker.shutdown();
    await workerDone;
    await channelResolver.close();
    await devServer?.stop();
    await handle.close();
    release();
  });
}
