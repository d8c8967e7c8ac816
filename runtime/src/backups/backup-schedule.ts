import { ScheduleAlreadyRunning, type Client } from '@temporalio/client';

export const backupScheduleId = 'omniflow-backup';

const day = 24 * 60 * 60 * 1000;
// In milliseconds: the SDK's duration strings take one unit only ('3h', not '3h 47m').
const intervalOf = (everyDays: number) => ({ every: everyDays * day, offset: (3 * 60 + 47) * 60 * 1000 });

/**
 * The backup schedule: every `everyDays` days (weekly by default) at 03:47 UTC, off the hour and
 * after the 03:17 retention sweep. Created once; a later start with another interval updates it,
 * so changing OMNIFLOW_BACKUP_EVERY_DAYS takes effect at the next start of a worker.
 */
export async function ensureBackupSchedule(
  temporal: Client,
  taskQueue: string,
  options: { everyDays: number },
  scheduleId = backupScheduleId,
): Promise<void> {
  const interval = intervalOf(options.everyDays);
  try {
    await temporal.schedule.create({
      scheduleId,
      spec: { intervals: [interval] },
      action: { type: 'startWorkflow', workflowType: 'scheduledBackup', taskQueue, args: [] },
      // A backup still running when the next is due is enough; a missed one runs when the
      // worker is back, within a day.
      policies: { overlap: 'SKIP', catchupWindow: '1 day' },
    });
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
    const handle = temporal.schedule.getHandle(scheduleId);
    const described = await handle.describe();
    const current = described.spec.intervals?.[0]?.every;
    if (current !== interval.every)
      await handle.update((previous) => ({ ...previous, spec: { intervals: [interval] } }));
  }
}
