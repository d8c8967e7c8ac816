import { z } from '@hono/zod-openapi';
import { boundedDateTime, boundedQueryInt } from '../limits/bounded-fields.ts';
import type { ReportLanguage } from './report-document.ts';
import type { ReportFilters } from './report-registry.ts';

export const reportBuckets = ['minute', 'hour', 'day', 'week', 'month'] as const;
export type ReportBucket = (typeof reportBuckets)[number];
export const reportFormats = ['json', 'csv', 'xlsx', 'pdf'] as const;
export type ReportFormat = (typeof reportFormats)[number];
export const reportChannels = ['voice', 'sms', 'whatsapp', 'email', 'webchat'] as const;

/** A year and a day: last year against this one, with room for the leap day. */
export const maxReportSpanDays = 367;
/**
 * More points than a chart can show or a person can read: a day of minutes fits, as do two months
 * of hours and four years of days.
 */
export const maxReportBuckets = 1500;
/** Without `from`: the last 30 days, by day. */
const defaultSpanDays = 30;

const dayMs = 86_400_000;
const approximateBucketMs: Record<ReportBucket, number> = {
  minute: 60_000,
  hour: 3_600_000,
  day: dayMs,
  week: 7 * dayMs,
  // The shortest month: the count is an upper bound, so a year by month is never refused.
  month: 28 * dayMs,
};

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The query string of `GET /reports/{name}`: every filter a report may use, and the format. */
export const reportQuerySchema = z.object({
  from: boundedDateTime('from').optional().openapi({
    description: 'Start of the period, inclusive (ISO-8601 with offset); default: 30 days before `to`',
    example: '2026-11-01T00:00:00-05:00',
  }),
  to: boundedDateTime('to').optional().openapi({
    description: 'End of the period, exclusive; default: now',
    example: '2026-12-01T00:00:00-05:00',
  }),
  bucket: z
    .enum(reportBuckets, { message: 'bucket must be minute, hour, day, week or month' })
    .default('day')
    .openapi({ description: 'Rows and chart points per minute, hour, day, week (from Monday) or month' }),
  timezone: z
    .string()
    .max(100)
    .refine(isTimeZone, { message: 'timezone must be an IANA time zone such as America/Lima' })
    .optional()
    .openapi({ description: 'IANA zone the buckets are cut in; default: the workspace’s (UTC if unset)' }),
  channel: z
    .enum(reportChannels, { message: 'channel must be voice, sms, whatsapp, email or webchat' })
    .optional(),
  flowId: z.uuid({ message: 'flowId must be a flow id' }).optional(),
  flowVersion: boundedQueryInt('flowVersion').optional(),
  queue: z.string().trim().min(1).max(100).optional().openapi({ description: 'An agent queue’s name' }),
  campaignId: z.uuid({ message: 'campaignId must be a campaign id' }).optional(),
  agentId: z
    .string()
    .trim()
    .min(1)
    .max(320)
    .optional()
    .openapi({ description: 'The agent who answered (the address the queue rang, e.g. sip:ana@pbx)' }),
  language: z.enum(['es', 'en'], { message: 'language must be es or en' }).optional().openapi({
    description: 'The language of titles and labels; default: Accept-Language (a download link sets it)',
  }),
  format: z
    .enum(reportFormats, { message: 'format must be json, csv, xlsx or pdf' })
    .default('json')
    .openapi({ description: 'json (the document), csv (one section per table), xlsx or pdf' }),
});
export type ReportQuery = z.infer<typeof reportQuerySchema>;

const refusals = {
  order: {
    en: () => '`from` must be before `to`: swap them or pick another period',
    es: () => '`from` debe ser anterior a `to`: inviértelos o elige otro periodo',
  },
  span: {
    en: () => `The period is longer than ${maxReportSpanDays} days: pick a shorter one`,
    es: () => `El periodo dura más de ${maxReportSpanDays} días: elige uno más corto`,
  },
  buckets: {
    en: (n: number) =>
      `That period gives ${n} buckets, more than ${maxReportBuckets} rows: pick a larger bucket (hour, day, week, month) or a shorter period`,
    es: (n: number) =>
      `Ese periodo da ${n} intervalos, más de ${maxReportBuckets} filas: elige un intervalo mayor (hora, día, semana, mes) o un periodo más corto`,
  },
} as const;

/** Filters a report cannot answer: refused with 400 and the reason in the reader's language. */
export class ReportFilterError extends Error {
  constructor(
    readonly field: 'from' | 'bucket' | 'flowId',
    message: string,
  ) {
    super(message);
  }
}

/**
 * The query's filters with their defaults, checked together: `from` before `to`, at most a year
 * and a day, and not more buckets than a chart can draw.
 */
export function resolveReportFilters(
  query: Omit<ReportQuery, 'format' | 'language'>,
  workspaceTimezone: string | null,
  language: ReportLanguage,
  now = new Date(),
): ReportFilters {
  const to = query.to ? new Date(query.to) : now;
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - defaultSpanDays * dayMs);
  if (from.getTime() >= to.getTime()) throw new ReportFilterError('from', refusals.order[language]());
  const span = to.getTime() - from.getTime();
  if (span > maxReportSpanDays * dayMs) throw new ReportFilterError('from', refusals.span[language]());
  const buckets = Math.ceil(span / approximateBucketMs[query.bucket]);
  if (buckets > maxReportBuckets) throw new ReportFilterError('bucket', refusals.buckets[language](buckets));
  const timezone =
    query.timezone ?? (workspaceTimezone && isTimeZone(workspaceTimezone) ? workspaceTimezone : 'UTC');
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    bucket: query.bucket,
    timezone,
    ...(query.channel ? { channel: query.channel } : {}),
    ...(query.flowId ? { flowId: query.flowId } : {}),
    ...(query.flowVersion !== undefined ? { flowVersion: query.flowVersion } : {}),
    ...(query.queue ? { queue: query.queue } : {}),
    ...(query.campaignId ? { campaignId: query.campaignId } : {}),
    ...(query.agentId ? { agentId: query.agentId } : {}),
  };
}
