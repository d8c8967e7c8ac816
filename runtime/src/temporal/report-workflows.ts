import { proxyActivities, sleep, startChild, ParentClosePolicy } from '@temporalio/workflow';
import type { ReportScheduleActivities } from '../reports/report-delivery.ts';
import { defaultReportRetryMs, reportDeliveryAttempts } from '../reports/report-retry.ts';

const activities = proxyActivities<ReportScheduleActivities>({
  // A 10,000-row PDF takes seconds; the report's own queries stay under a second.
  startToCloseTimeout: '10m',
  // For the database or the worker going away; a refused mail is a failed outcome, retried below.
  retry: { initialInterval: '10s', maximumAttempts: 3 },
});

/**
 * One delivery of a scheduled report: tried up to three times, `retryAfterMs` apart (an SMTP
 * server refusing for a while, the channel being set up), each attempt recorded on the row.
 */
export async function sendScheduledReport(
  deliveryId: string,
  retryAfterMs = defaultReportRetryMs,
): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const outcome = await activities.deliverReport(deliveryId);
    if (outcome.status === 'sent' || attempt >= reportDeliveryAttempts) return outcome.status;
    await sleep(retryAfterMs);
  }
}

/** Started every few minutes by the `omniflow-report-schedules` schedule: sends what is due. */
export async function scheduledReports(retryAfterMs = defaultReportRetryMs): Promise<number> {
  const deliveries = await activities.claimDueReports();
  for (const deliveryId of deliveries)
    await startChild(sendScheduledReport, {
      workflowId: `report-delivery-${deliveryId}`,
      args: [deliveryId, retryAfterMs],
      // Each delivery goes on (retries included) after this sweep ends.
      parentClosePolicy: ParentClosePolicy.ABANDON,
    });
  return deliveries.length;
}
