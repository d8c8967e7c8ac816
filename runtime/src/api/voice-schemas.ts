import { z } from '@hono/zod-openapi';
import { hangupSides } from '@omniflow/db';
import type { CallRecordRow } from '../recordings/record-call.ts';
import type { RecordingRow } from '../recordings/save-recording.ts';
import { boundedDateTime } from '../limits/bounded-fields.ts';

/** Filters shared by `GET /recordings` and `GET /calls`. */
export const voiceFilterSchema = z.object({
  number: z
    .string()
    .trim()
    .min(1)
    .max(320)
    .optional()
    .openapi({ description: 'The caller or the called number' }),
  from: boundedDateTime('from').optional(),
  to: boundedDateTime('to').optional(),
  flowId: z.uuid({ message: 'flowId must be a flow id' }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().optional(),
});

/** `GET /recordings` also narrows to one call's recordings. */
export const recordingFilterSchema = voiceFilterSchema.extend({
  callRecordId: z.uuid({ message: 'callRecordId must be a call record id' }).optional(),
});

/** What `GET /recordings/count` counts: a list filter without its paging. */
export const recordingCountFilterSchema = recordingFilterSchema.omit({ limit: true, cursor: true });

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** `GET /calls/volume`: the calls filter without paging, counted per day or hour. */
export const callVolumeFilterSchema = voiceFilterSchema.omit({ limit: true, cursor: true }).extend({
  bucket: z.enum(['day', 'hour'], { message: 'bucket must be day or hour' }).default('day'),
  tz: z
    .string()
    .default('UTC')
    .refine(isTimeZone, { message: 'tz must be an IANA time zone such as Europe/Madrid' })
    .openapi({ description: 'Days and hours are counted in this time zone (default UTC)' }),
});

export const callVolumeSchema = z
  .object({
    bucket: z.enum(['day', 'hour']),
    timeZone: z.string(),
    items: z.array(
      z.object({
        period: z
          .string()
          .openapi({ description: 'Local start of the day or hour: 2031-05-05 or 2031-05-05T09:00' }),
        total: z.number(),
        answered: z.number().openapi({ description: 'Answered and not ended by the caller' }),
        abandoned: z.number().openapi({ description: 'The caller hung up (before or after the answer)' }),
      }),
    ),
  })
  .openapi('CallVolume');

export const recordingSchema = z
  .object({
    id: z.string(),
    callRecordId: z.string().nullable(),
    runId: z.string().nullable(),
    flowId: z.string().nullable(),
    nodeId: z.string().nullable(),
    from: z.string(),
    to: z.string(),
    contentType: z.string(),
    bytes: z.number(),
    durationMs: z.number(),
    createdAt: z.string(),
    audioUrl: z
      .string()
      .openapi({ description: 'Play it (Range requests work); add ?download=1 to save it' }),
  })
  .openapi('Recording');

export const callRecordSchema = z
  .object({
    id: z.string(),
    callId: z.string(),
    driver: z.string(),
    runId: z.string().nullable(),
    flowId: z.string().nullable(),
    from: z.string(),
    to: z.string(),
    startedAt: z.string(),
    answeredAt: z.string().nullable(),
    endedAt: z.string().nullable(),
    durationMs: z.number().nullable(),
    path: z.array(z.string()),
    digits: z.array(
      z.object({
        nodeId: z.string(),
        digits: z.string(),
        at: z
          .string()
          .optional()
          .openapi({ description: 'When the digits came, where the driver records it' }),
      }),
    ),
    hangupSide: z.enum(hangupSides).nullable(),
  })
  .openapi('CallRecord');

export const usageSchema = z
  .object({
    store: z.string(),
    bytes: z.number(),
    quotaBytes: z.number(),
    percent: z.number(),
    warning: z.boolean().openapi({ description: 'At or past 80 % of the quota' }),
    full: z.boolean().openapi({ description: 'New recordings are refused' }),
    count: z.number(),
  })
  .openapi('RecordingsUsage');

export function recordingView(row: RecordingRow): z.infer<typeof recordingSchema> {
  return {
    id: row.id,
    callRecordId: row.callRecordId,
    runId: row.runId,
    flowId: row.flowId,
    nodeId: row.nodeId,
    from: row.fromNumber,
    to: row.toNumber,
    contentType: row.contentType,
    bytes: row.bytes,
    durationMs: row.durationMs,
    createdAt: row.createdAt.toISOString(),
    audioUrl: `/api/v1/recordings/${row.id}/audio`,
  };
}

export function callRecordView(row: CallRecordRow): z.infer<typeof callRecordSchema> {
  return {
    id: row.id,
    callId: row.callId,
    driver: row.driver,
    runId: row.runId,
    flowId: row.flowId,
    from: row.fromNumber,
    to: row.toNumber,
    startedAt: row.startedAt.toISOString(),
    answeredAt: row.answeredAt?.toISOString() ?? null,
    endedAt: row.endedAt?.toISOString() ?? null,
    durationMs: row.durationMs,
    path: row.path,
    digits: row.digits,
    hangupSide: row.hangupSide,
  };
}
