// Builds the web app into builder/dist when it is missing or older than its sources, so
// `npm start` serves the current builder without a separate build step.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const builder = join(root, 'builder');
const built = join(builder, 'dist', 'index.html');

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const sources = ['src', 'index.html', 'vite.config.ts', 'package.json']
  .map((p) => join(builder, p))
  .filter(existsSync);
const stale = !existsSync(built) || Math.max(...sources.map(newest)) > statSync(built).mtimeMs;
if (stale || process.argv.includes('--force')) {
  process.stdout.write('Building the web app… ');
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  // A build started from a test run inherits NODE_ENV=test, and React then ships its development
  // build (jsx-dev-runtime, ~70 KB gzip more): what is served is always the production build.
  const result = spawnSync(process.execPath, [vite, 'build', builder, '--logLevel', 'warn'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  console.log('done');
}

// The embeddable web chat widget is built alongside (served by the API as /webchat.js).
const widgetBuild = spawnSync(
  process.execPath,
  [join(root, 'scripts', 'build-widget.mjs'), ...(process.argv.includes('--force') ? ['--force'] : [])],
  { stdio: 'inherit' },
);
if (widgetBuild.status !== 0) process.exit(widgetBuild.status ?? 1);
