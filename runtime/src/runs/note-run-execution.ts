import { eq } from 'drizzle-orm';
import { runs, type Db } from '@omniflow/db';
import { emitWebhookEvents } from '../webhooks/emit-webhook-events.ts';
import { runStartedWebhookEvent } from '../webhooks/run-webhook-events.ts';

/**
 * Names the Temporal execution on the row of a run whose workflow started it from inside
 * Temporal (a subflow's child, a conversation's next run), and tells subscribers run.started, as
 * startFlowRun does for every other run. The event's key is the run id: done twice (a retried
 * activity), it is sent once.
 */
export async function noteRunExecution(db: Db, runId: string, temporalRunId: string): Promise<void> {
  const [run] = await db.update(runs).set({ temporalRunId }).where(eq(runs.id, runId)).returning({
    workspaceId: runs.workspaceId,
    flowId: runs.flowId,
    version: runs.version,
    contact: runs.contact,
    startedAt: runs.startedAt,
  });
  // A draft's test (version 0) tells no one.
  if (run && run.version > 0) await emitWebhookEvents(db, runStartedWebhookEvent({ runId, ...run }));
}
