import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Db } from './open-db.ts';
import { queryRows } from './query-rows.ts';

/** Which migrations a database has: how many, and the last one's tag and timestamp. */
export interface SchemaVersion {
  migrations: number;
  lastTag: string | null;
  /** drizzle's `when` of the last migration (its folder timestamp), 0 when none. */
  lastAt: number;
}

interface Journal {
  entries: { idx: number; when: number; tag: string }[];
}

const journalFile = resolve(dirname(fileURLToPath(import.meta.url)), '../drizzle/meta/_journal.json');

function journal(): Journal {
  return JSON.parse(readFileSync(journalFile, 'utf8')) as Journal;
}

/** The schema this code expects: every migration it ships. */
export function codeSchemaVersion(): SchemaVersion {
  const entries = journal().entries;
  const last = entries.at(-1);
  return { migrations: entries.length, lastTag: last?.tag ?? null, lastAt: last?.when ?? 0 };
}

/** The schema a database has, read from drizzle's own bookkeeping (`drizzle.__drizzle_migrations`). */
export async function databaseSchemaVersion(db: Db): Promise<SchemaVersion> {
  const [row] = await queryRows<{ count: number | string; last: number | string | null }>(
    db,
    sql`select count(*) as count, max(created_at) as last from drizzle.__drizzle_migrations`,
  );
  const lastAt = Number(row?.last ?? 0);
  const tag = journal().entries.find((entry) => entry.when === lastAt)?.tag ?? null;
  return { migrations: Number(row?.count ?? 0), lastTag: tag, lastAt };
}
