import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { createServer, connect as tcpConnect } from 'node:net';
import { dirname, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Connection } from '@temporalio/client';
import { freePort } from './free-port.ts';
import { findTemporalCli } from './temporal-binaries.ts';

export interface DevServer {
  /** host:port of the frontend gRPC service. */
  address: string;
  /** Web UI port, when the UI was enabled. */
  uiPort?: number;
  stop(): Promise<void>;
}

export interface StartDevServerOptions {
  /** SQLite file that keeps the server's state across restarts; in memory when absent. */
  dbFile?: string;
  /** Frontend gRPC port; a free one when absent. */
  port?: number;
  /** Web UI port (0 = any free port); headless when absent or false. */
  uiPort?: number | false;
  /** A namespace to create and wait for besides `default`. */
  namespace?: string;
  /** Receives every line the server prints (warnings and errors: it runs with --log-level warn). */
  log?: (line: string) => void;
}

const host = '127.0.0.1';
const readyTimeoutMs = 60_000;
const stopTimeoutMs = 10_000;

// Servers still running when this process exits are killed with it.
const running = new Set<ChildProcess>();
let exitHookInstalled = false;
function killOnExit(child: ChildProcess) {
  running.add(child);
  child.once('exit', () => running.delete(child));
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const server of running) server.kill('SIGTERM');
  });
}

// On Linux, `setpriv --pdeathsig` makes the kernel signal the server even when this process dies
// without running exit hooks (SIGKILL, crash, unhandled SIGTERM).
let pdeathsig: boolean | undefined;
function withParentDeathSignal(command: string, args: string[]): [string, string[]] {
  if (pdeathsig === undefined) {
    pdeathsig =
      process.platform === 'linux' &&
      spawnSync('setpriv', ['--pdeathsig', 'TERM', 'true'], { stdio: 'ignore', timeout: 5_000 }).status === 0;
  }
  return pdeathsig ? ['setpriv', ['--pdeathsig', 'TERM', '--', command, ...args]] : [command, args];
}

/**
 * The server's SQLite file holds every run's history (inputs, outputs, tokens in them): only its
 * owner may read it. A new directory is made 0700; files the server creates get umask 077 (see
 * withOwnerOnlyUmask); files left by an older, looser start are tightened here. (The file cannot
 * be made in advance: the server creates its schema only when the file does not exist yet.)
 */
