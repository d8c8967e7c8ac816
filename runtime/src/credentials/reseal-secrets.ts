import { and, asc, count, eq, getTableColumns, gt, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '@omniflow/db';
import { openSecrets, sealSecrets } from './secret-box.ts';
import type { SecretKeyring } from './secret-keyring.ts';
import { sealedColumns, type SealedColumn } from './sealed-columns.ts';

export interface ResealProgress {
  /** Values found on another key when the pass began (progress bar's total). */
  total: number;
  resealed: number;
}

export interface ResealResult extends ResealProgress {
  /** Values no key of the keyring opens, by column name: left as they were. */
  unreadable: Record<string, number>;
}

/** The table's property name for a column: what drizzle's `.set()` is keyed by. */
function propertyOf(table: PgTable, column: AnyPgColumn): string {
  const found = Object.entries(getTableColumns(table)).find(([, c]) => c === column);
  if (!found) throw new Error(`Column ${column.name} is not in its table`);
  return found[0];
}

/** Values sealed with another key; a row with nothing sealed (NULL) is none of them. */
const onOtherKey = (column: SealedColumn, keyId: string) => sql`${column.keyId} <> ${keyId}`;

/** How many values of the columns are sealed with a key other than `keyId`. */
export async function countOtherKeys(db: Db, keyId: string, columns = sealedColumns): Promise<number> {
  let total = 0;
  for (const column of columns) {
    const [row] = await db.select({ n: count() }).from(column.table).where(onOtherKey(column, keyId));
    total += row?.n ?? 0;
  }
  return total;
}

/**
 * Re-seals every value not yet on `keyring.current` with it, `batchSize` rows at a time, walking
 * each column by id. Each row is its own update, guarded by the sealed text it replaces, so a
 * crash leaves every row on either key (both in the keyring: still readable) and a concurrent
 * save is never overwritten. Rows already on the new key are not touched: running it again
 * continues where it stopped.
 */
export async function resealSecrets(
  db: Db,
  keyring: SecretKeyring,
  options: {
    batchSize?: number;
    columns?: SealedColumn[];
    onProgress?: (progress: ResealProgress) => void;
    /** Called after each batch is written (tests inject a crash here). */
    afterBatch?: (progress: ResealProgress) => void | Promise<void>;
  } = {},
): Promise<ResealResult> {
  const batchSize = options.batchSize ?? 200;
  const columns = options.columns ?? sealedColumns;
  const newKey = keyring.current.id;
  const progress: ResealProgress = { total: await countOtherKeys(db, newKey, columns), resealed: 0 };
  const unreadable: Record<string, number> = {};
  options.onProgress?.({ ...progress });
  for (const column of columns) {
    let after: string | undefined;
    for (;;) {
      const rows = (await db
        .select({ id: column.id, sealed: column.sealed, keyId: column.keyId, ...column.contextColumns })
        .from(column.table)
        .where(and(onOtherKey(column, newKey), after === undefined ? undefined : gt(column.id, after)))
        .orderBy(asc(column.id))
        .limit(batchSize)) as Array<Record<string, unknown> & { id: string; sealed: string; keyId: string }>;
      if (rows.length === 0) break;
      for (const row of rows) {
        const context = column.context(row);
        let secrets: Record<string, string>;
        try {
          secrets = openSecrets(keyring, { sealed: row.sealed, keyId: row.keyId }, context);
        } catch {
          unreadable[column.name] = (unreadable[column.name] ?? 0) + 1;
          continue;
        }
        const sealed = sealSecrets(keyring, secrets, context);
        await db
          .update(column.table)
          .set(
            column.write?.(sealed) ?? {
              [propertyOf(column.table, column.sealed as AnyPgColumn)]: sealed.sealed,
              [propertyOf(column.table, column.keyId as AnyPgColumn)]: sealed.keyId,
            },
          )
          .where(and(eq(column.id, row.id), sql`${column.sealed} = ${row.sealed}`));
        progress.resealed++;
      }
      after = rows[rows.length - 1]!.id;
      options.onProgress?.({ ...progress });
      await options.afterBatch?.({ ...progress });
    }
  }
  return { ...progress, unreadable };
}
