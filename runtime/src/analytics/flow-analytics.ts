import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { flowVersions, queryRows, type Db } from '@omniflow/db';
import { uuidV7Floor } from '../runs/run-filter.ts';
import { flowFunnels, type Funnel, type FunnelGraph } from './flow-funnels.ts';
import { bucketMs, figureRows, uuidFloorSql } from './flow-analytics-figures.ts';

export interface FlowAnalyticsQuery {
  workspaceId: string;
  flowId: string;
  /** A published version; undefined for every published version (sandbox test runs never count). */
  version?: number | undefined;
  /** ISO-8601 instants: runs STARTED in [from, to). */
  from: string;
  to: string;
}

/** How a node's messages fared, counted once per message it sent. */
export interface NodeDelivery {
  sent: number;
  /** Delivered or read (an e-mail opened by a person counts as both). */
  delivered: number;
  /** Read receipts (WhatsApp) and e-mail opens by a person (not a provider's image proxy). */
  read: number;
  /** The person wrote back to the same run after this message. */
  replied: number;
  /** Failed, undelivered, expired or bounced. */
  failed: number;
}

export interface NodeAnalytics {
  nodeId: string;
  nodeType: string;
  /** Runs that entered the node at least once. */
  entered: number;
  /** Entries, counting each time a run came back (a menu asked again, a loop). */
  visits: number;
  /**
   * Mean seconds from entering to leaving by a port, over the entries that did; null if none did
   * (an end node, where runs stop rather than go on, has none).
   */
  avgSeconds: number | null;
  /**
   * Runs whose LAST step is this node, by what became of the run: `ended` completed here (the
   * normal end at an end node), `abandoned` the caller hung up here, `failed` failed here,
   * `cancelled` were cancelled here, `inProgress` are still running or waiting here.
   */
  ended: number;
  abandoned: number;
  failed: number;
  cancelled: number;
  inProgress: number;
  /** Times the node was left by each port (a run that loops counts each time). */
  ports: { port: string; count: number }[];
  delivery: NodeDelivery | null;
}

export interface MenuAnalytics {
  nodeId: string;
  /** Every option of the menu in its order, chosen or not, then `timeout` and `invalid`. */
  options: { port: string; digit: string | null; label: string; count: number }[];
}

export interface FlowAnalytics {
  flowId: string;
  version: number | null;
  from: string;
  to: string;
  /** The published version whose graph the funnels and menus follow (the chosen one or the newest). */
  graphVersion: number | null;
  runs: {
    total: number;
    completed: number;
    failed: number;
    abandoned: number;
    cancelled: number;
    inProgress: number;
  };
  nodes: NodeAnalytics[];
  menus: MenuAnalytics[];
  funnels: Funnel[];
}

interface FigureRow {
  kind: 'node' | 'port' | 'last' | 'set' | 'status' | 'delivery';
  node_id: string | null;
  node_type: string | null;
  port: string | null;
  status: string | null;
  nodes: string[] | null;
  n: string | number;
  runs: string | number | null;
  seconds: string | number | null;
  timed: string | number | null;
  delivered: string | number | null;
  read: string | number | null;
  replied: string | number | null;
  failed: string | number | null;
}

const num = (v: string | number | null | undefined) => Number(v ?? 0);

const versionIs = (q: FlowAnalyticsQuery, column: SQL) =>
  q.version === undefined ? sql`${column} > 0` : sql`${column} = ${q.version}`;

/**
 * The runs a query reads live, as figureRows wants them. uuid v7 ids make the started-at range an
 * id range, so the (flow_id, version, id) indexes find them without reading other flows' or
 * periods' runs. With whole buckets [lo, hi) inside the period, the rollup has their ended runs:
 * live are the period's edges, the runs of [lo, hi) not rolled up yet (open ones, the job's tail:
 * the partial index holds only those) and the runs of buckets changed since they were rolled up.
 */
