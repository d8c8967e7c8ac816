import { benchApp } from './bench-app.ts';
import { Client, Connection } from '@temporalio/client';
import { sql } from 'drizzle-orm';
import { flowVersions, flows, newId, queryRows, type Db } from '@omniflow/db';
import { progressBar } from '../src/cli/progress-bar.ts';
import { median } from './median.ts';

const flowCount = 20;
const spanMs = 30 * 24 * 3600 * 1000;

/**
 * Inserts runs `from`…`to` in SQL, spread over 30 days: 90% completed, 5% failed at node
 * `call`, 3% waiting at `ask`, 2% cancelled, each with a contact. Ids are uuid v7 of their start.
 */
async function seedRuns(
  db: Db,
  workspaceId: string,
  versions: { flowId: string; id: string }[],
  from: number,
  to: number,
) {
  const flowIds = `{${versions.map((v) => v.flowId).join(',')}}`;
  const versionIds = `{${versions.map((v) => v.id).join(',')}}`;
  await db.execute(sql`
    insert into runs (id, workspace_id, flow_id, flow_version_id, version, status, current_nodes,
      failed_node_id, contact, input, temporal_workflow_id, started_at, updated_at, ended_at)
    select
      (lpad(to_hex(t.ms), 12, '0') || '7' || substr(h, 1, 3) || '8' || substr(h, 4, 15))::uuid,
      ${workspaceId}::uuid,
      (${flowIds}::uuid[])[1 + i % ${flowCount}],
      (${versionIds}::uuid[])[1 + i % ${flowCount}],
      1,
      s.status,
      case when s.status = 'waiting' then '["ask"]'::jsonb else '[]'::jsonb end,
      case when s.status = 'failed' then 'call' end,
      '+34600' || lpad(i::text, 7, '0'),
      jsonb_build_object('phone', '+34600' || lpad(i::text, 7, '0')),
      i::text,
      to_timestamp(t.ms / 1000.0),
      to_timestamp(t.ms / 1000.0),
      case when s.status in ('completed', 'failed', 'cancelled') then to_timestamp(t.ms / 1000.0 + 5) end
    from generate_series(${from}::int, ${to - 1}::int) as i,
      lateral (select md5(i::text) as h) as m,
      lateral (select (extract(epoch from now()) * 1000)::bigint - ${spanMs}::bigint
        + (i::bigint * ${spanMs / 1_000_000}::bigint) as ms) as t,
      lateral (select case
        when i % 100 < 90 then 'completed' when i % 100 < 95 then 'failed'
        when i % 100 < 98 then 'waiting' else 'cancelled' end as status) as s`);
}

export interface RunsListFigures {
  scale: number;
  small: number;
  queries: { name: string; smallMs: number; largeMs: number }[];
}

/**
 * Runs-list pages through the real API over PGlite, at 10,000 runs and again at 1,000,000: the
 * same queries, same process; the ratio says whether pages stay fast as the table grows.
 */
export async function runsListBenchmark(
  temporalAddress: string,
  scale = 1_000_000,
): Promise<RunsListFigures> {
  const small = 10_000;
  const connection = await Connection.connect({ address: temporalAddress });
  const { handle, workspace, key, app } = await benchApp(new Client({ connection }));
  const versions: { flowId: string; id: string }[] = [];
  for (let f = 0; f < flowCount; f++) {
    const flowId = newId();
    const id = newId();
    const draft = { schemaVersion: 1, name: `Flow ${f}`, nodes: [], edges: [] };
    await handle.db
      .insert(flows)
      .values({ id: flowId, workspaceId: workspace.id, name: `Flow ${f}`, draft, latestVersion: 1 });
    await handle.db.insert(flowVersions).values({
      id,
      workspaceId: workspace.id,
      flowId,
      version: 1,
      graph: draft,
      machine: {},
      hash: 'bench',
    });
    versions.push({ flowId, id });
  }
  const get = async (path: string) => {
    const started = performance.now();
    const response = await app.request(`/api/v1${path}`, { headers: { authorization: `Bearer ${key}` } });
    if (response.status !== 200)
      throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
    const body = (await response.json()) as { items?: { id: string }[]; nextCursor?: string | null };
    return { ms: performance.now() - started, body };
  };
  const flowId = versions[3]!.flowId;
  const day = new Date(Date.now() - 10 * 24 * 3600 * 1000);
  const queries: [string, () => string][] = [
    ['newest page, all flows', () => '/runs?limit=50'],
    ['a page deep in the list (cursor)', () => `/runs?limit=50&cursor=${midCursor}`],
    ['failed runs, all flows', () => '/runs?status=failed&limit=50'],
    [
      'one flow, waiting at a node',
      () => `/runs?flowId=${flowId}&status=waiting,running&nodeId=ask&limit=50`,
    ],
    ['by contact', () => `/runs?contact=${encodeURIComponent(`+34600${String(4321).padStart(7, '0')}`)}`],
    [
      'one day, one flow',
      () =>
        `/runs?flowId=${flowId}&from=${day.toISOString()}&to=${new Date(day.getTime() + 86_400_000).toISOString()}&limit=50`,
    ],
    ['live counts, one flow', () => `/runs/counts?flowId=${flowId}`],
  ];
  let midCursor = '';
  const measure = async (count: number) => {
    // A cursor half-way down the list, found outside the timing (OFFSET is what cursors avoid).
    const [mid] = await queryRows<{ id: string }>(
      handle.db,
      sql`select id from runs order by id desc offset ${Math.floor(count / 2)} limit 1`,
    );
    midCursor = Buffer.from(mid!.id).toString('base64url');
    const figures: number[] = [];
    for (const [, path] of queries) {
      const times: number[] = [];
      for (let i = 0; i < 15; i++) times.push((await get(path())).ms);
      figures.push(median(times.slice(3)));
    }
    return figures;
  };

  await seedRuns(handle.db, workspace.id, versions, 0, small);
  await handle.db.execute(sql`analyze runs`);
  const smallFigures = await measure(small);
  const bar = progressBar(`Seeding ${scale.toLocaleString('en')} runs`, scale);
  bar.update(small);
  for (let from = small; from < scale; from += 50_000) {
    await seedRuns(handle.db, workspace.id, versions, from, Math.min(scale, from + 50_000));
    bar.update(Math.min(scale, from + 50_000));
  }
  bar.done();
  await handle.db.execute(sql`analyze runs`);
  const largeFigures = await measure(scale);
  await connection.close();
  await handle.close();
  return {
    scale,
    small,
    queries: queries.map(([name], i) => ({ name, smallMs: smallFigures[i]!, largeMs: largeFigures[i]! })),
  };
}
