import { ActivityFailure, ApplicationFailure, proxyActivities } from '@temporalio/workflow';
import type { TransactionalActivities } from '../transactional/transactional-activities.ts';

// A provider down for hours is retried for a day, each try further apart (up to 10 minutes).
const sending = proxyActivities<TransactionalActivities>({
  startToCloseTimeout: '2m',
  scheduleToCloseTimeout: '24h',
  retry: { initialInterval: '2s', backoffCoefficient: 2, maximumInterval: '10m' },
});
const recording = proxyActivities<TransactionalActivities>({
  startToCloseTimeout: '1m',
  retry: { initialInterval: '1s', maximumInterval: '1m' },
});

/**
 * One message an application sent through `POST /api/v1/messages` (transactional/): the row is
 * written before this starts, so a send that fails is retried here and, past the last retry,
 * recorded as failed: never dropped.
 */
export async function transactionalSend(messageId: string): Promise<void> {
  try {
    await sending.sendAcceptedMessage(messageId);
  } catch (error) {
    const cause = error instanceof ActivityFailure ? error.cause : error;
    const code = cause instanceof ApplicationFailure && cause.type ? cause.type : 'SEND_FAILED';
    const message = cause instanceof Error ? cause.message : String(cause);
    await recording.failAcceptedMessage(messageId, code, message);
  }
}
