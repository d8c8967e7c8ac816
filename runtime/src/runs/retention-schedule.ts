import { ScheduleAlreadyRunning, type Client } from '@temporalio/client';

export const retentionScheduleId = 'omniflow-retention';

/** Creates the daily retention schedule once; later starts find it and leave it as it is. */
export async function ensureRetentionSchedule(
  temporal: Client,
  taskQueue: string,
  scheduleId = retentionScheduleId,
): Promise<void> {
  try {
    await temporal.schedule.create({
      scheduleId,
      // 03:17 UTC: off the hour, when most contact centres are quiet.
      spec: { calendars: [{ hour: 3, minute: 17 }] },
      action: { type: 'startWorkflow', workflowType: 'retentionSweep', taskQueue, args: [] },
      policies: { overlap: 'SKIP', catchupWindow: '1 day' },
    });
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
  }
}
