import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * What `import()` needs for one OMNIFLOW_NODE_PACKAGES entry. A module name is left to Node's
 * resolution; a path (`./examples/node-packages/crm-lookup`, `/opt/nodes/acme`) is taken from the
 * directory the server was started in, not from this file, and a package directory is entered
 * through its package.json (`exports["."]`, else `main`), since ESM does not import directories.
 */
export function nodePackageSpecifier(entry: string, cwd: string = process.cwd()): string {
  if (!entry.startsWith('.') && !entry.startsWith('/')) return entry;
  const path = resolve(cwd, entry);
  if (!statSync(path, { throwIfNoEntry: false })?.isDirectory()) return pathToFileURL(path).href;
  const manifest: unknown = JSON.parse(readFileSync(join(path, 'package.json'), 'utf8'));
  const main = entryPointOf(manifest);
  if (!main)
    throw new Error(`The node package at ${path} names no entry point (exports or main in package.json)`);
  return pathToFileURL(join(path, main)).href;
}

function entryPointOf(manifest: unknown): string | undefined {
  if (typeof manifest !== 'object' || manifest === null) return undefined;
  const exportsField: unknown = Reflect.get(manifest, 'exports');
  if (typeof exportsField === 'string') return exportsField;
  if (typeof exportsField === 'object' && exportsField !== null) {
    const dot: unknown = Reflect.get(exportsField, '.');
    if (typeof dot === 'string') return dot;
    if (typeof dot === 'object' && dot !== null) {
      const conditional: unknown = Reflect.get(dot, 'import') ?? Reflect.get(dot, 'default');
      if (typeof conditional === 'string') return conditional;
    }
  }
  const main: unknown = Reflect.get(manifest, 'main');
  return typeof main === 'string' ? main : undefined;
}
