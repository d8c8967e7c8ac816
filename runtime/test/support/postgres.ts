import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';

export interface FreshDatabase {
  /** Connection URL of the new, empty database. */
  url: string;
  /** Drops the database; connections still open to it after 2 s are terminated. */
  drop(): Promise<void>;
}

async function withAdminClient<T>(baseUrl: string, action: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    return await action(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates a uniquely named database on the server `baseUrl` points at, so test files running in
 * parallel never share tables. The role in `baseUrl` needs CREATEDB.
 */
export async function freshPostgresDatabase(baseUrl: string): Promise<FreshDatabase> {
  if (!baseUrl) throw new Error('freshPostgresDatabase: no PostgreSQL URL (set OMNIFLOW_TEST_DATABASE_URL)');
  const name = `omniflow_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const quoted = `"${name}"`;
  await withAdminClient(baseUrl, (client) => client.query(`CREATE DATABASE ${quoted}`));
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    url: url.toString(),
    async drop() {
      if (dropped) return;
      dropped = true;
      await withAdminClient(baseUrl, async (client) => {
        // Give pools that are still closing (or killed worker processes) a moment to go away:
        // forcing the drop would make their clients emit 'error', which can crash a test process.
        for (let attempt = 0; attempt < 20; attempt++) {
          try {
            await client.query(`DROP DATABASE IF EXISTS ${quoted}`);
            return;
          } catch (error) {
            if ((error as { code?: string }).code !== '55006') throw error; // 55006: object_in_use
            await sleep(100);
          }
        }
        // Still in use after 2 s: a leaked connection. End it, then drop.
        await client.query(
          'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
          [name],
        );
        await client.query(`DROP DATABASE IF EXISTS ${quoted}`);
      });
    },
  };
}
