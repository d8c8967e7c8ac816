import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import type { Db } from '@omniflow/db';
import type { NodeRegistry } from '@omniflow/nodes/sdk';
import { createActivities } from '../temporal/activities.ts';
import { createSubflowActivities } from '../subflows/subflow-activities.ts';
import { createConversationHandoverActivities } from '../messaging/conversation-handover-activities.ts';
import { createOperationActivities } from '../runs/bulk-activities.ts';
import { createTransactionalActivities } from '../transactional/transactional-activities.ts';
import { startPendingSends } from '../transactional/start-pending-sends.ts';
import { createImportSweeper } from '../contacts-import/sweep-stalled-imports.ts';
import { createStatusWebhookActivities } from '../transactional/status-webhook-activities.ts';
import { webhookDispatcherOf } from '../webhooks/worker-webhook-dispatcher.ts';
import { createRunOperations } from '../runs/run-operations.ts';
import { ensureRetentionSchedule } from '../runs/retention-schedule.ts';
import { ensureBackupSchedule } from '../backups/backup-schedule.ts';
import { backupSettingsFromEnv } from '../backups/backup-settings.ts';
import { createBackupActivities } from '../backups/backup-activities.ts';
import { createReportScheduleActivities } from '../reports/report-delivery.ts';
import { ensureReportScheduleTimer } from '../reports/report-schedule-timer.ts';
import { startReportRollups } from '../rollups/report-rollup-timer.ts';
import { ensureFlowAnalyticsRollupSchedule } from '../analytics/flow-analytics-rollup-schedule.ts';
import { createFlowAnalyticsRollupActivities } from '../analytics/flow-analytics-rollup-activities.ts';
import { recordingStoreFromEnv } from '../recordings/recording-store-from-env.ts';
import { startRunStartReconciler } from '../runs/reconcile-run-starts.ts';
import type { MessagingServiceDeps } from '../messaging/messaging-service.ts';
import type { ChannelResolver } from '../messaging/channel-resolver.ts';
import { workerChannels, type WorkerChannels } from '../messaging/worker-channels.ts';
import { createContactsService } from '../messaging/contacts-service.ts';
import { createAiService } from '../ai/ai-service.ts';
import { createTemplateLibrary } from '../templates/template-library.ts';
import { createConversationsService } from '../messaging/conversations-service.ts';
import { createProgressSinks } from '../temporal/progress-sink.ts';
import { flowTaskQueue } from '../temporal/task-queue.ts';
import { workflowBundle } from './workflow-bundle.ts';
import { campaignWorkers } from './campaign-workers.ts';
import { channelUpkeep, messageOf, positiveMs } from './channel-upkeep.ts';
import { startWorkerHealth } from '../health/worker-health.ts';
import { quotaBeforeChunk } from '../campaigns/campaign-quota.ts';
import { createCampaignControlActivities } from '../campaigns/campaign-activities.ts';

export interface FlowWorkerOptions {
  address: string;
  namespace?: string;
  taskQueue?: string;
  db: Db;
  registry: NodeRegistry;
  env?: Record<string, string | undefined>;
  /** Create the daily retention and weekly backup schedules if missing (the CLI's workers do). */
  scheduleRetention?: boolean;
  /** The drivers behind each messaging channel (default: from the environment, else the sandbox). */
  messagingDrivers?: MessagingServiceDeps['drivers'];
  /** Workspaces' saved channel settings, shared with the API when both run in one process. */
  channelResolver?: ChannelResolver;
  /** Also poll the campaign send queues (default); false where a campaign send worker does. */
  campaignSends?: boolean;
}

let runtimeInstalled = false;

/** Worker state changes are INFO chatter; operators need warnings and errors. */
function installQuietRuntime() {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  try {
    Runtime.install({
      logger: new DefaultLogger((process.env.OMNIFLOW_TEMPORAL_LOG_LEVEL as 'WARN') ?? 'WARN'),
    });
  } catch {
    // Already installed by the embedding process (tests may install their own).
  }
}

