import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { campaigns, newId, openDb, workspaces, type DbHandle } from '@omniflow/db';
import { SmppDriver } from '@omniflow/nodes/drivers/sms';
import { LoopbackSmsc, RawSmppSubmitter } from '@omniflow/nodes/drivers/sms/testing';
import { createCampaignSendActivities } from '../src/campaigns/campaign-activities.ts';
import type { CampaignRunInput } from '../src/temporal/campaign-workflows.ts';
import { loadRegistry } from '../src/server/load-registry.ts';
import { flowWorkerParts } from '../src/worker/flow-worker.ts';
import { addressOf, seedAudience } from '../test/support/campaign-audience.ts';
import { freshPostgresDatabase } from '../test/support/postgres.ts';

const people = Number(process.env.BENCH_CAMPAIGN_SMS ?? 20_000);
// Both clients keep this many submit_sm unanswered, no more.
const window = 50;
const credentials = { systemId: 'omniflow', password: 'bench' };
const sender = '+5110000000';

export interface CampaignSmsFigures {
  people: number;
  /** Messages per second from start to the last one handed to the SMSC. */
  campaign: number;
  raw: number;
  ratio: number;
  database: 'postgresql' | 'pglite';
}

/**
 * A broadcast through the whole campaign path — campaignRun on a Temporal dev server, the
 * segment paged into recipients, message rows written and marked in batches, SmppDriver — to the
 * loopback SMSC, against a bare `smpp` session submitting the same texts with the same window.
 */
export async function campaignSmsBenchmark(temporalAddress: string): Promise<CampaignSmsFigures> {
  const postgresUrl = process.env.OMNIFLOW_TEST_DATABASE_URL;
  const fresh = postgresUrl ? await freshPostgresDatabase(postgresUrl) : undefined;
  const handle: DbHandle = await openDb(fresh ? { databaseUrl: fresh.url } : { dataDir: 'memory://' });
  const smsc = await LoopbackSmsc.start(credentials);
  const driver = new SmppDriver({
    ...smsc.address,
    ...credentials,
    sourceAddress: sender,
    windowSize: window,
    messagesPerSecond: Infinity,
  });
  await driver.connect();
  const workspaceId = newId();
  await handle.db.insert(workspaces).values({ id: workspaceId, name: 'Bench' });
  const { segmentId } = await seedAudience(handle.db, { workspaceId, count: people, channel: 'sms' });
  const text = (n: number) => `Hola Ana${n}, su cita es manana a las 9.`;

  // The raw baseline first, on a fresh bind, the same texts to the same numbers.
  const raw = await RawSmppSubmitter.connect({ ...smsc.address, ...credentials });
  const submits = Array.from({ length: people }, (_, i) => ({
    source: sender,
    destination: addressOf('sms', i + 1),
    text: text(i + 1),
  }));
  let t = performance.now();
  await raw.submitAll(submits, window);
  const rawRate = people / ((performance.now() - t) / 1000);
  await raw.close();

  const taskQueue = `bench-campaign-${newId()}`;
  const sendQueue = `${taskQueue}-campaign-sms`;
  const connection = await NativeConnection.connect({ address: temporalAddress });
  const registry = await loadRegistry({});
  const workers = [
    await Worker.create({ connection, taskQueue, ...(await flowWorkerParts({ db: handle.db, registry })) }),
    await Worker.create({
      connection,
      taskQueue: sendQueue,
      activities: createCampaignSendActivities({ db: handle.db, driverFor: async () => driver }),
      maxConcurrentActivityTaskExecutions: 4,
    }),
  ];
  const running = Promise.all(workers.map((w) => w.run()));
  const clientConnection = await Connection.connect({ address: temporalAddress });
  const client = new Client({ connection: clientConnection });
  const campaignId = newId();
  await handle.db.insert(campaigns).values({
    id: campaignId,
    workspaceId,
    name: 'Bench',
    kind: 'broadcast',
    status: 'running',
    segmentId,
    channels: ['sms'],
    variants: [
      {
        key: 'A',
        share: 100,
        content: { text: 'Hola {{ contact.first_name }}, su cita es manana a las 9.' },
      },
    ],
  });
  const before = smsc.received.length;
  t = performance.now();
  let firstAt = 0;
  const watch = setInterval(() => {
    if (!firstAt && smsc.received.length > before) firstAt = performance.now() - t;
  }, 20);
  await client.workflow.execute('campaignRun', {
    taskQueue,
    workflowId: `campaign-${campaignId}`,
    args: [
      {
        campaignId,
        sendQueue,
        chunkSize: Number(process.env.BENCH_CHUNK ?? 200),
        parallelChunks: Number(process.env.BENCH_PARALLEL ?? 4),
      } satisfies CampaignRunInput,
    ],
  });
  const campaignRate = people / ((performance.now() - t) / 1000);
  clearInterval(watch);
  console.log(
    `Campaign: first message after ${(firstAt / 1000).toFixed(1)} s (targeting), all after ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  if (smsc.received.length - before !== people)
    throw new Error(`The SMSC got ${smsc.received.length - before} of ${people} campaign messages`);

  for (const w of workers) w.shutdown();
  await running;
  await clientConnection.close();
  await connection.close();
  await driver.close();
  await smsc.stop();
  await handle.close();
  await fresh?.drop();
  return {
    people,
    campaign: campaignRate,
    raw: rawRate,
    ratio: campaignRate / rawRate,
    database: fresh ? 'postgresql' : 'pglite',
  };
}

export const campaignSmsLines = (f: CampaignSmsFigures | undefined) =>
  f
    ? [
        `Campaign SMS broadcast (${f.people} people, ${f.database}): ${f.campaign.toFixed(0)} msg/s through campaignRun vs raw smpp ${f.raw.toFixed(0)} msg/s = ${f.ratio.toFixed(2)}× (goal ≥ 0.5×)`,
      ]
    : [];
