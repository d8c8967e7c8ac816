import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/omniflow.mjs', import.meta.url));
const cli = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
// tsx's loader in the child itself, not tsx's CLI: the CLI runs the code in a child of its own,
// which a SIGKILL of the CLI would leave running.
const tsxLoader = new URL('../../../node_modules/tsx/dist/loader.mjs', import.meta.url).href;

/** What the child works against: a test install's environment, database and task queue. */
export interface SpawnTarget {
  env: Record<string, string | undefined>;
  databaseUrl: string | undefined;
  taskQueue: string;
}

export interface SpawnedOmniflow {
  child: ChildProcess;
  /** Everything it wrote so far, stdout and stderr together. */
  output(): string;
  /** Resolves with its exit code (null when a signal ended it). */
  exited: Promise<number | null>;
  /** SIGKILL to it and anything it started, resolved once it is gone. */
  kill(): Promise<void>;
}

/**
 * The `omniflow` CLI in child processes against a test install (its database, the test Temporal
 * server, its task queue), as an operator would run a separate worker; `killAll` in `afterAll`
 * leaves none behind.
 */
export function omniflowProcesses(target: () => SpawnTarget) {
  const spawned: SpawnedOmniflow[] = [];
  return {
    /**
     * Runs `omniflow <args>`: through the published bin (`viaBin`, which sets the send worker's
     * heap bound and starts a child of its own) or straight from the sources. `env` comes last.
     */
    spawn(args: string[], options: { viaBin?: boolean; env?: Record<string, string | undefined> } = {}) {
      const { env, databaseUrl, taskQueue } = target();
      const child = spawn(
        process.execPath,
        options.viaBin ? [bin, ...args] : ['--import', tsxLoader, cli, ...args],
        {
          env: {
            ...env,
            DATABASE_URL: databaseUrl,
            TEMPORAL_ADDRESS: inject('temporalAddress'),
            OMNIFLOW_TASK_QUEUE: taskQueue,
            NODE_OPTIONS: '',
            ...options.env,
          },
          // Output is always read: a pipe nobody drains stops the child once it is full.
          stdio: ['ignore', 'pipe', 'pipe'],
          // Its own process group, so a kill reaches what it started (the bin's child).
          detached: true,
        },
      );
      let output = '';
      child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      const process_ = {
        child,
        output: () => output,
        exited,
        async kill() {
          // The group even when the child itself has ended: what it started may still run.
          try {
            process.kill(-child.pid!, 'SIGKILL');
          } catch {
            // The group is gone already.
          }
          await exited;
        },
      };
      spawned.push(process_);
      return process_;
    },
    async killAll() {
      await Promise.all(spawned.map((p) => p.kill()));
    },
  };
}