function liveRuns(q: FlowAnalyticsQuery, lo: number, hi: number): SQL {
  const select = sql`select id, status, workspace_id, flow_id, version, null::timestamptz as bucket from runs
    where flow_id = ${q.flowId} and workspace_id = ${q.workspaceId} and ${versionIs(q, sql`version`)}
      and status <> 'skipped'`;
  const between = (a: number, b: number) =>
    sql`${select} and id >= ${uuidV7Floor(new Date(a))} and id < ${uuidV7Floor(new Date(b))}`;
  const from = Date.parse(q.from);
  const to = Date.parse(q.to);
  if (hi <= lo) return between(from, to);
  return sql`
    ${between(from, lo)}
    union all ${between(hi, to)}
    union all ${between(lo, hi)} and analytics_rolled_at is null
    union all
    select r.id, r.status, r.workspace_id, r.flow_id, r.version, null::timestamptz
    from flow_analytics_dirty d cross join lateral (
      -- offset 0: the changed buckets (few, usually none) drive, each an id range of its runs;
      -- never a pass over the flow's runs to meet them.
      select * from runs r
      where r.flow_id = d.flow_id and r.version = d.version
        and r.id >= ${uuidFloorSql(sql`d.bucket`)}
        and r.id < ${uuidFloorSql(sql`d.bucket + interval '15 minutes'`)}
        and r.analytics_rolled_at is not null and r.status <> 'skipped'
      offset 0
    ) r
    where d.flow_id = ${q.flowId} and d.workspace_id = ${q.workspaceId} and ${versionIs(q, sql`d.version`)}
      and d.bucket >= ${new Date(lo).toISOString()}::timestamptz and d.bucket < ${new Date(hi).toISOString()}::timestamptz`;
}

/**
 * Every figure in one statement, so the rollup and the live read see the same moment (a rollup
 * committing between two statements would count its runs twice or not at all): the rollup's whole
 * buckets that have not changed since, plus the live runs.
 */
function figures(q: FlowAnalyticsQuery, useRollup: boolean): SQL {
  const lo = useRollup ? Math.ceil(Date.parse(q.from) / bucketMs) * bucketMs : 0;
  const hi = useRollup ? Math.floor(Date.parse(q.to) / bucketMs) * bucketMs : 0;
  const rolled =
    hi > lo
      ? sql`
    union all
    select kind, node_id, port, status, nodes, node_type, n, runs, seconds, timed, delivered, read, replied, failed
    from flow_analytics_rollup r
    where flow_id = ${q.flowId} and workspace_id = ${q.workspaceId} and ${versionIs(q, sql`version`)}
      and bucket >= ${new Date(lo).toISOString()}::timestamptz and bucket < ${new Date(hi).toISOString()}::timestamptz
      and not exists (
        select 1 from flow_analytics_dirty d
        where d.flow_id = r.flow_id and d.version = r.version and d.bucket = r.bucket
      )`
      : sql``;
  return sql`
    with live as (${figureRows(liveRuns(q, lo, hi))})
    select kind, nullif(node_id, '') as node_id, nullif(port, '') as port, nullif(status, '') as status,
      nodes, min(node_type) as node_type, sum(n) as n, sum(runs) as runs, sum(seconds) as seconds,
      sum(timed) as timed, sum(delivered) as delivered, sum(read) as read, sum(replied) as replied,
      sum(failed) as failed
    from (
      select kind, node_id, port, status, nodes, node_type, n, runs, seconds, timed, delivered, read, replied, failed
      from live
      ${rolled}
    ) f
    group by kind, node_id, port, status, nodes`;
}

/** The graph the funnels and menus follow: the chosen version's, else the newest version's. */
async function graphOf(db: Db, q: FlowAnalyticsQuery) {
  const [row] = await db
    .select({ version: flowVersions.version, graph: flowVersions.graph })
    .from(flowVersions)
    .where(
      and(
        eq(flowVersions.flowId, q.flowId),
        eq(flowVersions.workspaceId, q.workspaceId),
        eq(flowVersions.kind, 'published'),
        ...(q.version === undefined ? [] : [eq(flowVersions.version, q.version)]),
      ),
    )
    .orderBy(desc(flowVersions.version))
    .limit(1);
  return row ? { version: row.version, graph: row.graph as FunnelGraph & { nodes: GraphNode[] } } : undefined;
}

interface GraphNode {
  id: string;
  type: string;
  config?: Record<string, unknown>;
}

