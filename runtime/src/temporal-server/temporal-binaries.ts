import { accessSync, constants, readFileSync, realpathSync, statSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';

/**
 * The repository root: the nearest directory at or above the working directory whose
 * package.json declares `workspaces`; the working directory itself when there is none.
 */
export function repoRoot(from: string = process.cwd()): string {
  let dir = resolve(from);
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { workspaces?: unknown };
      if (pkg.workspaces) return dir;
    } catch {
      // no (readable) package.json here: keep walking up
    }
    const parent = dirname(dir);
    if (parent === dir) return resolve(from);
    dir = parent;
  }
}

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function sameDir(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return resolve(a) === resolve(b);
  }
}

/** Same search order as scripts/setup-temporal.mjs: env var, PATH, `.omniflow/bin`. */
function findBinary(name: string, envVar: string): string | undefined {
  const fromEnv = process.env[envVar];
  if (fromEnv && isExecutableFile(resolve(fromEnv))) return resolve(fromEnv);
  const binDir = join(repoRoot(), '.omniflow', 'bin');
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir || sameDir(dir, binDir)) continue;
    const path = resolve(dir, name);
    if (isExecutableFile(path)) return path;
  }
  const local = join(binDir, name);
  return isExecutableFile(local) ? local : undefined;
}

/** The `temporal` CLI (runs the dev server): TEMPORAL_CLI_PATH, PATH, `.omniflow/bin/temporal`. */
export function findTemporalCli(): string | undefined {
  return findBinary('temporal', 'TEMPORAL_CLI_PATH');
}

/** The time-skipping test server: TEMPORAL_TEST_SERVER_PATH, PATH, `.omniflow/bin/temporal-test-server`. */
export function findTemporalTestServer(): string | undefined {
  return findBinary('temporal-test-server', 'TEMPORAL_TEST_SERVER_PATH');
}
