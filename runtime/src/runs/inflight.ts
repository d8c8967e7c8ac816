import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@omniflow/db';

export interface Inflight {
  total: number;
  byNode: Record<string, number>;
  byVersion: { version: number; total: number; byNode: Record<string, number> }[];
}

/** How many runs of a flow are running or waiting right now, at which node, on which version. */
export async function inflightOf(db: Db, flowId: string): Promise<Inflight> {
  const rows = await queryRows<{ version: number; node_id: string | null; count: string }>(
    db,
    sql`
    select r.version, n.node_id, count(*) as count
    from runs r
    left join lateral jsonb_array_elements_text(r.current_nodes) as n(node_id) on true
    where r.flow_id = ${flowId} and r.status in ('running', 'waiting') and r.version > 0
    group by r.version, n.node_id
    order by r.version desc`,
  );
  const totals = await queryRows<{ version: number; count: string }>(
    db,
    sql`
    select version, count(*) as count from runs
    where flow_id = ${flowId} and status in ('running', 'waiting') and version > 0
    group by version order by version desc`,
  );
  const byVersion = totals.map((t) => ({
    version: Number(t.version),
    total: Number(t.count),
    byNode: {} as Record<string, number>,
  }));
  const byNode: Record<string, number> = {};
  for (const row of rows) {
    if (row.node_id === null) continue;
    const count = Number(row.count);
    byNode[row.node_id] = (byNode[row.node_id] ?? 0) + count;
    const entry = byVersion.find((v) => v.version === Number(row.version));
    if (entry) entry.byNode[row.node_id] = count;
  }
  return { total: byVersion.reduce((sum, v) => sum + v.total, 0), byNode, byVersion };
}
