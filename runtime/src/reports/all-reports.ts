import { availabilityReport } from './availability-report.ts';
import { flowAnalyticsReport } from './flow-analytics-report.ts';
import { liveDashboardReport } from './live-dashboard-report.ts';
import type { ReportDefinition } from './report-registry.ts';

/** Every report `GET /api/v1/reports/{name}` and the scheduled e-mails can produce: one line each. */
export const allReports: ReportDefinition[] = [
  availabilityReport(),
  flowAnalyticsReport,
  liveDashboardReport(),
];
