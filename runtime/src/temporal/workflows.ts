// The workflows a worker runs (its `workflowsPath`). flowRun's parts live in ./workflows/.
export { flowRun } from './workflows/flow-run.ts';
export { eventSignal, sendEventUpdate, skipWaitUpdate, stateQuery } from './workflow-api.ts';
export { bulkRuns, retentionSweep } from './operations-workflows.ts';
export { transactionalSend } from './transactional-workflows.ts';
export { campaignRun } from './campaign-workflows.ts';
export { scheduledBackup } from './backup-workflows.ts';
export { scheduledReports, sendScheduledReport } from './report-workflows.ts';
export { flowAnalyticsRollup } from './flow-analytics-workflows.ts';
