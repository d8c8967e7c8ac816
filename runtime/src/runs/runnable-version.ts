import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@omniflow/db';
import type { StartFlowRunDeps, FlowRunStart } from './start-flow-run.ts';

export type RunnableVersion = FlowRunStart['version'];

export type RunnableVersionLookup =
  | { found: RunnableVersion }
  | { missing: 'flow' }
  | { missing: 'published'; flowId: string }
  | { missing: 'version'; flowId: string; version: number };

/** Published machines by version id: a published version never changes, so it is read once. */
const machines = new WeakMap<Db, Map<string, unknown>>();
const machineCacheSize = 500;

async function machineOf(db: Db, versionId: string): Promise<unknown> {
  let cache = machines.get(db);
  if (!cache) machines.set(db, (cache = new Map()));
  const cached = cache.get(versionId);
  if (cached !== undefined) {
    // Map order is insertion order: re-inserting keeps the most used at the end.
    cache.delete(versionId);
    cache.set(versionId, cached);
    return cached;
  }
  const [row] = await queryRows<{ machine: unknown }>(
    db,
    sql`select machine from flow_versions where id = ${versionId}`,
  );
  if (!row) throw new Error(`Flow version ${versionId} is gone`);
  cache.set(versionId, row.machine);
  if (cache.size > machineCacheSize) cache.delete(cache.keys().next().value!);
  return row.machine;
}

/**
 * The published version a run of a workspace's flow starts on (the latest unless one is named),
 * in one narrow statement: a start is on every webhook and API call's path, and reading the
 * flow's whole draft and the version's document there cost more than the start itself.
 */
export async function findRunnableVersion(
  db: StartFlowRunDeps['db'],
  workspaceId: string,
  flowId: string,
  version?: number,
): Promise<RunnableVersionLookup> {
  const [row] = await queryRows<{ latest: number | null; id: string | null; version: number | null }>(
    db,
    sql`select f.latest_version as latest, v.id, v.version
      from flows f
      left join flow_versions v on v.flow_id = f.id and v.kind = 'published'
        and v.version = coalesce(${version ?? null}::int, f.latest_version)
      where f.id = ${flowId} and f.workspace_id = ${workspaceId}`,
  );
  if (!row) return { missing: 'flow' };
  if (version === undefined && row.latest === null) return { missing: 'published', flowId };
  if (!row.id || row.version === null) return { missing: 'version', flowId, version: version ?? row.latest! };
  return { found: { id: row.id, flowId, version: row.version, machine: await machineOf(db, row.id) } };
}
