import { ScheduleAlreadyRunning, type Client } from '@temporalio/client';

export const reportScheduleTimerId = 'omniflow-report-schedules';

// Sends go out within five minutes of their hour; the sweep itself is one indexed query.
const every = 5 * 60 * 1000;

/**
 * The Temporal schedule that sweeps report schedules for what is due, like the backups' (created
 * once by a worker that keeps schedules; an existing one is left as it is).
 */
export async function ensureReportScheduleTimer(
  temporal: Client,
  taskQueue: string,
  scheduleId = reportScheduleTimerId,
) {
  try {
    await temporal.schedule.create({
      scheduleId,
      spec: { intervals: [{ every }] },
      action: { type: 'startWorkflow', workflowType: 'scheduledReports', taskQueue, args: [] },
      policies: { overlap: 'SKIP', catchupWindow: '1 hour' },
    });
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
  }
}