/** A worker running flow workflows and node activities; `run()` until `shutdown()`. */
export async function createFlowWorker(options: FlowWorkerOptions): Promise<Worker> {
  installQuietRuntime();
  const connection = await NativeConnection.connect({ address: options.address });
  const namespace = options.namespace ?? 'default';
  const taskQueue = options.taskQueue ?? flowTaskQueue;
  // Bulk actions start, cancel and reset runs: their activities are Temporal clients themselves.
  const clientConnection = await Connection.connect({ address: options.address });
  const client = new Client({ connection: clientConnection, namespace });
  if (options.scheduleRetention) {
    await ensureRetentionSchedule(client, taskQueue);
    await ensureBackupSchedule(client, taskQueue, backupSettingsFromEnv(options.env ?? process.env));
    await ensureReportScheduleTimer(client, taskQueue);
    await ensureFlowAnalyticsRollupSchedule(client, taskQueue);
  }
  const channels = workerChannels(options);
  const links = channelUpkeep(channels, { db: options.db, temporal: client, taskQueue, env: options.env });
  const worker = await Worker.create({
    connection,
    namespace,
    taskQueue,
    // A task stuck recording progress (database down) must not block shutdown forever; it is
    // not reported, so another worker runs it again.
    shutdownForceTime: '30s',
    ...(await flowWorkerParts({
      ...options,
      temporal: client,
      taskQueue,
      channels,
    })),
  });
  // Campaign sends poll a queue per channel, each capped for all workers together; a deployment
  // with a campaign send worker of its own (campaign-send-worker.ts) leaves them to it.
  const sendWorkers =
    options.campaignSends === false
      ? []
      : await campaignWorkers({
          connection,
          namespace,
          taskQueue,
          db: options.db,
          channels,
          env: options.env ?? process.env,
          beforeChunk: quotaBeforeChunk(channels.messaging.quotas),
          temporal: client,
        });
  const shutdown = worker.shutdown.bind(worker);
  worker.shutdown = () => {
    for (const w of sendWorkers) if (w.getState() === 'RUNNING') w.shutdown();
    shutdown();
  };
  const reconcileMs = positiveMs(
    options.env?.OMNIFLOW_RUN_RECONCILE_MS ?? process.env.OMNIFLOW_RUN_RECONCILE_MS,
    15_000,
  );
  const run = worker.run.bind(worker);
  worker.run = async () => {
    await links.start();
    // Run rows left without a workflow by a process that stopped mid-start are repaired from here:
    // every deployment has a worker, and one query per pass costs less than a Temporal schedule.
    const reconciler = startRunStartReconciler(
      { db: options.db, temporal: client },
      {
        everyMs: reconcileMs,
        onError: (error) => console.warn(`Repairing run starts failed: ${messageOf(error)}`),
      },
    );
    // API messages whose start was lost with an API process (transactional/start-pending-sends.ts).
    const pendingSends = setInterval(
      () =>
        void startPendingSends({ db: options.db, temporal: client, taskQueue }).catch((error: unknown) =>
          console.warn(`Starting pending API messages failed: ${messageOf(error)}`),
        ),
      reconcileMs,
    );
    // Contact imports cut short by an API process's stop are marked failed with how far they got.
    const sweepImports = createImportSweeper(options.db);
    const importSweeps = setInterval(
      () =>
        void sweepImports().catch((error: unknown) =>
          console.warn(`Sweeping stalled contact imports failed: ${messageOf(error)}`),
        ),
      reconcileMs,
    );
    // Outbound webhooks: the outbox the state changes wrote to (webhooks/webhook-dispatcher.ts).
    const webhooks = webhookDispatcherOf(options.db, channels.resolver.keyring, options.env ?? process.env);
    // Health samples of the worker and the channels, for the live dashboard and the SLA report.
    const health = startWorkerHealth(options.db, channels.resolver, options.env ?? process.env);
    // The historical reports' rollups: closed 15-minute buckets and the ones a late write changed.
    const rollups = startReportRollups(options.db, {
      everyMs: positiveMs(
        options.env?.OMNIFLOW_REPORT_ROLLUP_MS ?? process.env.OMNIFLOW_REPORT_ROLLUP_MS,
        60_000,
      ),
      onError: (error) => console.warn(`Rolling up the reports failed: ${messageOf(error)}`),
    });
    try {
      await Promise.all([run(), ...sendWorkers.map((w) => w.run())]);
    } finally {
      await webhooks.stop();
      await health.stop();
      await rollups.stop();
      clearInterval(pendingSends);
      clearInterval(importSweeps);
      await reconciler.stop();
      await links.stop();
      await clientConnection.close();
    }
  };
  return worker;
}

/**
 * What every worker running flowRun needs besides its connection: code, activities, sinks. With
 * a Temporal client it also runs the operations activities (bulk actions, retention).
 */
export async function flowWorkerParts(
  options: Pick<FlowWorkerOptions, 'db' | 'registry' | 'env' | 'messagingDrivers' | 'channelResolver'> & {
    temporal?: Client;
    taskQueue?: string;
    channels?: WorkerChannels;
  },
) {
  const channels = options.channels ?? workerChannels(options);
  const operations = options.temporal
    ? createOperationActivities(
        options.db,
        createRunOperations({
          db: options.db,
          temporal: options.temporal,
          taskQueue: options.taskQueue ?? flowTaskQueue,
        }),
      )
    : {};
  return {
    workflowBundle: await workflowBundle(),
    activities: {
      ...createActivities({
        registry: options.registry,
        ...(options.env ? { env: options.env } : {}),
        messaging: channels.messaging,
        contacts: createContactsService(options.db),
        conversations: createConversationsService(options.db),
        templates: createTemplateLibrary(options.db),
        ai: createAiService(options.db, channels.resolver.keyring),
      }),
      ...operations,
      ...createSubflowActivities(options.db),
      ...createConversationHandoverActivities(options.db),
      ...createFlowAnalyticsRollupActivities(options.db),
      ...createBackupActivities({
        db: options.db,
        store: () => recordingStoreFromEnv(options.env ?? process.env),
        settings: () => backupSettingsFromEnv(options.env ?? process.env),
      }),
      ...createTransactionalActivities({ db: options.db, messaging: channels.messaging }),
      ...createReportScheduleActivities({
        db: options.db,
        emailDriver: (workspaceId) => channels.resolver.driverFor(workspaceId, 'email'),
      }),
      ...createStatusWebhookActivities({
        db: options.db,
        keyring: channels.resolver.keyring,
        // The http.request node's switch: one install, one rule for private targets.
        allowPrivate: (options.env ?? process.env).OMNIFLOW_HTTP_ALLOW_PRIVATE === '1',
      }),
      ...createCampaignControlActivities(options.db, {
        fallbackPollMs: positiveMs(
          options.env?.OMNIFLOW_CAMPAIGN_FALLBACK_POLL_MS ?? process.env.OMNIFLOW_CAMPAIGN_FALLBACK_POLL_MS,
          60_000,
        ),
        ...(options.temporal
          ? { temporal: options.temporal, taskQueue: options.taskQueue ?? flowTaskQueue }
          : {}),
      }),
    },
    sinks: createProgressSinks(options.db),
  };
}
