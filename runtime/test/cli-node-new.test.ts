import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRegistry } from '../src/server/load-registry.ts';

const exec = promisify(execFile);
const bin = fileURLToPath(new URL('../bin/omniflow.mjs', import.meta.url));
const repoModules = fileURLToPath(new URL('../../node_modules', import.meta.url));
const vitest = join(repoModules, 'vitest', 'vitest.mjs');

async function omniflow(args: string[], cwd: string) {
  try {
    const { stdout, stderr } = await exec(process.execPath, [bin, ...args], { cwd });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('omniflow node new', () => {
  const dir = mkdtempSync(join(tmpdir(), 'omniflow-node-new-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a package whose own test passes and that OMNIFLOW_NODE_PACKAGES loads', async () => {
    const made = await omniflow(['node', 'new', 'weather', '--type', 'acme.weather', '--lang', 'en'], dir);
    expect(made.code).toBe(0);
    const target = join(dir, 'weather');
    expect(made.stdout).toContain(`Node package written to ${target} (5 files)`);
    for (const file of [
      'package.json',
      'README.md',
      'src/index.ts',
      'src/weather.node.ts',
      'src/weather.node.test.ts',
    ])
      expect(existsSync(join(target, file)), file).toBe(true);

    // As after `npm install` in a package of its own: the SDK and vitest come from node_modules.
    symlinkSync(repoModules, join(target, 'node_modules'), 'dir');
    const tested = await exec(process.execPath, [vitest, 'run', '--root', target], {
      cwd: target,
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(tested.stdout).toMatch(/Tests\s+4 passed/);

    const registry = await loadRegistry({ OMNIFLOW_NODE_PACKAGES: target });
    expect(registry.get('acme.weather')).toMatchObject({ version: 1, title: { en: 'Weather' } });
  }, 120_000);

  it('says in Spanish what it wrote and what to do next', async () => {
    const made = await omniflow(['node', 'new', 'crm-sync', '--lang', 'es'], dir);
    expect(made.code).toBe(0);
    expect(made.stdout).toContain('Paquete de nodos escrito en');
    expect(made.stdout).toContain('OMNIFLOW_NODE_PACKAGES=');
  });

  it('refuses a name that cannot name a package, and a type that cannot be a node type', async () => {
    const badName = await omniflow(['node', 'new', 'Bad Name', '--lang', 'es'], dir);
    expect(badName.code).toBe(1);
    expect(badName.stderr).toContain('«Bad Name» no puede ser el nombre de un paquete');
    const badType = await omniflow(['node', 'new', 'ok', '--type', 'Nodot', '--lang', 'en'], dir);
    expect(badType.code).toBe(1);
    expect(badType.stderr).toContain('“Nodot” cannot be a node type');
  });

  it('refuses to write over a directory that has files', async () => {
    const busy = join(dir, 'busy');
    await omniflow(['node', 'new', 'busy'], dir);
    writeFileSync(join(busy, 'mine.txt'), 'keep me');
    const again = await omniflow(['node', 'new', 'busy', '--lang', 'en'], dir);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already has files in it');
  });
});
