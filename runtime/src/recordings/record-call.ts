import { callRecords, newId, type CallDigits, type Db } from '@omniflow/db';
import type { HangupSide } from '@omniflow/nodes/drivers/voice';
import { normalizeContact } from '../runs/run-filter.ts';
import { emitWebhookEvents } from '../webhooks/emit-webhook-events.ts';
import { callWebhookEvent } from '../webhooks/call-webhook-events.ts';

export type CallRecordRow = typeof callRecords.$inferSelect;

export interface CallRecordInput {
  workspaceId: string;
  /** The driver's id for the call (SIP Call-ID, provider sid): one record per call. */
  callId: string;
  /** `sip`, `twilio`, `sandbox`… */
  driver: string;
  from: string;
  to: string;
  startedAt: Date;
  answeredAt?: Date | null;
  endedAt?: Date | null;
  runId?: string | null;
  flowId?: string | null;
  /** Node ids in the order the call went through them. */
  path?: string[];
  digits?: CallDigits[];
  hangupSide?: HangupSide | null;
}

/**
 * Writes a call's record, or brings it up to date: a voice activity calls this when the call
 * starts and again when it ends, and a retried activity writes the same row. Duration counts
 * from the answer (from the start for a call never answered) to the end.
 */
export async function recordCall(db: Db, input: CallRecordInput): Promise<CallRecordRow> {
  const answeredAt = input.answeredAt ?? null;
  const endedAt = input.endedAt ?? null;
  const durationMs = endedAt
    ? Math.max(0, endedAt.getTime() - (answeredAt ?? input.startedAt).getTime())
    : null;
  const values = {
    runId: input.runId ?? null,
    flowId: input.flowId ?? null,
    fromNumber: normalizeContact(input.from),
    toNumber: normalizeContact(input.to),
    startedAt: input.startedAt,
    answeredAt,
    endedAt,
    durationMs,
    path: input.path ?? [],
    digits: input.digits ?? [],
    hangupSide: input.hangupSide ?? null,
  };
  const [row] = await db
    .insert(callRecords)
    .values({
      id: newId(),
      workspaceId: input.workspaceId,
      callId: input.callId,
      driver: input.driver,
      ...values,
    })
    .onConflictDoUpdate({
      target: [callRecords.workspaceId, callRecords.driver, callRecords.callId],
      set: values,
    })
    .returning();
  await emitWebhookEvents(db, callWebhookEvent(row!));
  return row!;
}
