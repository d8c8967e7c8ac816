import { availabilityReport } from './availability-report.ts';
import { flowAnalyticsReport } from './flow-analytics-report.ts';
import { liveDashboardReport } from './live-dashboard-report.ts';
import type { ReportDefinition } from './report-registry.ts';
import { callTrafficReport } from './call-traffic-report.ts';
import { ivrReport } from './ivr-report.ts';
import { outboundMessagesReport } from './outbound-messages-report.ts';
import { emailReport } from './email-report.ts';
import { interactionsReport } from './interactions-report.ts';
import { quotaConsumptionReport } from './quota-consumption-report.ts';

/** Every report `GET /api/v1/reports/{name}` and the scheduled e-mails can produce: one line each. */
// The historical reports first: the Reports page opens on the first one.
export const allReports: ReportDefinition[] = [
  callTrafficReport,
  ivrReport,
  outboundMessagesReport,
  emailReport,
  interactionsReport,
  quotaConsumptionReport,
  availabilityReport(),
  flowAnalyticsReport,
  liveDashboardReport(),
];
