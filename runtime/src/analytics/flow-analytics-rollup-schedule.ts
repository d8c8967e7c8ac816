import { ScheduleAlreadyRunning, type Client } from '@temporalio/client';

export const flowAnalyticsRollupScheduleId = 'omniflow-flow-analytics-rollup';

// The analytics read what the rollup has not taken yet live: every two minutes keeps that tail
// to a few minutes of runs, and a pass with nothing to do is two indexed queries.
const every = 2 * 60 * 1000;

/**
 * The Temporal schedule of the flow analytics rollup job, like the report schedules' sweep
 * (created once by a worker that keeps schedules; an existing one is left as it is). Missed passes
 * are not made up: the next one takes in everything that ended meanwhile.
 */
export async function ensureFlowAnalyticsRollupSchedule(
  temporal: Client,
  taskQueue: string,
  scheduleId = flowAnalyticsRollupScheduleId,
) {
  try {
    await temporal.schedule.create({
      scheduleId,
      spec: { intervals: [{ every }] },
      action: { type: 'startWorkflow', workflowType: 'flowAnalyticsRollup', taskQueue, args: [] },
      policies: { overlap: 'SKIP', catchupWindow: '1 minute' },
    });
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
  }
}
