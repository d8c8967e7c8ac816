/** Attempts at a report delivery before it stays failed, and the default wait between them. */
export const reportDeliveryAttempts = 3;
export const defaultReportRetryMs = 5 * 60_000;
