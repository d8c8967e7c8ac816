import { z } from '@hono/zod-openapi';
import { hangupSides } from '@omniflow/db';
import type { CallRecordRow } from '../recordings/record-call.ts';
import type { RecordingRow } from '../recordings/save-recording.ts';

/** Filters shared by `GET /recordings` and `GET /calls`. */
export const voiceFilterSchema = z.object({
  number: z
    .string()
    .trim()
    .min(1)
    .max(320)
    .optional()
    .openapi({ description: 'The caller or the called number' }),
  from: z.iso.datetime({ offset: true, message: 'from must be an ISO date-time' }).optional(),
  to: z.iso.datetime({ offset: true, message: 'to must be an ISO date-time' }).optional(),
  flowId: z.uuid({ message: 'flowId must be a flow id' }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().optional(),
});

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
    digits: z.array(z.object({ nodeId: z.string(), digits: z.string(), at: z.string().optional() })),
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
