import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactChannels } from '@omniflow/db';
import { listen } from './support/serve-omniflow.ts';
import { startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

const exec = promisify(execFile);
const bin = fileURLToPath(new URL('../bin/omniflow.mjs', import.meta.url));

describe('omniflow contacts import (the CLI over the API)', () => {
  let omni: TestOmniflow;
  let server: Awaited<ReturnType<typeof listen>>;
  let env: NodeJS.ProcessEnv;
  let dir: string;

  beforeAll(async () => {
    omni = await startTestOmniflow({ worker: false });
    server = await listen(omni.app);
    env = { ...process.env, OMNIFLOW_URL: server.url, OMNIFLOW_API_KEY: omni.apiKey };
    dir = await mkdtemp(join(tmpdir(), 'omniflow-import-'));
  });
  afterAll(async () => {
    await server?.close();
    await omni?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('imports a CSV with a mapping from the command line and prints the counts', async () => {
    const file = join(dir, 'lista.csv');
    const rows = ['Cliente,Cel,Correo,Notas'];
    for (let i = 0; i < 2500; i++) rows.push(`Cliente ${i},9${String(20_000_000 + i)},c${i}@example.pe,x`);
    rows.push('Malo,123,malo@,x');
    await writeFile(file, rows.join('\n'));
    const { stdout, stderr } = await exec(
      process.execPath,
      [
        bin,
        'contacts',
        'import',
        file,
        '--map',
        'Cel=phone',
        '--map',
        'Cliente=display_name',
        '--country',
        'PE',
      ],
      { env },
    );
    expect(stdout).toContain('2500 created, 0 updated, 1 rejected of 2501 rows');
    expect(stdout).toMatch(/rejections\?format=csv/);
    // Not a terminal: the bar prints a line per change, ending at the whole file.
    expect(stderr.trim().split('\n').at(-1)).toBe('Importing: 2501/2501');
    const [channel] = await omni.handle.db
      .select()
      .from(contactChannels)
      .where(eq(contactChannels.address, '+51920000007'));
    expect(channel).toBeDefined();
  });

  it('says why a file is refused and exits with an error', async () => {
    const file = join(dir, 'sin-titulos.csv');
    await writeFile(file, 'Ana,+51987000001\n');
    const failed = await exec(process.execPath, [bin, 'contacts', 'import', file], { env }).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr).toMatch(/header row.*IMPORT_NO_HEADER/);
    const badMap = await exec(process.execPath, [bin, 'contacts', 'import', file, '--map', 'nothing'], {
      env,
    }).catch((e: { code: number; stderr: string }) => e);
    expect((badMap as { stderr: string }).stderr).toMatch(/column title=field/);
  });
});
