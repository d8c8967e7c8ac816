import { eq } from 'drizzle-orm';
import { runs, type Db } from '@omniflow/db';
import { NodeError } from '@omniflow/nodes/sdk';

/** The workspace a run belongs to: what every messaging activity scopes its rows by. */
export async function workspaceOfRun(db: Db, runId: string): Promise<string> {
  const [run] = await db.select({ workspaceId: runs.workspaceId }).from(runs).where(eq(runs.id, runId));
  if (!run) throw new NodeError('RUN_NOT_FOUND', `Run ${runId} is not recorded`, false);
  return run.workspaceId;
}
