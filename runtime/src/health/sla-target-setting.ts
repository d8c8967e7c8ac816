import { z } from '@hono/zod-openapi';

/** The availability report's target, as a percentage (issue #17: 99.8 % unless the workspace says). */
export const slaTargetPercentSchema = z
  .number({ message: 'slaTargetPercent must be a percentage, e.g. 99.8' })
  .min(50, 'slaTargetPercent is at least 50 (%)')
  .max(100, 'slaTargetPercent is at most 100 (%)');
