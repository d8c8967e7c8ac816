import { flowTaskQueue } from '../temporal/task-queue.ts';

/** The channels a broadcast sends on today (voice and WhatsApp campaigns come later). */
export const campaignSendChannels = ['sms', 'email'] as const;

/**
 * A channel's campaign sends have a task queue of their own, so the worker polling it can cap
 * them for every worker at once (maxTaskQueueActivitiesPerSecond) without slowing flows.
 */
export const campaignTaskQueue = (channel: string, base: string = flowTaskQueue) =>
  `${base}-campaign-${channel}`;

/** Journey campaigns start their people's runs from a queue of their own (journey-starts.ts). */
export const journeyTaskQueue = (base: string = flowTaskQueue) => campaignTaskQueue('journey', base);
