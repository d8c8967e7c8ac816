import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface FreshDatabase {
  /** Connection URL of the new, empty database. */
  url: string;
  /** Drops the database; connections still open to it after 5 s are terminated. */
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
        // A plain DROP waits up to 5 s for other sessions (pools still closing, killed workers) to
        // end. Forcing it at once would make their clients emit 'error', which can crash a test.
        try {
          await client.query(`DROP DATABASE IF EXISTS ${quoted}`);
          return;
        } catch (error) {
          if ((error as { code?: string }).code !== '55006') throw error; // 55006: object_in_use
        }
        // Still in use: a leaked connection. End it, then drop.
        await client.query(
          'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND usename = current_user AND pid <> pg_backend_pid()',
          [name],
        );
        await client.query(`DROP DATABASE IF EXISTS ${quoted}`);
      });
    },
  };
}