function ownerOnlyDbFile(dbFile: string): void {
  mkdirSync(dirname(dbFile), { recursive: true, mode: 0o700 });
  for (const file of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`, `${dbFile}-journal`]) {
    if (existsSync(file)) chmodSync(file, 0o600);
  }
}

// Node cannot set a child's umask (and process.umask would change it for this whole process), so
// on POSIX a shell sets it and execs the server in its place.
function withOwnerOnlyUmask(command: string, args: string[]): [string, string[]] {
  if (process.platform === 'win32') return [command, args];
  return ['/bin/sh', ['-c', 'umask 077 && exec "$@"', 'sh', command, ...args]];
}

function describeExit(exit: { code: number | null; signal: NodeJS.Signals | null }): string {
  return exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolveFree) => {
    const server = createServer();
    server.once('error', () => resolveFree(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolveFree(true)));
  });
}

function acceptsTcp(port: number): Promise<boolean> {
  return new Promise((resolveOpen) => {
    const socket = tcpConnect({ port, host });
    const done = (open: boolean) => {
      socket.destroy();
      resolveOpen(open);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * Starts `temporal server start-dev` on 127.0.0.1 and resolves once the frontend answers
 * DescribeNamespace — the server is then ready for clients and workers.
 */
export async function startDevServer(opts: StartDevServerOptions = {}): Promise<DevServer> {
  const cli = findTemporalCli();
  if (!cli) {
    throw new Error(
      'The Temporal CLI (`temporal`) was not found: looked at $TEMPORAL_CLI_PATH, PATH and .omniflow/bin/temporal. ' +
        'Run `npm run setup` to install it, set TEMPORAL_CLI_PATH to a temporal binary, ' +
        'or set TEMPORAL_ADDRESS to use a Temporal server that is already running.',
    );
  }
  const port = opts.port ?? (await freePort());
  if (opts.port !== undefined && !(await portIsFree(port))) {
    throw new Error(
      `Cannot start the Temporal dev server: port ${port} on ${host} is already in use ` +
        '(another Temporal dev server?). Stop it, choose another port, or set TEMPORAL_ADDRESS to use it.',
    );
  }
  const uiPort =
    opts.uiPort === undefined || opts.uiPort === false ? undefined : opts.uiPort || (await freePort());
  const namespace = opts.namespace ?? 'default';

  const args = [
    'server',
    'start-dev',
    ...(uiPort === undefined ? ['--headless'] : ['--ui-port', String(uiPort)]),
  ];
  args.push('--ip', host, '--port', String(port));
  if (opts.dbFile) {
    const dbFile = resolve(opts.dbFile);
    ownerOnlyDbFile(dbFile);
    args.push('--db-filename', dbFile);
  }
  args.push('--namespace', 'default');
  if (namespace !== 'default') args.push('--namespace', namespace);
  args.push('--log-level', 'warn');

  const [command, commandArgs] = withParentDeathSignal(...withOwnerOnlyUmask(cli, args));
  const child = spawn(command, commandArgs, {
    stdio: ['ignore', 'pipe', 'pipe'],
    // The server must not read connection settings meant for clients of this process.
    env: { ...process.env, TEMPORAL_ADDRESS: undefined, TEMPORAL_NAMESPACE: undefined },
  });
  killOnExit(child);

  // Keep the last lines for error messages; hand every line to opts.log.
  const recent: string[] = [];
  const onOutput = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split(/\r?\n/)) {
      if (!line.trim()) continue;
      recent.push(line);
      if (recent.length > 30) recent.shift();
      opts.log?.(line);
    }
  };
  child.stdout!.on('data', onOutput);
  child.stderr!.on('data', onOutput);

  // Filled in by the child's event handlers (an object, so TypeScript does not narrow it away).
  const state: { exited?: { code: number | null; signal: NodeJS.Signals | null }; spawnError?: Error } = {};
  const exitPromise = new Promise<void>((resolveExit) => {
    child.once('exit', (code, signal) => {
      state.exited = { code, signal };
      resolveExit();
    });
    child.once('error', (error) => {
      state.spawnError = error;
      state.exited ??= { code: null, signal: null };
      resolveExit();
    });
  });

  const stop = async () => {
    if (!state.exited) {
      child.kill('SIGTERM');
      // The timer must not outlive the race: a pending 10 s timer would keep this process alive.
      const timer = new AbortController();
      const tooSlow = sleep(stopTimeoutMs, true, { signal: timer.signal }).catch(() => false);
      const killed = await Promise.race([exitPromise.then(() => false), tooSlow]);
      timer.abort();
      if (killed && !state.exited) {
        child.kill('SIGKILL');
        await exitPromise;
      }
    }
    running.delete(child);
  };

  const failure = (why: string) =>
    new Error(
      `Temporal dev server (${cli} ${args.join(' ')}) ${why}` +
        (recent.length ? `\n--- its last output ---\n${recent.join('\n')}` : ''),
    );

  const address = `${host}:${port}`;
  const deadline = Date.now() + readyTimeoutMs;
  let connection: Connection | undefined;
  try {
    for (;;) {
      if (state.spawnError) throw failure(`could not be started: ${state.spawnError.message}`);
      if (state.exited) throw failure(`exited during startup (${describeExit(state.exited)})`);
      if (Date.now() > deadline) throw failure(`was not ready after ${readyTimeoutMs / 1000} s`);
      if (await acceptsTcp(port)) {
        try {
          connection ??= await Connection.connect({ address, connectTimeout: 5_000 });
          await connection.workflowService.describeNamespace({ namespace });
          break;
        } catch {
          // frontend up but not serving yet (namespaces are registered right after start)
        }
      }
      await sleep(100);
    }
    if (state.exited) throw failure(`exited during startup (${describeExit(state.exited)})`);
  } catch (error) {
    await stop();
    throw error;
  } finally {
    await connection?.close().catch(() => {});
  }

  return uiPort === undefined ? { address, stop } : { address, uiPort, stop };
}
