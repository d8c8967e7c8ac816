#!/usr/bin/env node
import { resolve } from 'node:path';
import { Option } from 'commander';
import { asc } from 'drizzle-orm';
import { openDb, userRoles, workspaces, type DbHandle, type Role } from '@omniflow/db';
import { EmbeddedDatabaseInUse, lockEmbeddedDatabase } from '../server/embedded-lock.ts';
import { registerRunCommands } from './commands/runs.ts';
import { registerContactCommands } from './commands/contacts.ts';
import { registerSecretCommands } from './commands/secrets.ts';
import { registerBackupCommands } from './commands/backups.ts';
import { registerExportCommands } from './commands/workspace-export.ts';
import { registerNodePackageCommands } from './commands/node-packages.ts';
import { BackupError, backupRefusalText } from '../backups/backup-error.ts';
import { arg, currentCliLanguage, setCliLanguage, t } from './cli-i18n.ts';
import { languageOf } from './cli-language.ts';
import { LocalisedCommand } from './localised-command.ts';
import { apiScopes, isApiScope } from '../auth/scopes.ts';

// The worker, Temporal and voice code load only for the commands that run them (import() in their
// actions): `omniflow runs …`, `contacts …` and --help start in a fraction of the time.

// Before any command is described: help and parse errors are worded in the chosen language.
setCliLanguage(languageOf(process.argv.slice(2)));

/** Opens the configured database; the embedded one only when no other process holds it. */
async function openForCommand(purpose: string): Promise<DbHandle & { release: () => void }> {
  const dataDir = resolve(process.env.OMNIFLOW_HOME ?? '.omniflow', 'pglite');
  const release = process.env.DATABASE_URL ? () => {} : lockEmbeddedDatabase(dataDir, purpose);
  const handle = await openDb({ databaseUrl: process.env.DATABASE_URL, dataDir });
  return { ...handle, release };
}

const program = new LocalisedCommand('omniflow')
  .description(t('cli.description'))
  // Set before any subcommand exists: subcommands copy these settings when they are created.
  .helpOption('-h, --help', t('help.helpOption'))
  .helpCommand(t('help.helpCommand'), t('help.helpCommandDescription'))
  // Every command's help lists --lang too.
  .configureHelp({ showGlobalOptions: true })
  // Read early by languageOf(); declared here so help lists it and commander refuses other values.
  .addOption(new Option(`--lang ${arg('language')}`, t('cli.option.lang')).choices(['es', 'en']));

program
  .command('dev')
  .description(t('dev.description'))
  .action(async () => {
    const { runServices } = await import('./commands/dev.ts');
    await runServices({ spawnTemporal: true, worker: true, printAdmin: true, sandbox: true });
  });

program
  .command('api')
  .description(t('api.description'))
  .action(async () => {
    const { runServices } = await import('./commands/dev.ts');
    const { sandboxAllowedByEnv } = await import('../messaging/channel-drivers.ts');
    await runServices({
      spawnTemporal: false,
      worker: false,
      printAdmin: true,
      sandbox: sandboxAllowedByEnv(process.env),
    });
  });

program
  .command('worker')
  .description(t('worker.description'))
  .option('--campaign-sends', t('worker.option.campaignSends'))
  .option('--no-campaign-sends', t('worker.option.noCampaignSends'))
  .action(async ({ campaignSends }: { campaignSends?: boolean }) => {
    const address = process.env.TEMPORAL_ADDRESS;
    if (!address) throw new Error(t('worker.needsTemporal'));
    if (!process.env.DATABASE_URL) throw new Error(t('worker.needsDatabase'));
    const { channelDriversFromEnv, sandboxAllowedByEnv } = await import('../messaging/channel-drivers.ts');
    const handle = await openDb();
    // Channels with no provider fail their sends unless OMNIFLOW_SANDBOX=1 allows the sandbox.
    const messagingDrivers = channelDriversFromEnv(process.env, {
      sandbox: sandboxAllowedByEnv(process.env),
      db: handle.db,
    });
    if (campaignSends === true) {
      const { createCampaignSendWorker } = await import('../worker/campaign-send-worker.ts');
      const sender = await createCampaignSendWorker({ address, db: handle.db, messagingDrivers });
      console.log(t('worker.sendWorkerPolling', { address, megabytes: sender.heapLimitMb }));
      // As for the flow worker: the SDK drains on SIGINT/SIGTERM, run() resolves once chunks settle.
      await sender.run();
      await handle.close();
      return;
    }
    const { loadRegistry } = await import('../server/load-registry.ts');
    const { createFlowWorker } = await import('../worker/flow-worker.ts');
    const { startVoiceEndpointFromEnv } = await import('../voice/voice-endpoint-from-env.ts');
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
    console.log(t('worker.polling', { address }));
    await worker.run();
    await voice?.stop();
    await handle.close();
  });

program
  .command('migrate')
  .description(t('migrate.description'))
  .action(async () => {
    const handle = await openForCommand('omniflow migrate');
    console.log(t('migrate.done', { kind: handle.kind }));
    await handle.close();
    handle.release();
  });

const apiKey = program.command('api-key').description(t('apiKey.description'));
apiKey
  .command('create')
  .description(t('apiKey.create.description'))
  .requiredOption(`--name ${arg('name')}`, t('apiKey.option.name'))
  // Whoever runs this holds the database itself, so the key may be an admin's.
  .addOption(new Option(`--role ${arg('role')}`, t('apiKey.option.role')).choices(userRoles).default('admin'))
  .option(`--scopes ${arg('scopes')}`, t('apiKey.option.scopes', { scopes: apiScopes.join(', ') }))
  .action(async ({ name, role, scopes: given }: { name: string; role: Role; scopes?: string }) => {
    const scopes = given?.split(',').map((s) => s.trim());
    if (scopes && !(scopes.length > 0 && scopes.every(isApiScope)))
      throw new Error(t('apiKey.badScopes', { given: given!, scopes: apiScopes.join(', ') }));
    const { bootstrapAdmin } = await import('../auth/bootstrap-admin.ts');
    const { createApiKey } = await import('../api/api-keys.ts');
    const handle = await openForCommand('omniflow api-key create');
    await bootstrapAdmin(handle.db);
    const [workspace] = await handle.db.select().from(workspaces).orderBy(asc(workspaces.createdAt)).limit(1);
    if (!workspace) throw new Error(t('apiKey.noWorkspace'));
    const key = await createApiKey(handle.db, workspace.id, name, null, role, {
      scopes: scopes?.filter(isApiScope) ?? null,
    });
    console.log(key.key);
    await handle.close();
    handle.release();
  });

registerRunCommands(program);
registerContactCommands(program);
registerSecretCommands(program, openForCommand);
registerBackupCommands(program, openForCommand);
registerExportCommands(program, openForCommand);
registerNodePackageCommands(program);

/** What a failed command prints: the CLI's own sentence where it has one, else the error's message. */
function failureText(error: unknown): string {
  if (error instanceof EmbeddedDatabaseInUse)
    return t('db.inUse', { dataDir: error.dataDir, purpose: error.purpose, pid: error.pid });
  if (error instanceof BackupError) return backupRefusalText(error.refusal, currentCliLanguage());
  return error instanceof Error ? error.message : String(error);
}

program.parseAsync().catch((error: unknown) => {
  console.error(`omniflow: ${failureText(error)}`);
  process.exit(1);
});
