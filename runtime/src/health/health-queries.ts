import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@omniflow/db';

export interface ComponentState {
  component: string;
  kind: string;
  up: boolean;
  sampledAt: string;
  intervalMs: number;
  lastSuccessAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  /** No sample for over two periods: whatever samples it is not running. */
  stale: boolean;
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/** The newest sample of each component a workspace sees (its channels and the installation's own). */
export async function latestHealth(db: Db, workspaceId: string, now = new Date()): Promise<ComponentState[]> {
  const rows = await queryRows<{
    component: string;
    kind: string;
    up: boolean;
    sampled_at: Date | string;
    interval_ms: number;
    last_success_at: Date | string | null;
    last_error: string | null;
    last_error_at: Date | string | null;
  }>(
    db,
    sql`select distinct on (workspace_id, component) component, kind, up, sampled_at, interval_ms,
        last_success_at, last_error, last_error_at
      from health_samples
      where (workspace_id = ${workspaceId}::uuid or workspace_id is null)
        and sampled_at > ${new Date(now.getTime() - 24 * 3_600_000).toISOString()}::timestamptz
      order by workspace_id, component, sampled_at desc`,
  );
  return rows
    .map((row) => {
      const stale = now.getTime() - new Date(row.sampled_at).getTime() > 2 * row.interval_ms;
      return {
        component: row.component,
        kind: row.kind,
        up: row.up && !stale,
        sampledAt: new Date(row.sampled_at).toISOString(),
        intervalMs: row.interval_ms,
        lastSuccessAt: iso(row.last_success_at),
        lastError: row.last_error,
        lastErrorAt: iso(row.last_error_at),
        stale,
      };
    })
    .sort(
      (a, b) =>
        componentOrder(a.component) - componentOrder(b.component) || a.component.localeCompare(b.component),
    );
}

const order = ['api', 'worker', 'sip', 'sip-trunk', 'sms', 'email', 'whatsapp'];
export const componentOrder = (component: string) => {
  const i = order.indexOf(component);
  return i === -1 ? order.length : i;
};

/** Every sample of the workspace's components in the period, with the one before it, by component. */
export async function samplesForPeriod(db: Db, workspaceId: string, from: Date, to: Date) {
  const rows = await queryRows<{
    component: string;
    kind: string;
    sampled_at: Date | string;
    interval_ms: number;
    up: boolean;
    last_error: string | null;
  }>(
    db,
    sql`select component, kind, sampled_at, interval_ms, up, last_error from health_samples
      where (workspace_id = ${workspaceId}::uuid or workspace_id is null)
        and sampled_at >= ${new Date(from.getTime() - 3_600_000).toISOString()}::timestamptz
        and sampled_at < ${to.toISOString()}::timestamptz
      order by component, sampled_at`,
  );
  const firsts = await queryRows<{ component: string; first: Date | string }>(
    db,
    sql`select component, min(sampled_at) as first from health_samples
      where (workspace_id = ${workspaceId}::uuid or workspace_id is null) and sampled_at < ${to.toISOString()}::timestamptz
      group by component`,
  );
  return { rows, firsts: new Map(firsts.map((f) => [f.component, new Date(f.first).getTime()])) };
}
