import { ActivityFailure, ApplicationFailure, proxyActivities, sleep } from '@temporalio/workflow';
import type { TransactionalActivities } from '../transactional/transactional-activities.ts';
import type { NoticeOutcome, StatusWebhookActivities } from '../transactional/status-webhook-activities.ts';

// A provider down for hours is retried for a day, each try further apart (up to 10 minutes).
const sending = proxyActivities<TransactionalActivities>({
  startToCloseTimeout: '2m',
  scheduleToCloseTimeout: '24h',
  retry: { initialInterval: '2s', backoffCoefficient: 2, maximumInterval: '10m' },
});
const recording = proxyActivities<TransactionalActivities & StatusWebhookActivities>({
  startToCloseTimeout: '1m',
  retry: { initialInterval: '1s', maximumInterval: '1m' },
});
// A receiver that is down (5xx, 408, 429, no answer) gets each notice again for a day, further
// apart each time; the activity ends the retries on any other 4xx.
const notifying = proxyActivities<StatusWebhookActivities>({
  startToCloseTimeout: '30s',
  scheduleToCloseTimeout: '24h',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '10m' },
});

/** How long after sending a late receipt (a bounce, a read) is still told to the webhook. */
const listenMs = 24 * 60 * 60 * 1000;
const longestPauseMs = 15 * 60 * 1000;

/** What became of each status notice: the workflow's result, kept in its history. */
export type StatusNoticeRecord =
  NoticeOutcome | { index: number; outcome: 'rejected' | 'gave-up'; code: string; message: string };

/**
 * One message an application sent through `POST /api/v1/messages` (transactional/): the row is
 * written before this starts, so a send that fails is retried here and, past the last retry,
 * recorded as failed: never dropped. While the workspace has a status webhook, each change of the
 * message's status is then POSTed to it, in order, until the status is final or a day has passed.
 */
export async function transactionalSend(messageId: string): Promise<StatusNoticeRecord[]> {
  try {
    await sending.sendAcceptedMessage(messageId);
  } catch (error) {
    const cause = error instanceof ActivityFailure ? error.cause : error;
    const code = cause instanceof ApplicationFailure && cause.type ? cause.type : 'SEND_FAILED';
    const message = cause instanceof Error ? cause.message : String(cause);
    await recording.failAcceptedMessage(messageId, code, message);
  }
  return await notifyStatuses(messageId);
}

/**
 * Polls the row rather than being signalled: receipts arrive in several processes (SMPP links in
 * the worker, provider webhooks in the API), and the row is where all of them end. Pauses double
 * from a second, so a receipt seconds after the send is told within seconds.
 */
async function notifyStatuses(messageId: string): Promise<StatusNoticeRecord[]> {
  const records: StatusNoticeRecord[] = [];
  const until = Date.now() + listenMs;
  let told = 0;
  let pauseMs = 1000;
  for (;;) {
    const progress = await recording.messageStatusProgress(messageId);
    if (!progress.hooked) return records;
    for (; told < progress.entries; told++) records.push(await notice(messageId, told));
    if (progress.final || Date.now() >= until) return records;
    await sleep(pauseMs);
    pauseMs = Math.min(pauseMs * 2, longestPauseMs);
  }
}

async function notice(messageId: string, index: number): Promise<StatusNoticeRecord> {
  try {
    return await notifying.notifyMessageStatus(messageId, index);
  } catch (error) {
    // Recorded, and the next status is still told: one refused notice does not silence the rest.
    const cause = error instanceof ActivityFailure ? error.cause : error;
    const rejected = cause instanceof ApplicationFailure && cause.type === 'WEBHOOK_REJECTED';
    return {
      index,
      outcome: rejected ? 'rejected' : 'gave-up',
      code: cause instanceof ApplicationFailure && cause.type ? cause.type : 'WEBHOOK_FAILED',
      message: cause instanceof Error ? cause.message : String(cause),
    };
  }
}
