import { z } from '@hono/zod-openapi';

/**
 * How long a workspace keeps its audit log. At least 30 days, so a slip in the settings cannot
 * erase last month's proof at the next sweep; at most 10 years, past any archive law we know of.
 */
export const auditRetentionDaysSchema = z
  .number({ message: 'auditRetentionDays must be a number of days' })
  .int()
  .min(30, 'Keep the audit log at least 30 days')
  .max(3650, 'Keep the audit log at most 3650 days (10 years)');
