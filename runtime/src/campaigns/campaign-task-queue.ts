import { flowTaskQueue } from '../temporal/task-queue.ts';

/** The channels a broadcast sends on (voice campaigns come later). */
export const campaignSendChannels = ['sms', 'email', 'whatsapp'] as const;

/**
 * A channel's campaign sends have a task queue of their own, so the worker polling it can cap
 * them for every worker at once (maxTaskQueueActivitiesPerSecond) without slowing flows.
 */
export const campaignTaskQueue = (channel: string, base: string = flowTaskQueue) =>
  `${base}-campaign-${channel}`;
