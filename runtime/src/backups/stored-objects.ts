import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@omniflow/db';

/**
 * Every table whose rows name bytes in the recordings store (a folder or a bucket): call
 * recordings, recorded voice prompts (`prompts/<workspace>/…`) and mail attachments. A new kind of
 * stored file is one line here, and backups carry it.
 */
export const storedObjectColumns = [
  { table: 'recordings', column: 'storage_key' },
  { table: 'voice_prompts', column: 'storage_key' },
  { table: 'mail_attachments', column: 'storage_key' },
] as const;

/** Every key the database names, each once, sorted (so two backups list them alike). */
export async function storedObjectKeys(db: Db): Promise<string[]> {
  const union = sql.join(
    storedObjectColumns.map(
      ({ table, column }) => sql`select ${sql.identifier(column)} as key from ${sql.identifier(table)}`,
    ),
    sql` union `,
  );
  const rows = await queryRows<{ key: string }>(db, sql`select key from (${union}) keys order by key`);
  return rows.map((row) => row.key);
}
