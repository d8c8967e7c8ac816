import { NodeError } from '../sdk/node-error.ts';
import type { ActivityDeps, ActivityResult } from '../sdk/types.ts';
import type { MessagingChannel, OutboundMessage } from '../drivers/messaging/messaging-driver.ts';

/**
 * Sends through the run's channels. A refusal that cannot get better (opted out, window closed,
 * bad number) leaves by "failed" with its fault; outages are thrown so Temporal retries them.
 */
export async function sendOrFail(
  deps: ActivityDeps,
  channel: MessagingChannel,
  message: Omit<OutboundMessage, 'idempotencyKey'>,
  input: unknown,
): Promise<ActivityResult<'sent' | 'failed'>> {
  if (!deps.messaging)
    throw new NodeError('CHANNEL_NOT_CONFIGURED', 'No messaging channels are set up on this worker', false);
  try {
    return { port: 'sent', output: await deps.messaging.send(channel, message), input };
  } catch (error) {
    if (error instanceof NodeError && !error.retryable) {
      const fault = { code: error.code, message: error.message };
      return { port: 'failed', output: fault, input, fault };
    }
    throw error;
  }
}
