import type { Client } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { Db } from '@omniflow/db';
import type { WorkerChannels } from '../messaging/worker-channels.ts';
import {
  createCampaignSendActivities,
  createJourneyStartActivities,
} from '../campaigns/campaign-activities.ts';
import type { BeforeChunk } from '../campaigns/campaign-sending.ts';
import {
  campaignPaging,
  campaignSendChannels,
  campaignTaskQueue,
  journeyTaskQueue,
} from '../campaigns/campaign-task-queue.ts';
import { journalFromEnv } from '../campaigns/hand-over-journal.ts';

/** Recipients per send activity at full speed: the unit the per-queue rate limit counts. */
export const campaignChunkSize = campaignPaging().chunkSize;

export interface CampaignWorkersOptions {
  connection: NativeConnection;
  namespace: string;
  /** The flow task queue the campaign queues are named after. */
  taskQueue: string;
  db: Db;
  channels: Pick<WorkerChannels, 'resolver' | 'dkimKey' | 'emailLinks'>;
  env: Record<string, string | undefined>;
  /** The quotas seam (campaign-sending.ts BeforeChunk); every send allowed when absent. */
  beforeChunk?: BeforeChunk;
  /** Journey campaigns start flow runs: without a client, no journey worker. */
  temporal?: Client;
}

/**
 * One activity worker per campaign channel. OMNIFLOW_CAMPAIGN_<CHANNEL>_RATE (messages per second,
 * e.g. the SMPP account's or SMTP relay's limit) becomes Temporal's maxTaskQueueActivitiesPerSecond
 * over chunks: the server hands out that many chunks a second to all workers together.
 */
export async function campaignWorkers(options: CampaignWorkersOptions): Promise<Worker[]> {
  // A killed worker's hand-overs are marked sent before this one takes any chunk: a retried
  // chunk then never sends them again.
  const journal = journalFromEnv(options.env);
  await journal.recover(options.db);
  const activities = createCampaignSendActivities({
    db: options.db,
    journal,
    driverFor: options.channels.resolver.driverFor,
    dkimKey: options.channels.dkimKey,
    emailLinks: options.channels.emailLinks,
    ...(options.beforeChunk ? { beforeChunk: options.beforeChunk } : {}),
  });
  const journeys = options.temporal
    ? [
        Worker.create({
          connection: options.connection,
          namespace: options.namespace,
          taskQueue: journeyTaskQueue(options.taskQueue),
          activities: createJourneyStartActivities({
            db: options.db,
            temporal: options.temporal,
            taskQueue: options.taskQueue,
            ...(Number(options.env.OMNIFLOW_JOURNEY_WINDOW) > 0
              ? { window: Number(options.env.OMNIFLOW_JOURNEY_WINDOW) }
              : {}),
          }),
          maxConcurrentActivityTaskExecutions: 4,
          shutdownForceTime: '30s',
        }),
      ]
    : [];
  return Promise.all([
    ...journeys,
    ...campaignSendChannels.map((channel) => {
      const rate = Number(options.env[`OMNIFLOW_CAMPAIGN_${channel.toUpperCase()}_RATE`]);
      return Worker.create({
        connection: options.connection,
        namespace: options.namespace,
        taskQueue: campaignTaskQueue(channel, options.taskQueue),
        activities,
        // A chunk at a time per worker keeps the shared rate meaningful.
        maxConcurrentActivityTaskExecutions: 4,
        ...(rate > 0 ? { maxTaskQueueActivitiesPerSecond: rate / campaignChunkSize } : {}),
        shutdownForceTime: '30s',
      });
    }),
  ]);
}
