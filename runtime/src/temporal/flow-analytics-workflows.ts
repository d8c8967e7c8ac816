import { proxyActivities } from '@temporalio/workflow';
import type { FlowAnalyticsRollupActivities } from '../analytics/flow-analytics-rollup-activities.ts';

const activities = proxyActivities<FlowAnalyticsRollupActivities>({
  // A pass stops starting batches after 4 minutes; one batch of 5,000 runs takes seconds.
  startToCloseTimeout: '10m',
  heartbeatTimeout: '2m',
  retry: { initialInterval: '10s', maximumInterval: '2m' },
});

/**
 * Started every two minutes by the `omniflow-flow-analytics-rollup` schedule: rolls up what ended
 * since, pass after pass while work is left (each pass is its own transactions, so a retried one
 * counts nothing twice).
 */
export async function flowAnalyticsRollup(): Promise<number> {
  let runs = 0;
  for (;;) {
    const pass = await activities.rollUpFlowAnalytics();
    runs += pass.runs;
    if (!pass.more) return runs;
  }
}
