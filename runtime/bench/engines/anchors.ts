import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** One wrk run as run-load.sh records it (its WRKJSON line plus the engine's RSS and CPU). */
export interface LoadRow {
  config: string;
  conns: number;
  rep: number;
  rps: number;
  p50_us: number;
  p99_us: number;
  non2xx: number;
  err_connect?: number;
  err_read?: number;
  err_write?: number;
  err_timeout?: number;
  peak_rss_kb: number;
  engine_cpu_pct: number;
}

/**
 * The peer engines' work folder (`../shared/anchors/README.md`: copied to $ANCHORS/bench, n8n and
 * Node-RED installed beside it by its scripts). Undefined, with the reason, when it is not there:
 * the engines are installed by hand, never by `npm install` or CI.
 */
export function findAnchors(): { folder: string } | { missing: string } {
  const folder = process.env.ANCHORS ?? join(homedir(), 'anchors');
  const needs = [
    ['bench/run-load.sh', 'the anchors scripts (cp -r ../shared/anchors "$ANCHORS/bench")'],
    ['node-red/node_modules/node-red', 'Node-RED ("$ANCHORS/bench/install-loadgen-nodered.sh")'],
    ['n8n', 'n8n ("$ANCHORS/bench/install-n8n.sh")'],
  ] as const;
  for (const [path, what] of needs)
    if (!existsSync(join(folder, path))) return { missing: `${what} not found in ${folder}` };
  return { folder };
}

function run(command: string, args: string[], env: Record<string, string>, log: (line: string) => void) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let partial = '';
    const lines = (chunk: Buffer) => {
      partial += chunk.toString();
      const done = partial.split('\n');
      partial = done.pop()!;
      done.filter((line) => line.trim()).forEach(log);
    };
    child.stdout.on('data', lines);
    child.stderr.on('data', lines);
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited ${code}`)),
    );
  });
}

/** What every wrk run is: the anchors' defaults unless the environment narrows them. */
const loadShape = () => ({
  DURATION: process.env.DURATION ?? '20',
  REPEATS: process.env.REPEATS ?? '3',
  CONNS: process.env.CONNS ?? '1 10 50',
  WARMUP: process.env.WARMUP ?? '15',
});

/** Starts, loads and stops the named anchor configs with the anchors' own script. */
export function runAnchorConfigs(
  folder: string,
  results: string,
  configs: string[],
  log: (l: string) => void,
) {
  return run(
    'bash',
    [join(folder, 'bench/run-all.sh'), ...configs],
    { ANCHORS: folder, RESULTS: results, ...loadShape() },
    log,
  );
}

/**
 * Loads an engine already listening at `url` with run-load.sh, exactly as the anchors are loaded.
 * `lua` replaces the anchors' post.lua (a request Omniflow's API needs: a key, a flow id): the
 * script then runs from a folder of links to the anchors' files with that one swapped.
 */
export function loadEngine(
  folder: string,
  results: string,
  name: string,
  target: { url: string; pid: number; lua?: string; env?: Record<string, string> },
  log: (l: string) => void,
) {
  let anchors = folder;
  if (target.lua) {
    anchors = join(results, `.overlay-${name}`);
    mkdirSync(join(anchors, 'bench'), { recursive: true });
    for (const file of readdirSync(join(folder, 'bench')))
      symlinkSync(
        file === 'post.lua' ? target.lua : join(folder, 'bench', file),
        join(anchors, 'bench', file),
      );
  }
  return run(
    'bash',
    [join(anchors, 'bench/run-load.sh'), name, target.url, String(target.pid)],
    { ANCHORS: anchors, RESULTS: results, ...loadShape(), ...target.env },
    log,
  );
}

export function readLoadRows(results: string): LoadRow[] {
  return readdirSync(results)
    .filter((file) => file.endsWith('.jsonl'))
    .flatMap((file) => readFileSync(join(results, file), 'utf8').split('\n'))
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as LoadRow);
}
