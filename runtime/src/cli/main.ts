#!/usr/bin/env node
import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import { asc } from 'drizzle-orm';
import { openDb, userRoles, workspaces, type DbHandle, type Role } from '@omniflow/db';
import { createApiKey } from '../api/api-keys.ts';
import { bootstrapAdmin } from '../auth/bootstrap-admin.ts';
import { lockEmbeddedDatabase } from '../server/embedded-lock.ts';
import { loadRegistry } from '../server/load-registry.ts';
import { createFlowWorker } from '../worker/flow-worker.ts';
import { createCampaignSendWorker } from '../worker/campaign-send-worker.ts';
import { startVoiceEndpointFromEnv } from '../voice/voice-endpoint-from-env.ts';
import { channelDriversFromEnv, sandboxAllowedByEnv } from '../messaging/channel-drivers.ts';
import { runServices } from './commands/dev.ts';
import { registerRunCommands } from './commands/runs.ts';
import { registerContactCommands } from './commands/contacts.ts';

/** Opens the configured database; the embedded one only when no other process holds it. */
async function openForCommand(purpose: string): Promise<DbHandle & { release: () => void }> {
  const dataDir = resolve(process.env.OMNIFLOW_HOME ?? '.omniflow', 'pglite');
  const release = process.env.DATABASE_URL ? () => {} : lockEmbeddedDatabase(dataDir, purpose);
  const handle = await openDb({ databaseUrl: process.env.DATABASE_URL, dataDir });
  return { ...handle, release };
}

const program = new Command('omniflow').description('Omniflow: flows as graphs, run durably on Temporal');

program
  .command('dev')
  .description('Run everything locally: embedded PostgreSQL, Temporal dev server, worker and API')
  .action(() => runServices({ spawnTemporal: true, worker: true, printAdmin: true, sandbox: true }));

program
  .command('api')
  .description('Run the HTTP API against TEMPORAL_ADDRESS (with PGlite the worker runs here too)')
  .action(() =>
    runServices({
      spawnTemporal: false,
      worker: false,
      printAdmin: true,
      sandbox: sandboxAllowedByEnv(process.env),
    }),
  );

program
  .command('worker')
  .description('Run a worker for flow runs against TEMPORAL_ADDRESS and DATABASE_URL')
  .option('--campaign-sends', 'poll only the campaign send queues, with a bounded heap (a send worker)')
  .option('--no-campaign-sends', 'leave campaign sends to a separate send worker')
  .action(async ({ campaignSends }: { campaignSends?: boolean }) => {
    const address = process.env.TEMPORAL_ADDRESS;
    if (!address) throw new Error('Set TEMPORAL_ADDRESS to the Temporal frontend (host:port)');
    if (!process.env.DATABASE_URL) {
      throw new Error(
        'A separate worker needs DATABASE_URL: embedded PGlite is single-process (use `omniflow dev`)',
      );
    }
    const handle = await openDb();
    // Channels with no provider fail their sends unless OMNIFLOW_SANDBOX=1 allows the sandbox.
    const messagingDrivers = channelDriversFromEnv(process.env, {
      sandbox: sandboxAllowedByEnv(process.env),
      db: handle.db,
    });
    if (campaignSends === true) {
      const sender = await createCampaignSendWorker({ address, db: handle.db, messagingDrivers });
      console.log(`Campaign send worker polling ${address} (heap limit ${sender.heapLimitMb} MB)`);
      // As for the flow worker: the SDK drains on SIGINT/SIGTERM, run() resolves once chunks settle.
      await sender.run();
      await handle.close();
      return;
    }
    const registry = await loadRegistry();
    const worker = await createFlowWorker({
      address,
      db: handle.db,
      registry,
      scheduleRetention: true,
      messagingDrivers,
      ...(campaignSends === false ? { campaignSends: false } : {}),
    });
    const voice = await startVoiceEndpointFromEnv({
      db: handle.db,
      address,
      registry,
      dataDir: resolve(process.env.OMNIFLOW_HOME ?? '.omniflow'),
    });
    // The SDK drains the worker on SIGINT/SIGTERM; run() resolves once in-flight tasks finish.
    console.log(`Worker polling ${address}`);
    await worker.run();
    await voice?.stop();
    await handle.close();
  });

program
  .command('migrate')
  .description('Apply database migrations (DATABASE_URL, or the embedded database)')
  .action(async () => {
    const handle = await openForCommand('omniflow migrate');
    console.log(`Migrations applied (${handle.kind})`);
    await handle.close();
    handle.release();
  });

const apiKey = program.command('api-key').description('Manage API keys');
apiKey
  .command('create')
  .description('Create an API key and print it (it is shown only once)')
  .requiredOption('--name <name>', 'what the key is for')
  // Whoever runs this holds the database itself, so the key may be an admin's.
  .addOption(new Option('--role <role>', 'what the key may do').choices(userRoles).default('admin'))
  .action(async ({ name, role }: { name: string; role: Role }) => {
    const handle = await openForCommand('omniflow api-key create');
    await bootstrapAdmin(handle.db);
    const [workspace] = await handle.db.select().from(workspaces).orderBy(asc(workspaces.createdAt)).limit(1);
    if (!workspace) throw new Error('No workspace exists yet');
    const key = await createApiKey(handle.db, workspace.id, name, null, role);
    console.log(key.key);
    await handle.close();
    handle.release();
  });

registerRunCommands(program);
registerContactCommands(program);

program.parseAsync().catch((error: unknown) => {
  console.error(`omniflow: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
