import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@omniflow/db';

/**
 * Every table's row count and an md5 over its rows in a fixed order, so two databases compare
 * table by table: equal fingerprints, equal contents.
 */
export async function tableFingerprints(db: Db, except: string[] = []): Promise<Record<string, string>> {
  const tables = await queryRows<{ schema: string; name: string }>(
    db,
    sql`select table_schema as schema, table_name as name from information_schema.tables
        where table_schema in ('public', 'drizzle') and table_type = 'BASE TABLE' order by 1, 2`,
  );
  const result: Record<string, string> = {};
  for (const { schema, name } of tables) {
    if (except.includes(name)) continue;
    const [row] = await queryRows<{ rows: number | string; digest: string | null }>(
      db,
      sql`select count(*) as rows, md5(string_agg(t::text, E'\n' order by t::text)) as digest
          from ${sql.identifier(schema)}.${sql.identifier(name)} t`,
    );
    result[`${schema}.${name}`] = `${row!.rows}:${row!.digest ?? '-'}`;
  }
  return result;
}
