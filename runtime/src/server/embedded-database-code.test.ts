import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDb, queryRows } from '@omniflow/db';
import { compileEmbeddedDatabaseOptimised } from './embedded-database-code.ts';

describe('compileEmbeddedDatabaseOptimised', () => {
  it('leaves embedded PGlite compiled by the optimising compiler alone able to migrate, query and refuse bad SQL', async () => {
    compileEmbeddedDatabaseOptimised();
    const handle = await openDb({ dataDir: 'memory://' });
    try {
      await handle.ping();
      const rows = await queryRows<{ tables: number }>(
        handle.db,
        sql`select count(*)::int as tables from pg_tables where tablename = 'runs'`,
      );
      expect(rows).toEqual([{ tables: 1 }]);
      await expect(handle.db.execute(sql`select * from no_such_table`)).rejects.toThrow(/no_such_table/);
    } finally {
      await handle.close();
    }
  }, 180_000);
});
