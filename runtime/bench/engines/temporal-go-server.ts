import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import pg from 'pg';
import { freeLowPort } from '../../src/temporal-server/free-port.ts';

/** The release #18 names: built here with `go install go.temporal.io/server/cmd/server@v1.28.1`. */
export const temporalServerVersion = 'v1.28.1';

function goPath(what: 'GOBIN' | 'GOMODCACHE'): string | undefined {
  try {
    return execFileSync('go', ['env', what], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The real Temporal server's binaries and its module's schema and config, as `go install` leaves
 * them; the reason when they are not there (building it is a manual step, README "Benchmarks").
 */
export function findTemporalServer():
  { server: string; sqlTool: string; module: string } | { missing: string } {
  const bin = goPath('GOBIN') ?? join(homedir(), 'go', 'bin');
  const server = process.env.TEMPORAL_SERVER_BIN ?? join(bin, 'server');
  const sqlTool = process.env.TEMPORAL_SQL_TOOL_BIN ?? join(bin, 'sql');
  const module = join(
    goPath('GOMODCACHE') ?? join(homedir(), 'go', 'pkg', 'mod'),
    `go.temporal.io/server@${temporalServerVersion}`,
  );
  if (!existsSync(server)) return { missing: `the Temporal server binary (${server})` };
  if (!existsSync(sqlTool)) return { missing: `temporal-sql-tool (${sqlTool})` };
  if (!existsSync(join(module, 'schema/postgresql/v12')))
    return { missing: `the server module's schema (${module})` };
  return { server, sqlTool, module };
}

export interface TemporalGoServer {
  address: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * The real Temporal server on PostgreSQL (its `development-postgres12` configuration with free
 * ports and the given database server), fresh databases made with its own schema tool, the
 * `default` namespace registered as the dev server does by itself.
 */
export async function startTemporalGoServer(
  found: { server: string; sqlTool: string; module: string },
  databaseUrl: string,
  log: (line: string) => void,
): Promise<TemporalGoServer> {
  const url = new URL(databaseUrl);
  const stores = { default: 'temporal_bench', visibility: 'temporal_bench_visibility' };
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  for (const name of Object.values(stores)) {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
  }
  await admin.end();
  const connect = [
    '--plugin',
    'postgres12',
    '--ep',
    url.hostname,
    '-p',
    url.port || '5432',
    '-u',
    decodeURIComponent(url.username),
    '-pw',
    decodeURIComponent(url.password),
  ];
  for (const [store, name] of Object.entries(stores)) {
    const versioned = join(
      found.module,
      'schema/postgresql/v12',
      store === 'default' ? 'temporal' : 'visibility',
      'versioned',
    );
    execFileSync(found.sqlTool, [...connect, '--db', name, 'setup-schema', '-v', '0.0'], { stdio: 'ignore' });
    execFileSync(found.sqlTool, [...connect, '--db', name, 'update-schema', '-d', versioned], {
      stdio: 'ignore',
    });
  }

  const root = mkdtempSync(join(tmpdir(), 'temporal-go-'));
  mkdirSync(join(root, 'config'), { recursive: true });
  cpSync(join(found.module, 'config/dynamicconfig'), join(root, 'config/dynamicconfig'), { recursive: true });
  const frontend = await freeLowPort();
  const ports = new Map<string, number>();
  for (const port of ['7233', '7234', '7235', '7239', '6933', '6934', '6935', '6939', '7243', '7936', '8000'])
    ports.set(port, port === '7233' ? frontend : await freeLowPort());
  let config = readFileSync(join(found.module, 'config/development-postgres12.yaml'), 'utf8')
    .replaceAll('127.0.0.1:5432', `${url.hostname}:${url.port || '5432'}`)
    .replaceAll('user: "temporal"', `user: "${decodeURIComponent(url.username)}"`)
    .replaceAll('password: "temporal"', `password: "${decodeURIComponent(url.password)}"`)
    .replace('databaseName: "temporal_visibility"', `databaseName: "${stores.visibility}"`)
    .replace('databaseName: "temporal"', `databaseName: "${stores.default}"`)
    .replace('level: info', 'level: warn');
  for (const [from, to] of ports)
    config = config.replace(new RegExp(`(?<=[ :])${from}(?=\\D|$)`, 'gm'), String(to));
  writeFileSync(join(root, 'config/development.yaml'), config);

  const child = spawn(
    found.server,
    ['--root', root, '--config', 'config', '--env', 'development', '--allow-no-auth', 'start'],
    // The dynamic config's file path in the module's config is relative: it resolves from here.
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  // The server logs its own failures (a config it refuses, a port taken) to stdout.
  child.stdout!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-20_000);
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-20_000);
  });
  const address = `127.0.0.1:${frontend}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(root, { recursive: true, force: true });
  };
  try {
    const deadline = Date.now() + 120_000;
    let registered = false;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`Temporal server exited ${child.exitCode}: ${stderr}`);
      if (Date.now() > deadline)
        throw new Error(`Temporal server not serving the default namespace in 120 s: ${stderr}`);
      try {
        const connection = await Connection.connect({ address, connectTimeout: 2_000 });
        try {
          if (!registered) {
            await connection.workflowService
              .registerNamespace({
                namespace: 'default',
                workflowExecutionRetentionPeriod: msToTs('1 day'),
              })
              .catch((error: unknown) => {
                if (!String(error).includes('already')) throw error;
              });
            registered = true;
          }
          // A namespace registered just now is served once the frontend's cache has it.
          await connection.workflowService.describeNamespace({ namespace: 'default' });
          await connection.workflowService.listWorkflowExecutions({ namespace: 'default', pageSize: 1 });
          break;
        } finally {
          await connection.close();
        }
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
    log(`Temporal server ${temporalServerVersion} on PostgreSQL at ${address} (pid ${child.pid})`);
    return { address, pid: child.pid!, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
