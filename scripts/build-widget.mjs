// Builds the embeddable web chat widget (builder/widget/src → builder/widget/dist/webchat.js) when
// it is missing or older than its sources. One self-contained file: the host page loads nothing else.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const widget = join(root, 'builder', 'widget');
const output = join(widget, 'dist', 'webchat.js');

const newest = (dir) =>
  Math.max(...readdirSync(dir).map((name) => statSync(join(dir, name)).mtimeMs), statSync(dir).mtimeMs);

export async function buildWidget({ force = false } = {}) {
  const stale = !existsSync(output) || newest(join(widget, 'src')) > statSync(output).mtimeMs;
  if (!stale && !force) return output;
  await build({
    entryPoints: [join(widget, 'src', 'main.ts')],
    outfile: output,
    bundle: true,
    format: 'iife',
    minify: true,
    sourcemap: false,
    target: ['es2020'],
    legalComments: 'none',
    logLevel: 'warning',
  });
  return output;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildWidget({ force: process.argv.includes('--force') });
}