function menusOf(
  graph: { nodes: GraphNode[] } | undefined,
  nodes: Map<string, NodeAnalytics>,
): MenuAnalytics[] {
  return (graph?.nodes ?? [])
    .filter((n) => n.type === 'voice.menu')
    .map((menu) => {
      const taken = new Map((nodes.get(menu.id)?.ports ?? []).map((p) => [p.port, p.count]));
      const rows = Array.isArray(menu.config?.options) ? (menu.config.options as unknown[]) : [];
      const options = rows.flatMap((row) => {
        const option = row as { id?: unknown; digit?: unknown; label?: unknown };
        if (typeof option.id !== 'string') return [];
        return [
          {
            port: option.id,
            digit: typeof option.digit === 'string' ? option.digit : null,
            label: typeof option.label === 'string' ? option.label : '',
            count: taken.get(option.id) ?? 0,
          },
        ];
      });
      const own = ['timeout', 'invalid'].map((port) => ({
        port,
        digit: null,
        label: '',
        count: taken.get(port) ?? 0,
      }));
      return { nodeId: menu.id, options: [...options, ...own] };
    });
}

/** A flow's analytics for a version (or all) and a period: see FlowAnalytics for each figure. */
export async function flowAnalytics(
  db: Db,
  q: FlowAnalyticsQuery,
  /** `rollup: false` reads every run's raw rows (what the rollup is checked against). */
  options: { rollup?: boolean } = {},
): Promise<FlowAnalytics> {
  const [rows, graph] = await Promise.all([
    queryRows<FigureRow>(db, figures(q, options.rollup ?? true)),
    graphOf(db, q),
  ]);
  const nodes = new Map<string, NodeAnalytics>();
  const nodeOf = (id: string) => {
    let node = nodes.get(id);
    if (!node) {
      node = {
        nodeId: id,
        nodeType: '',
        entered: 0,
        visits: 0,
        avgSeconds: null,
        ended: 0,
        abandoned: 0,
        failed: 0,
        cancelled: 0,
        inProgress: 0,
        ports: [],
        delivery: null,
      };
      nodes.set(id, node);
    }
    return node;
  };
  const runs = { total: 0, completed: 0, failed: 0, abandoned: 0, cancelled: 0, inProgress: 0 };
  const visited: { nodes: string[]; runs: number }[] = [];
  for (const row of rows) {
    const n = num(row.n);
    if (row.kind === 'node') {
      const node = nodeOf(row.node_id!);
      node.nodeType = row.node_type ?? '';
      node.visits = n;
      node.entered = num(row.runs);
      const timed = num(row.timed);
      node.avgSeconds = timed > 0 ? Math.round((num(row.seconds) / timed) * 1000) / 1000 : null;
    } else if (row.kind === 'port') {
      nodeOf(row.node_id!).ports.push({ port: row.port!, count: n });
    } else if (row.kind === 'last') {
      const node = nodeOf(row.node_id!);
      if (row.status === 'completed') node.ended += n;
      else if (row.status === 'abandoned') node.abandoned += n;
      else if (row.status === 'failed') node.failed += n;
      else if (row.status === 'cancelled') node.cancelled += n;
      else node.inProgress += n;
    } else if (row.kind === 'set') {
      visited.push({ nodes: row.nodes ?? [], runs: n });
    } else if (row.kind === 'delivery') {
      nodeOf(row.node_id!).delivery = {
        sent: n,
        delivered: num(row.delivered),
        read: num(row.read),
        replied: num(row.replied),
        failed: num(row.failed),
      };
    } else {
      runs.total += n;
      if (row.status === 'completed') runs.completed += n;
      else if (row.status === 'abandoned') runs.abandoned += n;
      else if (row.status === 'failed') runs.failed += n;
      else if (row.status === 'cancelled') runs.cancelled += n;
      else runs.inProgress += n;
    }
  }
  for (const node of nodes.values())
    node.ports.sort((a, b) => b.count - a.count || a.port.localeCompare(b.port));
  const graphNodes = graph?.graph.nodes ?? [];
  const order = new Map(graphNodes.map((n, i) => [n.id, i]));
  for (const n of graphNodes)
    if (nodes.has(n.id) && !nodes.get(n.id)!.nodeType) nodes.get(n.id)!.nodeType = n.type;
  const sorted = [...nodes.values()].sort(
    (a, b) =>
      (order.get(a.nodeId) ?? Infinity) - (order.get(b.nodeId) ?? Infinity) ||
      a.nodeId.localeCompare(b.nodeId),
  );
  return {
    flowId: q.flowId,
    version: q.version ?? null,
    from: q.from,
    to: q.to,
    graphVersion: graph?.version ?? null,
    runs,
    nodes: sorted,
    menus: menusOf(graph?.graph, nodes),
    funnels: graph ? flowFunnels(graph.graph, visited) : [],
  };
}
