import { proxyActivities } from '@temporalio/workflow';
import type { OperationActivities } from '../runs/bulk-activities.ts';

const activities = proxyActivities<OperationActivities>({
  startToCloseTimeout: '15m',
  heartbeatTimeout: '2m',
  retry: { initialInterval: '1s', maximumInterval: '1m' },
});

/** One bulk action (cancel, re-run, retry) over the runs its job lists, chunk by chunk. */
export async function bulkRuns(jobId: string): Promise<void> {
  while (!(await activities.runBulkChunk(jobId))) {
    // Each chunk records its progress; the loop is short because chunks are large.
  }
  await activities.finishBulkJob(jobId);
}

/** Started daily by the `omniflow-retention` schedule. */
export async function retentionSweep(): Promise<number> {
  const compacted = await activities.compactExpiredRuns();
  await activities.purgeExpiredAudit();
  return compacted;
}
