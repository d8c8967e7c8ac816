import { getHeapStatistics } from 'node:v8';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import type { Db } from '@omniflow/db';
import { workerChannels } from '../messaging/worker-channels.ts';
import type { ChannelDrivers } from '../messaging/channel-drivers.ts';
import { quotaBeforeChunk } from '../campaigns/campaign-quota.ts';
import { flowTaskQueue } from '../temporal/task-queue.ts';
import { campaignWorkers } from './campaign-workers.ts';
import { channelUpkeep } from './channel-upkeep.ts';

export interface CampaignSendWorkerOptions {
  address: string;
  namespace?: string;
  /** The flow task queue the campaign queues are named after. */
  taskQueue?: string;
  db: Db;
  env?: Record<string, string | undefined>;
  messagingDrivers?: ChannelDrivers;
}

/**
 * `omniflow worker --campaign-sends`: only the campaign send and journey queues, none of the flow
 * workflows or node activities. A broadcast's memory is then the sends' alone, and the process can
 * run with a bounded heap (bin/send-worker-heap.mjs) so its resident set stays flat however many
 * people a campaign has — V8 otherwise lets an idle-looking old generation grow with the volume.
 */
export async function createCampaignSendWorker(options: CampaignSendWorkerOptions) {
  const namespace = options.namespace ?? 'default';
  const taskQueue = options.taskQueue ?? flowTaskQueue;
  const connection = await NativeConnection.connect({ address: options.address });
  const clientConnection = await Connection.connect({ address: options.address });
  const temporal = new Client({ connection: clientConnection, namespace });
  const channels = workerChannels(options);
  // Receipts of what this process sends may come back on its own binds.
  const links = channelUpkeep(channels, { db: options.db, temporal, taskQueue, env: options.env });
  const workers = await campaignWorkers({
    connection,
    namespace,
    taskQueue,
    db: options.db,
    channels,
    env: options.env ?? process.env,
    beforeChunk: quotaBeforeChunk(channels.messaging.quotas),
    temporal,
  });
  return {
    /** The heap V8 may use here, MB: what the log line tells the operator. */
    heapLimitMb: Math.round(getHeapStatistics().heap_size_limit / 2 ** 20),
    /** Polls until shutdown() and every chunk in flight has settled. */
    async run() {
      await links.start();
      try {
        await Promise.all(workers.map((w) => w.run()));
      } finally {
        await links.stop();
        await clientConnection.close();
        await connection.close();
      }
    },
    shutdown() {
      for (const w of workers) if (w.getState() === 'RUNNING') w.shutdown();
    },
  };
}
