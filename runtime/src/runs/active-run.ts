import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { runs, type Db } from '@omniflow/db';

/**
 * The run going on in a conversation's workflow, if any. Only a row whose start is noted counts:
 * one without it may have no workflow (see reconcile-run-starts.ts).
 */
export async function activeRunOfWorkflow(db: Db, workflowId: string): Promise<string | undefined> {
  const [run] = await db
    .select({ id: runs.id })
    .from(runs)
    .where(
      and(
        eq(runs.temporalWorkflowId, workflowId),
        inArray(runs.status, ['running', 'waiting']),
        isNotNull(runs.temporalRunId),
      ),
    );
  return run?.id;
}
