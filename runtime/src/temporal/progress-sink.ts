import type { InjectedSinks } from '@temporalio/worker';
import { eq, sql } from 'drizzle-orm';
import { newId, runSteps, runs, type Db } from '@omniflow/db';
import type { RunProgress } from './run-progress.ts';
import type { ProgressSinks } from './workflow-api.ts';

/** Upserts the steps and updates the run: applying the same progress twice changes nothing. */
export async function writeProgress(db: Db, progress: RunProgress): Promise<void> {
  if (progress.steps.length > 0) {
    await db
      .insert(runSteps)
      .values(
        progress.steps.map((step) => ({
          id: newId(),
          workspaceId: progress.workspaceId,
          runId: progress.runId,
          seq: step.seq,
          nodeId: step.nodeId,
          nodeType: step.nodeType,
          enteredAt: new Date(step.enteredAt),
          leftAt: step.leftAt ? new Date(step.leftAt) : null,
          port: step.port ?? null,
          input: step.input ?? null,
          output: step.output ?? null,
          error: step.error ?? null,
        })),
      )
      .onConflictDoUpdate({
        target: [runSteps.runId, runSteps.seq],
        set: {
          leftAt: sql`excluded.left_at`,
          port: sql`excluded.port`,
          input: sql`excluded.input`,
          output: sql`excluded.output`,
          error: sql`excluded.error`,
        },
      });
  }
  await db
    .update(runs)
    .set({
      status: progress.status,
      currentNodes: progress.currentNodes,
      updatedAt: new Date(),
      ...(progress.output !== undefined ? { output: progress.output } : {}),
      ...(progress.error ? { error: progress.error } : {}),
      ...(progress.ended ? { endedAt: new Date() } : {}),
    })
    .where(eq(runs.id, progress.runId));
}

const isMissingRun = (error: unknown) =>
  // 23503 foreign_key_violation: the run row is gone (its flow was deleted); nothing to record into.
  [error, (error as { cause?: unknown })?.cause].some(
    (e) => (e as { code?: string } | undefined)?.code === '23503',
  );

/**
 * The sink through which workflows record progress (DESIGN.md §6 allows an activity or a sink;
 * a sink costs no extra workflow task, which is most of a short run's cost).
 *
 * Why nothing is lost: the SDK awaits sink functions before it reports the workflow task, so
 * history never moves past a progress record that is not yet in the database. This function
 * therefore retries until the write succeeds, never throws (a thrown error would be logged and
 * the task reported anyway), and keeps each run's writes in order. A worker that dies mid-write
 * never reports the task; the next worker runs it again and writes the same rows.
 */
export function createProgressSinks(
  db: Db,
  log: (message: string) => void = (m) => console.warn(m),
): InjectedSinks<ProgressSinks> {
  const queues = new Map<string, Promise<void>>();
  async function writeUntilDone(progress: RunProgress) {
    for (let attempt = 1; ; attempt++) {
      try {
        return await writeProgress(db, progress);
      } catch (error) {
        if (isMissingRun(error)) return;
        const delay = Math.min(5000, 100 * 2 ** attempt);
        log(
          `Recording progress of run ${progress.runId} failed (attempt ${attempt}, retrying in ${delay} ms): ${String(error)}`,
        );
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }
  return {
    progress: {
      record: {
        fn: (_info, progress) => {
          const previous = queues.get(progress.runId) ?? Promise.resolve();
          const next = previous.then(() => writeUntilDone(progress));
          queues.set(progress.runId, next);
          return next.finally(() => {
            if (queues.get(progress.runId) === next) queues.delete(progress.runId);
          });
        },
        // Replayed tasks were reported before, so their records are already written.
        callDuringReplay: false,
      },
    },
  };
}
