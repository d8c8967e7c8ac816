import { flowTaskQueue } from '../temporal/task-queue.ts';

/** The channels a broadcast sends on (voice campaigns come later). */
export const campaignSendChannels = ['sms', 'email', 'whatsapp'] as const;

/**
 * A channel's campaign sends have a task queue of their own, so the worker polling it can cap
 * them for every worker at once (maxTaskQueueActivitiesPerSecond) without slowing flows.
 */
export const campaignTaskQueue = (channel: string, base: string = flowTaskQueue) =>
  `${base}-campaign-${channel}`;

/** What carries a voice campaign's calls: the built-in SIP endpoint, or a TwiML provider (Twilio). */
export type VoiceCarrier = 'sip' | 'twiml';

/**
 * Each carrier's calls live in a different process (the worker's SIP endpoint, the API's TwiML
 * webhooks), so each polls a voice queue of its own.
 */
export const voiceQueueChannel: Record<VoiceCarrier, string> = { sip: 'voice', twiml: 'voice-twiml' };
/** Journey campaigns start their people's runs from a queue of their own (journey-starts.ts). */
export const journeyTaskQueue = (base: string = flowTaskQueue) => campaignTaskQueue('journey', base);
/**
 * How campaignRun pages and chunks a campaign (measured in runtime/bench/campaign-sms-benchmark.ts):
 * thousands of people per segment page and per send activity, two at once, so the workflow's
 * round trips and the chunk's first statements are paid a few dozen times per 100,000 people,
 * and a chunk's next slice is prepared while the last one goes out. A paced campaign gets
 * chunks of about five seconds, so a pause still takes hold within seconds; at least 50, unless
 * 50 would take a slow account (an SMTP relay's hourly cap) more than ten minutes.
 */
export function campaignPaging(ratePerSecond?: number | null) {
  const chunkSize =
    ratePerSecond && ratePerSecond > 0
      ? Math.min(
          2000,
          Math.max(1, Math.ceil(ratePerSecond * 5), Math.min(50, Math.floor(ratePerSecond * 600))),
        )
      : 2000;
  return { pageSize: 5000, chunkSize, parallelChunks: 2 };
}
