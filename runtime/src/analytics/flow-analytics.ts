import { and, desc, eq, sql } from 'drizzle-orm';
import { flowVersions, queryRows, type Db } from '@omniflow/db';
import { uuidV7Floor } from '../runs/run-filter.ts';
import { flowFunnels, type Funnel, type FunnelGraph } from './flow-funnels.ts';

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

interface StepRow {
  kind: 'node' | 'port' | 'last' | 'set' | 'status';
  node_id: string | null;
  node_type: string | null;
  port: string | null;
  status: string | null;
  n: string | number;
  runs: string | number | null;
  seconds: string | number | null;
  timed: string | number | null;
  nodes: string[] | null;
}

interface DeliveryRow {
  node_id: string;
  sent: string | number;
  delivered: string | number;
  read: string | number;
  replied: string | number;
  failed: string | number;
}

const num = (v: string | number | null | undefined) => Number(v ?? 0);

/**
 * The runs a query picks: uuid v7 ids make the started-at range an id range, so the
 * (flow_id, version, id) index finds them without reading other flows' or periods' runs.
 */
function pickedRuns(q: FlowAnalyticsQuery) {
  return sql`
    select id, status from runs
    where flow_id = ${q.flowId} and workspace_id = ${q.workspaceId}
      and ${q.version === undefined ? sql`version > 0` : sql`version = ${q.version}`}
      and id >= ${uuidV7Floor(new Date(q.from))} and id < ${uuidV7Floor(new Date(q.to))}
      and status <> 'skipped'`;
}

/**
 * Every step figure in one pass over the picked runs' steps: per node (entries, runs, time), per
 * port, the last step of each run with the run's status, and each run's set of visited nodes
 * grouped (for the funnels; runs share few distinct sets, so this stays small).
 */
function stepFigures(q: FlowAnalyticsQuery) {
  return sql`
    with picked as materialized (${pickedRuns(q)}),
    steps as materialized (
      select s.run_id, s.seq, s.node_id, s.node_type, s.port, s.entered_at, s.left_at
      from picked p cross join lateral (
        -- offset 0 keeps this a per-run probe of the (run_id, seq) key: flattened into a join,
        -- the planner hashes all of run_steps once the period holds ~10,000 runs (seconds at 1M).
        select * from run_steps where run_id = p.id offset 0
      ) s
    ),
    last_steps as (
      select distinct on (s.run_id) s.run_id, s.node_id, p.status
      from steps s join picked p on p.id = s.run_id
      order by s.run_id, s.seq desc
    ),
    visited as (
      select array_agg(distinct node_id order by node_id) as nodes from steps group by run_id
    )
    select 'node' as kind, node_id, min(node_type) as node_type, null as port, null as status,
      count(*) as n, count(distinct run_id) as runs,
      sum(extract(epoch from left_at - entered_at)) filter (where port is not null) as seconds,
      count(*) filter (where port is not null) as timed, null::text[] as nodes
    from steps group by node_id
    union all
    select 'port', node_id, null, port, null, count(*), null, null, null, null
    from steps where port is not null group by node_id, port
    union all
    select 'last', node_id, null, null, status, count(*), null, null, null, null
    from last_steps group by node_id, status
    union all
    select 'set', null, null, null, null, count(*), null, null, null, nodes
    from visited group by nodes
    union all
    select 'status', null, null, null, status, count(*), null, null, null, null
    from picked group by status`;
}

/**
 * Per sending node, what became of its outbound messages. `replied`: an inbound message on the
 * same run came after it (ids are uuid v7, so later is a larger id on the (run_id, id) index).
 */
function deliveryFigures(q: FlowAnalyticsQuery) {
  return sql`
    with picked as materialized (${pickedRuns(q)}),
    sent as (
      select m.id, m.run_id, m.node_id, m.status,
        exists (select 1 from email_events e where e.message_id = m.id and e.type = 'open' and not e.proxy) as opened
      from picked p cross join lateral (
        select * from messages where run_id = p.id and direction = 'outbound' and node_id is not null offset 0
      ) m
    )
    select node_id, count(*) as sent,
      count(*) filter (where status in ('delivered', 'read') or opened) as delivered,
      count(*) filter (where status = 'read' or opened) as read,
      count(*) filter (where status in ('failed', 'undelivered', 'expired', 'bounced')) as failed,
      count(*) filter (where exists (
        select 1 from messages r where r.run_id = sent.run_id and r.id > sent.id and r.direction = 'inbound'
      )) as replied
    from sent group by node_id`;
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
export async function flowAnalytics(db: Db, q: FlowAnalyticsQuery): Promise<FlowAnalytics> {
  const [rows, deliveries, graph] = await Promise.all([
    queryRows<StepRow>(db, stepFigures(q)),
    queryRows<DeliveryRow>(db, deliveryFigures(q)),
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
    } else {
      runs.total += n;
      if (row.status === 'completed') runs.completed += n;
      else if (row.status === 'abandoned') runs.abandoned += n;
      else if (row.status === 'failed') runs.failed += n;
      else if (row.status === 'cancelled') runs.cancelled += n;
      else runs.inProgress += n;
    }
  }
  for (const row of deliveries) {
    nodeOf(row.node_id).delivery = {
      sent: num(row.sent),
      delivered: num(row.delivered),
      read: num(row.read),
      replied: num(row.replied),
      failed: num(row.failed),
    };
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
