import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@omniflow/db';
import { uuidArray } from '../campaigns/campaign-targeting.ts';

/**
 * Which event types an active subscription of these workspaces wants, as `<workspace> <type>`:
 * a writer of thousands of events at once (a campaign's message rows) asks this first and builds
 * no envelope nobody receives. The outbox statement joins the subscriptions when it runs, so a
 * subscription made while the batch is written may miss it either way.
 */
export async function wantedEventTypes(db: Db, workspaceIds: readonly string[]): Promise<Set<string>> {
  if (workspaceIds.length === 0) return new Set();
  const rows = await queryRows<{ key: string }>(
    db,
    sql`select distinct s.workspace_id::text || ' ' || e.type as key
      from webhook_subscriptions s cross join lateral unnest(s.events) as e(type)
      where s.active and s.workspace_id = any(${uuidArray(workspaceIds)}::uuid[])`,
  );
  return new Set(rows.map((r) => r.key));
}
