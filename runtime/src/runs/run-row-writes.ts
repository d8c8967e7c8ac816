import { sql } from 'drizzle-orm';
import { queryRows, runs, type Db } from '@omniflow/db';
import { statementBatcher } from '../batching/statement-batcher.ts';

type NewRun = typeof runs.$inferInsert;
type Recorded = Pick<typeof runs.$inferSelect, 'status' | 'error'>;

interface RunWriters {
  insert: (row: NewRun) => Promise<boolean>;
  recordWorkflow: (item: { runId: string; temporalRunId: string }) => Promise<Recorded | undefined>;
}

// One pair per database: runs started in the same turn of the event loop (webhook and API
// bursts, a conversation's first messages) share a statement instead of a round trip each.
const writers = new WeakMap<Db, RunWriters>();

function writersOf(db: Db): RunWriters {
  let found = writers.get(db);
  if (found) return found;
  found = {
    insert: statementBatcher(async (rows: NewRun[]) => {
      const written = await db.insert(runs).values(rows).onConflictDoNothing().returning({ id: runs.id });
      const ids = new Set(written.map((row) => row.id));
      return rows.map((row) => ids.has(row.id!));
    }),
    recordWorkflow: statementBatcher(async (items: { runId: string; temporalRunId: string }[]) => {
      const recorded = await queryRows<Recorded & { id: string }>(
        db,
        sql`update runs set temporal_run_id = v.temporal_run_id
          from jsonb_to_recordset(${JSON.stringify(items.map((i) => ({ id: i.runId, temporal_run_id: i.temporalRunId })))}::jsonb)
            as v(id uuid, temporal_run_id text)
          where runs.id = v.id
          returning runs.id, runs.status, runs.error`,
      );
      const byId = new Map(recorded.map((row) => [row.id, { status: row.status, error: row.error }]));
      return items.map((item) => byId.get(item.runId));
    }),
  };
  writers.set(db, found);
  return found;
}

/** Writes a run's row; false when a row with its id was there already (a start retried). */
export const insertRunRow = (db: Db, row: NewRun) => writersOf(db).insert(row);

/** Names the workflow execution on the run's row; answers the row's state as it is then. */
export const recordRunWorkflow = (db: Db, runId: string, temporalRunId: string) =>
  writersOf(db).recordWorkflow({ runId, temporalRunId });
