import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/omniflow.mjs', import.meta.url));
const cli = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
// tsx's loader in the child itself, not tsx's CLI: the CLI runs the code in a child of its own,
// which a SIGKILL of the CLI would leave running (and a benchmark would charge to the wrong process).
const tsxLoader = new URL('../../../node_modules/tsx/dist/loader.mjs', import.meta.url).href;

export interface SpawnedOmniflow {
  child: ChildProcess;
  /** What it wrote so far, stdout and stderr together (the last `outputLimit` characters). */
  output(): string;
  /** Resolves with its exit code (null when a signal ended it). */
  exited: Promise<number | null>;
  /** SIGKILL to it and anything it started, resolved once it is gone. */
  kill(): Promise<void>;
  /** SIGTERM to it and anything it started (SIGKILL after `graceMs`), resolved once it is gone. */
  stop(graceMs?: number): Promise<void>;
}

export interface SpawnOmniflowOptions {
  /** The child's whole environment (NODE_OPTIONS is cleared: the parent's loaders are not its). */
  env: Record<string, string | undefined>;
  /**
   * Through the published bin (which sets the send worker's heap bound and starts a child of its
   * own) instead of the sources.
   */
  viaBin?: boolean;
  /** Node flags before the script, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
  /** Keep only the last this many characters of output (a long-running process under load). */
  outputLimit?: number;
}

/**
 * `omniflow <args>` in a child process of its own process group, as an operator runs it; used by
 * the tests (a separate worker, a crash) and the engines benchmark (`omniflow dev` under load).
 * Vitest-free, so a benchmark run by tsx can use it.
 */
export function spawnOmniflowCli(args: string[], options: SpawnOmniflowOptions): SpawnedOmniflow {
  const script = options.viaBin ? [bin] : ['--import', tsxLoader, cli];
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...script, ...args], {
    env: { ...options.env, NODE_OPTIONS: '' },
    // Output is always read: a pipe nobody drains stops the child once it is full.
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so a signal reaches what it started (the bin's child, a Temporal dev server).
    detached: true,
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
    if (options.outputLimit !== undefined) output = output.slice(-options.outputLimit);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const signalGroup = (signal: NodeJS.Signals) => {
    // The group even when the child itself has ended: what it started may still run.
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // The group is gone already.
    }
  };
  return {
    child,
    output: () => output,
    exited,
    async kill() {
      signalGroup('SIGKILL');
      await exited;
    },
    async stop(graceMs = 20_000) {
      signalGroup('SIGTERM');
      const timer = setTimeout(() => signalGroup('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}
