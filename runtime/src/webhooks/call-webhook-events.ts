import type { CallRecordRow } from '../recordings/record-call.ts';
import type { WebhookEvent } from './emit-webhook-events.ts';

/**
 * call.started when a call's record is first written, call.ended once it has an end: a record
 * written again (a retried activity, the path added after the end) is the same event.
 */
export function callWebhookEvent(row: CallRecordRow): WebhookEvent[] {
  const { endedAt } = row;
  const data = {
    callId: row.id,
    from: row.fromNumber,
    to: row.toNumber,
    ...(row.runId ? { runId: row.runId } : {}),
    ...(row.flowId ? { flowId: row.flowId } : {}),
    startedAt: row.startedAt.toISOString(),
    ...(row.answeredAt ? { answeredAt: row.answeredAt.toISOString() } : {}),
  };
  if (!endedAt)
    return [{ workspaceId: row.workspaceId, type: 'call.started', key: row.id, at: row.startedAt, data }];
  return [
    {
      workspaceId: row.workspaceId,
      type: 'call.ended',
      key: row.id,
      at: endedAt,
      data: {
        ...data,
        endedAt: endedAt.toISOString(),
        durationMs: row.durationMs,
        hangupSide: row.hangupSide,
      },
    },
  ];
}
