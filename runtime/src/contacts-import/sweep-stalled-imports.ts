import { and, eq, sql } from 'drizzle-orm';
import { contactImports, type Db } from '@omniflow/db';

/**
 * An import that has written no chunk for this long is dead: a live one writes 1,000 rows a
 * fraction of a second apart (the 100k-row bench takes under 30 s in all).
 */
export const importStallMs = 5 * 60_000;

/**
 * Finds contact imports left `running` by an API process that stopped (they run in the process
 * that took the file, contact-imports.ts) and marks them failed, with how far they got. They are
 * not resumed: the file lived only in that process's memory, and the chunks written are whole, so
 * the person uploads the file again and de-duplication updates who was imported already.
 *
 * "Dead" is "no progress between two looks `stallMs` apart", not "running at start-up": another
 * API replica's import is running too, and it moves. `seen` carries what the last pass saw.
 */
export function createImportSweeper(db: Db, { stallMs = importStallMs, now = () => Date.now() } = {}) {
  const seen = new Map<string, { processed: number; since: number }>();
  return async function sweepStalledImports(): Promise<string[]> {
    const running = await db
      .select({ id: contactImports.id, processed: contactImports.processedRows })
      .from(contactImports)
      .where(eq(contactImports.status, 'running'));
    const stalled: { id: string; processed: number }[] = [];
    const at = now();
    for (const row of running) {
      const last = seen.get(row.id);
      if (!last || last.processed !== row.processed)
        seen.set(row.id, { processed: row.processed, since: at });
      else if (at - last.since >= stallMs) stalled.push(row);
    }
    for (const id of seen.keys()) if (!running.some((r) => r.id === id)) seen.delete(id);
    const failed: string[] = [];
    for (const row of stalled) {
      // Unless it moved since it was read: then it is alive after all.
      const [marked] = await db
        .update(contactImports)
        .set({
          status: 'failed',
          error: sql`'IMPORT_INTERRUPTED:' || ${contactImports.processedRows} || ':' || coalesce(${contactImports.totalRows}, ${contactImports.processedRows})`,
          finishedAt: new Date(at),
        })
        .where(
          and(
            eq(contactImports.id, row.id),
            eq(contactImports.status, 'running'),
            eq(contactImports.processedRows, row.processed),
          ),
        )
        .returning({ id: contactImports.id });
      seen.delete(row.id);
      if (marked) failed.push(marked.id);
    }
    return failed;
  };
}
