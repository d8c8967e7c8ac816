import { Context } from '@temporalio/activity';
import type { Db } from '@omniflow/db';
import { rollUpFlowAnalytics, type FlowAnalyticsRollupResult } from './flow-analytics-rollup.ts';

// A pass stops starting batches after this, well inside the activity's timeout; the workflow
// starts another while work is left (a first roll-up of a big database takes several).
const passBudgetMs = 4 * 60_000;

/** The flow analytics rollup job's activity (flow-analytics-rollup.ts), heartbeating per batch. */
export function createFlowAnalyticsRollupActivities(db: Db) {
  return {
    async rollUpFlowAnalytics(): Promise<FlowAnalyticsRollupResult> {
      return rollUpFlowAnalytics(db, {
        budgetMs: passBudgetMs,
        onBatch: (done) => Context.current().heartbeat(done),
      });
    },
  };
}

export type FlowAnalyticsRollupActivities = ReturnType<typeof createFlowAnalyticsRollupActivities>;
