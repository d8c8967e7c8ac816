import { eq } from 'drizzle-orm';
import { runs, type Db } from '@omniflow/db';
import { NodeError } from '@omniflow/nodes/sdk';

/** Whose a run is, and whether it is a test run of a draft (version 0). */
export async function runOwner(db: Db, runId: string): Promise<{ workspaceId: string; test: boolean }> {
  const [run] = await db
    .select({ workspaceId: runs.workspaceId, version: runs.version })
    .from(runs)
    .where(eq(runs.id, runId));
  if (!run) throw new NodeError('RUN_NOT_FOUND', `Run ${runId} is not recorded`, false);
  return { workspaceId: run.workspaceId, test: run.version === 0 };
}

/** The workspace a run belongs to: what every messaging activity scopes its rows by. */
export async function workspaceOfRun(db: Db, runId: string): Promise<string> {
  return (await runOwner(db, runId)).workspaceId;
}
