import type { InjectedSinks } from '@temporalio/worker';
import type { Db } from '@omniflow/db';
import { createProgressWriter } from './progress-writer.ts';
import type { ProgressSinks } from './workflow-api.ts';

/**
 * The sink through which workflows record progress (DESIGN.md §6 allows an activity or a sink;
 * a sink costs no extra workflow task, which is most of a short run's cost).
 *
 * Why nothing is lost: the SDK awaits sink functions before it reports the workflow task, so
 * history never moves past a progress record that is not in the database yet. The writer
 * retries until the write succeeds and never throws (a thrown error would be logged and the
 * task reported anyway). A worker that dies mid-write never reports the task; the next worker
 * runs it again and writes the same rows, which the (run_id, seq) key makes harmless.
 */
export function createProgressSinks(db: Db): InjectedSinks<ProgressSinks> {
  const writer = createProgressWriter(db);
  return {
    progress: {
      record: {
        fn: (_info, progress) => writer.write(progress),
        // Replayed tasks were reported before, so their records are already written.
        callDuringReplay: false,
      },
    },
  };
}
