import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { readdirSync } from 'node:fs';
import pg from 'pg';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { apiKeys, openDb } from '@omniflow/db';
import { hashToken } from '../src/auth/tokens.ts';
import { freshPostgresDatabase } from './support/postgres.ts';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../bin/omniflow.mjs', import.meta.url));

// Each case starts Node processes that load the CLI and PGlite: slow on a busy CI machine.
describe('omniflow CLI', () => {
  const home = mkdtempSync(join(tmpdir(), 'omniflow-cli-'));
  const env = { ...process.env, OMNIFLOW_HOME: home, DATABASE_URL: '' };
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('migrates the embedded database and prints an API key that is stored only hashed', async () => {
    const migrated = await run(process.execPath, [bin, 'migrate'], { env });
    expect(migrated.stdout).toContain('Migrations applied (pglite)');

    const created = await run(process.execPath, [bin, 'api-key', 'create', '--name', 'deploy-bot'], { env });
    const key = created.stdout.trim();
    expect(key).toMatch(/^of_key_[\w-]{43}$/);

    const handle = await openDb({ dataDir: join(home, 'pglite') });
    const rows = await handle.db.select().from(apiKeys);
    await handle.close();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: 'deploy-bot', keyHash: hashToken(key), scopes: null });

    const scoped = await run(
      process.execPath,
      [bin, 'api-key', 'create', '--name', 'sender', '--scopes', 'messages:send, read'],
      { env },
    );
    const reopened = await openDb({ dataDir: join(home, 'pglite') });
    const [sender] = await reopened.db
      .select()
      .from(apiKeys)
      .where(eq(apiKeys.keyHash, hashToken(scoped.stdout.trim())));
    await reopened.close();
    expect(sender!.scopes).toEqual(['read', 'messages:send']);
    const refused = await run(
      process.execPath,
      [bin, 'api-key', 'create', '--name', 'x', '--scopes', 'read,all'],
      {
        env,
      },
    ).catch((e: { code: number; stderr: string }) => e);
    expect(refused).toMatchObject({ code: 1 });
    expect((refused as { stderr: string }).stderr).toContain('Unknown scope in "read,all"');
  }, 180_000);

  it('refuses to open the embedded database while another live process holds it', async () => {
    writeFileSync(join(home, 'pglite.lock'), JSON.stringify({ pid: process.pid, purpose: 'omniflow dev' }));
    const failed = await run(process.execPath, [bin, 'api-key', 'create', '--name', 'x'], { env }).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr).toContain('in use by "omniflow dev"');
    rmSync(join(home, 'pglite.lock'));
  }, 180_000);

  it('explains what a separate worker needs', async () => {
    const failed = await run(process.execPath, [bin, 'worker'], {
      env: { ...env, TEMPORAL_ADDRESS: '' },
    }).catch((e: { code: number; stderr: string }) => e);
    expect((failed as { stderr: string }).stderr).toContain('TEMPORAL_ADDRESS');
  }, 180_000);

  it.skipIf(!inject('postgresUrl'))(
    'migrates the PostgreSQL database at DATABASE_URL, every migration once, and exits',
    async () => {
      const fresh = await freshPostgresDatabase(inject('postgresUrl'));
      try {
        const migrateEnv = { ...env, DATABASE_URL: fresh.url };
        const first = await run(process.execPath, [bin, 'migrate'], { env: migrateEnv });
        expect(first.stdout).toContain('Migrations applied (postgres)');
        // Run again (a second deploy): nothing left to apply, no error.
        await run(process.execPath, [bin, 'migrate'], { env: migrateEnv });
        const client = new pg.Client({ connectionString: fresh.url });
        await client.connect();
        try {
          const applied = await client.query('select count(*)::int as n from drizzle.__drizzle_migrations');
          const files = readdirSync(fileURLToPath(new URL('../../db/drizzle', import.meta.url))).filter((f) =>
            f.endsWith('.sql'),
          );
          expect(applied.rows[0].n).toBe(files.length);
          const tables = await client.query(
            "select table_name from information_schema.tables where table_schema = 'public' and table_name in ('runs', 'flows', 'credentials')",
          );
          expect(tables.rows.map((r: { table_name: string }) => r.table_name).sort()).toEqual([
            'credentials',
            'flows',
            'runs',
          ]);
        } finally {
          await client.end();
        }
      } finally {
        await fresh.drop();
      }
    },
    180_000,
  );
});
