import { sql } from 'drizzle-orm';
import type { Client } from '@temporalio/client';
import { queryRows, type Db } from '@omniflow/db';
import { startSend } from './accept-message.ts';

/** Longer than a start takes on a loaded server: younger rows are still being handed over. */
const graceMs = 30_000;

/**
 * Starts the workflows of API messages still queued with none (the API process stopped between
 * writing the row and starting it). Starting is idempotent per message (workflow id
 * `message:<id>`): a running or finished one is left alone, and a finished one has moved the row
 * on from queued anyway. Answers how many rows it looked at.
 */
export async function startPendingSends(deps: {
  db: Db;
  temporal: Client;
  taskQueue: string;
}): Promise<number> {
  const rows = await queryRows<{ id: string }>(
    deps.db,
    sql`select id from messages
      where status = 'queued' and direction = 'outbound' and run_id is null and idempotency_key like 'api:%'
        and created_at < now() - make_interval(secs => ${graceMs / 1000})
        and created_at > now() - interval '1 day'
      order by id limit 500`,
  );
  for (const { id } of rows) await startSend(deps, id);
  return rows.length;
}
