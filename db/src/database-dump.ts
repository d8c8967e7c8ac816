import { spawn } from 'node:child_process';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { Db } from './open-db.ts';

/** What a database dump is: PostgreSQL's custom format, or PGlite's data directory as a .tar.gz. */
export type DumpKind = 'postgres' | 'pglite';

/** The file name a dump of each kind has inside a backup archive. */
export const dumpFileOf: Record<DumpKind, string> = {
  postgres: 'database/postgres.dump',
  pglite: 'database/pglite-datadir.tar.gz',
};

/** A dump or restore that could not run, with a stable code and a sentence to act on. */
export class DatabaseDumpError extends Error {
  constructor(
    readonly code: 'DUMP_TOOL_MISSING' | 'DUMP_FAILED' | 'RESTORE_FAILED',
    message: string,
  ) {
    super(message);
    this.name = 'DatabaseDumpError';
  }
}

/** The client behind a drizzle database: drizzle keeps it as `$client`. */
function clientOf(db: Db): PGlite | pg.Pool {
  const client: unknown = Reflect.get(db, '$client');
  if (client instanceof PGlite || client instanceof pg.Pool) return client;
  throw new DatabaseDumpError('DUMP_FAILED', 'This database is neither PGlite nor a PostgreSQL pool');
}

export function dumpKindOf(db: Db): DumpKind {
  return clientOf(db) instanceof PGlite ? 'pglite' : 'postgres';
}

/**
 * A connection URL split for PostgreSQL's client programs: the password goes in PGPASSWORD, as
 * any user of the machine can read a process's arguments.
 */
function clientConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return {
    dbname: parsed.toString(),
    env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
  };
}

/** Runs a client program, its stdin fed by `input`; rejects with its stderr when it fails. */
function runTool(
  command: string,
  args: string[],
  options: {
    input?: NodeJS.ReadableStream[];
    code: 'DUMP_FAILED' | 'RESTORE_FAILED';
    env: NodeJS.ProcessEnv;
  },
): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      stdio: [options.input ? 'pipe' : 'ignore', 'ignore', 'pipe'],
      env: options.env,
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      if (stderr.length < 8000) stderr += chunk.toString();
    });
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new DatabaseDumpError(
              'DUMP_TOOL_MISSING',
              `${command} is not installed: install PostgreSQL's client programs (Debian: apt-get install postgresql-client)`,
            )
          : error,
      ),
    );
    child.on('close', (code) =>
      code === 0
        ? resolvePromise()
        : reject(new DatabaseDumpError(options.code, `${command} failed (exit ${code}): ${stderr.trim()}`)),
    );
    if (options.input) {
      const stdin = child.stdin!;
      // A program that stops reading (it failed) closes the pipe; its exit code tells why.
      stdin.on('error', () => undefined);
      void (async () => {
        for (const input of options.input!) {
          for await (const chunk of input)
            if (!stdin.write(chunk)) await new Promise((r) => stdin.once('drain', r));
        }
        stdin.end();
      })().catch(reject);
    }
  });
}

/**
 * A consistent dump of the whole database into `file`. PostgreSQL: `pg_dump` in custom format
 * (one snapshot, restorable with pg_restore). PGlite: its data directory after a CHECKPOINT, read
 * while no query runs (PGlite is one connection in this process), restorable by loading it.
 */
export async function dumpDatabase(db: Db, file: string): Promise<{ kind: DumpKind; bytes: number }> {
  const client = clientOf(db);
  if (client instanceof PGlite) {
    await client.query('CHECKPOINT');
    const tarball = await client.dumpDataDir('gzip');
    await writeFile(file, new Uint8Array(await tarball.arrayBuffer()), { mode: 0o600 });
    return { kind: 'pglite', bytes: (await stat(file)).size };
  }
  const url = client.options.connectionString;
  if (!url) throw new DatabaseDumpError('DUMP_FAILED', 'The PostgreSQL pool has no connection URL to dump');
  const connection = clientConnection(url);
  await runTool(
    'pg_dump',
    ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, `--dbname=${connection.dbname}`],
    { code: 'DUMP_FAILED', env: connection.env },
  );
  return { kind: 'postgres', bytes: (await stat(file)).size };
}

/**
 * How many other sessions are connected to the database at `url` (an API or a worker still
 * running): a restore under them would mix their writes into the restored data.
 */
export async function otherPostgresSessions(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ n: string }>(
      'select count(*) as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    );
    return Number(result.rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

/**
 * Replaces the whole PostgreSQL database at `url` with a custom-format dump, in one transaction:
 * the old schemas are dropped and the dump's SQL applied by psql, so a failure leaves the
 * database as it was. Tables the dump does not know (added by a later migration) go too.
 */
export async function restorePostgresDump(url: string, file: string): Promise<void> {
  const connection = clientConnection(url);
  const preamble = Readable.from([
    'DROP SCHEMA IF EXISTS drizzle CASCADE;\nDROP SCHEMA IF EXISTS public CASCADE;\nCREATE SCHEMA public;\n',
  ]);
  const restore = spawn('pg_restore', ['--no-owner', '--no-privileges', '--file=-', file], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let restoreErr = '';
  restore.stderr.on('data', (chunk: Buffer) => (restoreErr += chunk.toString()));
  const restored = new Promise<void>((resolvePromise, reject) => {
    restore.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new DatabaseDumpError(
              'DUMP_TOOL_MISSING',
              'pg_restore is not installed (Debian: apt-get install postgresql-client)',
            )
          : error,
      ),
    );
    restore.on('close', (code) =>
      code === 0
        ? resolvePromise()
        : reject(
            new DatabaseDumpError('RESTORE_FAILED', `pg_restore failed (exit ${code}): ${restoreErr.trim()}`),
          ),
    );
  });
  await Promise.all([
    runTool(
      'psql',
      [
        '--no-psqlrc',
        '--quiet',
        '--single-transaction',
        '-v',
        'ON_ERROR_STOP=1',
        `--dbname=${connection.dbname}`,
      ],
      { input: [preamble, restore.stdout], code: 'RESTORE_FAILED', env: connection.env },
    ),
    restored,
  ]);
}

/**
 * Replaces PGlite's data directory with a dumped one. The old directory is moved aside first and
 * put back if the dump does not open, so a failed restore changes nothing. No process may hold
 * the database meanwhile (the CLI's embedded lock sees to it).
 */
export async function restorePgliteDump(dataDir: string, file: string): Promise<void> {
  const aside = `${dataDir}.before-restore-${Date.now()}`;
  const existed = await stat(dataDir).then(
    () => true,
    () => false,
  );
  if (existed) await rename(dataDir, aside);
  try {
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    const tarball = new Blob([new Uint8Array(await readFile(file))]);
    const restored = new PGlite(dataDir, { loadDataDir: tarball });
    await restored.query('select 1');
    await restored.close();
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    if (existed) await rename(aside, dataDir);
    throw new DatabaseDumpError(
      'RESTORE_FAILED',
      `The PGlite dump did not open: ${(error as Error).message}`,
    );
  }
  if (existed) await rm(aside, { recursive: true, force: true });
}
