import os from 'node:os';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import nodemailer from 'nodemailer';
import { sql } from 'drizzle-orm';
import { campaigns, newId, openDb, queryRows, workspaces, type DbHandle } from '@omniflow/db';
import { SmtpDriver } from '@omniflow/nodes/drivers/email';
import type { MessagingDriver } from '@omniflow/nodes/drivers/messaging';
import { SmppDriver } from '@omniflow/nodes/drivers/sms';
import { LoopbackSmsc, RawSmppSubmitter } from '@omniflow/nodes/drivers/sms/testing';
import { createCampaignSendActivities } from '../src/campaigns/campaign-activities.ts';
import { campaignPaging } from '../src/campaigns/campaign-task-queue.ts';
import { HandOverJournal } from '../src/campaigns/hand-over-journal.ts';
import type { CampaignRunInput } from '../src/temporal/campaign-workflows.ts';
import { loadRegistry } from '../src/server/load-registry.ts';
import { flowWorkerParts } from '../src/worker/flow-worker.ts';
import { addressOf, seedAudience } from '../test/support/campaign-audience.ts';
import { freshPostgresDatabase } from '../test/support/postgres.ts';
import { startSinkProcess } from './smtp-sink-process.ts';
import { writeMessageRows } from './persistence-floor.ts';
import { startSendWorkerProcess, type SendWorkerSetup } from './campaign-send-worker-process.ts';
import { childrenOf, cpuMeter, cpuPerMessage, postgresBackendsOf } from './process-cpu.ts';

/** The SMS segment sizes: RSS must stay flat from the first to the second; the ratio is the second's. */
const smsSizes = [
  Number(process.env.BENCH_CAMPAIGN_SMS_SMALL ?? 10_000),
  Number(process.env.BENCH_CAMPAIGN_SMS ?? 100_000),
  // BENCH_CAMPAIGN_SMS_SMALL=0: the large size alone (a CPU-per-message run).
].filter((people) => people > 0);
const emailPeople = Number(process.env.BENCH_CAMPAIGN_EMAIL ?? 50_000);
// Both SMPP clients keep this many submit_sm unanswered, no more; both mail pools this many connections.
const window = 50;
const connections = 5;
const credentials = { systemId: 'omniflow', password: 'bench' };
const sender = '+5110000000';
const from = 'avisos@omniflow.test';

export interface CampaignRunFigures {
  channel: 'sms' | 'email';
  people: number;
  /** Messages per second from the workflow's start (segment read included) to the last one handed over. */
  campaign: number;
  raw: number;
  ratio: number;
  /** SMS: the raw client while one message row per person is written alongside, msg/s. */
  floor?: number;
  /** Seconds until the first message left (targeting) and in all. */
  firstAfter: number;
  seconds: number;
  /** Resident set of the send worker's process when the campaign started and its peak during it, MB. */
  startRssMb: number;
  peakRssMb: number;
  /**
   * CPU seconds each process of the campaign path used from the workflow's start to its end (read
   * from /proc; PostgreSQL's are the backends of the campaign's database), and the raw baseline's
   * (the benchmark's process: the client and the loopback peer, which the campaign's total counts
   * too). The machine is shared: CPU per message is the figure load does not change.
   */
  cpu?: {
    worker: number;
    postgres: number;
    temporal: number;
    bench: number;
    total: number;
    /** Of `total`, what the same processes use idle over as long (measured before the start). */
    idle: number;
    raw: number;
  };
  /** The send worker ran in a process of its own (PostgreSQL), not in the benchmark's. */
  ownProcess: boolean;
  database: 'postgresql' | 'pglite';
}

export interface CampaignFigures {
  sms: CampaignRunFigures[];
  email?: CampaignRunFigures;
}

export async function campaignBenchmarks(temporalAddress: string): Promise<CampaignFigures> {
  const sms: CampaignRunFigures[] = [];
  for (const people of smsSizes) {
    sms.push(await campaignBenchmark(temporalAddress, 'sms', people));
    console.log(campaignRunLine(sms.at(-1)!));
  }
  const email = emailPeople > 0 ? await campaignBenchmark(temporalAddress, 'email', emailPeople) : undefined;
  if (email) console.log(campaignRunLine(email));
  return { sms, email };
}

/** The raw baseline and the campaign's driver for a channel, on one loopback peer. */
async function peerFor(channel: 'sms' | 'email', people: number) {
  if (channel === 'sms') {
    const smsc = await LoopbackSmsc.start(credentials);
    const driver = new SmppDriver({
      ...smsc.address,
      ...credentials,
      sourceAddress: sender,
      windowSize: window,
      messagesPerSecond: Infinity,
    });
    await driver.connect();
    return {
      driver: driver as MessagingDriver,
      worker: { channel: 'sms', ...smsc.address, ...credentials, window } as SendWorkerSetup['peer'],
      async raw(alongside?: () => Promise<void>) {
        const raw = await RawSmppSubmitter.connect({ ...smsc.address, ...credentials });
        const submits = Array.from({ length: people }, (_, i) => ({
          source: sender,
          destination: addressOf('sms', i + 1),
          text: `Hola Ana${i + 1}, su cita es manana a las 9.`,
        }));
        const t = performance.now();
        await Promise.all([raw.submitAll(submits, window), alongside?.()]);
        const rate = people / ((performance.now() - t) / 1000);
        await raw.close();
        return rate;
      },
      received: () => smsc.received.length,
      async expect(total: number) {
        if (smsc.received.length !== total)
          throw new Error(`The SMSC got ${smsc.received.length} of ${total} messages`);
      },
      async stop() {
        await driver.close();
        await smsc.stop();
      },
    };
  }
  const sink = await startSinkProcess();
  const account = { host: '127.0.0.1', port: sink.port, fromAddress: from, maxConnections: connections };
  const driver = new SmtpDriver({ ...account, security: 'none' });
  return {
    driver: driver as MessagingDriver,
    worker: { channel: 'email', port: sink.port, from, connections } as SendWorkerSetup['peer'],
    async raw() {
      const pool = nodemailer.createTransport({
        pool: true,
        host: account.host,
        port: account.port,
        ignoreTLS: true,
        maxConnections: connections,
        maxMessages: 1000,
      });
      let next = 0;
      const t = performance.now();
      // As many in flight as the campaign path keeps (campaign-sending.ts, a driver that does
      // not announce its hand-over).
      const lane = async () => {
        while (next < people) {
          const n = ++next;
          await pool.sendMail({
            from,
            to: addressOf('email', n),
            subject: `Ana${n}, su cita`,
            text: `Hola Ana${n}, le recordamos su cita de manana a las 9.`,
          });
        }
      };
      await Promise.all(Array.from({ length: 50 }, lane));
      const rate = people / ((performance.now() - t) / 1000);
      pool.close();
      return rate;
    },
    // The sink counts in its own process: no first-message time for mail.
    received: () => 0,
    async expect(total: number) {
      await sink.counts(total);
    },
    async stop() {
      await driver.close();
      await sink.stop();
    },
  };
}

/**
 * A broadcast through the whole campaign path — campaignRun on a Temporal dev server, the
 * segment paged into recipients, message rows written and marked in batches, the driver — to a
 * loopback peer (the SMSC in this process, the SMTP sink in its own), against a bare client of
 * the same peer sending the same messages (the `smpp` package with the same window; a nodemailer
 * pool with the same connections) in the same run.
 */
export async function campaignBenchmark(
  temporalAddress: string,
  channel: 'sms' | 'email',
  people: number,
): Promise<CampaignRunFigures> {
  const postgresUrl = process.env.OMNIFLOW_TEST_DATABASE_URL;
  const fresh = postgresUrl ? await freshPostgresDatabase(postgresUrl) : undefined;
  const handle: DbHandle = await openDb(fresh ? { databaseUrl: fresh.url } : { dataDir: 'memory://' });
  const peer = await peerFor(channel, people);
  const workspaceId = newId();
  await handle.db.insert(workspaces).values({ id: workspaceId, name: 'Bench' });
  const { segmentId } = await seedAudience(handle.db, { workspaceId, count: people, channel });
  // The raw baseline first, the same texts to the same addresses; for SMS then the same again
  // while the least a campaign must keep (a message row per person) is written: the floor.
  const rawCpuAtStart = process.cpuUsage();
  const rawRate = await peer.raw();
  const rawCpu = process.cpuUsage(rawCpuAtStart);
  const floorRate =
    channel === 'sms' ? await peer.raw(() => writeMessageRows(handle.db, workspaceId, people)) : undefined;

  const taskQueue = `bench-campaign-${newId()}`;
  const sendQueue = `${taskQueue}-campaign-${channel}`;
  const connection = await NativeConnection.connect({ address: temporalAddress });
  const registry = await loadRegistry({});
  // On PostgreSQL the send worker runs in a process of its own, so its RSS is the worker's alone;
  // embedded PGlite lives in this process, so there it runs here (and its RSS includes the rest).
  const sendWorker = fresh
    ? await startSendWorkerProcess({ temporalAddress, databaseUrl: fresh.url, sendQueue, peer: peer.worker })
    : undefined;
  const workers = [
    await Worker.create({ connection, taskQueue, ...(await flowWorkerParts({ db: handle.db, registry })) }),
    ...(sendWorker
      ? []
      : [
          await Worker.create({
            connection,
            taskQueue: sendQueue,
            activities: createCampaignSendActivities({
              db: handle.db,
              driverFor: async () => peer.driver,
              journal: new HandOverJournal('.omniflow/bench-journal'),
            }),
            maxConcurrentActivityTaskExecutions: 4,
          }),
        ]),
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
    channels: [channel],
    // A reminder, not marketing: no consent check or signed unsubscribe link (the raw pool has none).
    marketing: false,
    variants: [
      {
        key: 'A',
        share: 100,
        content:
          channel === 'sms'
            ? { text: 'Hola {{ contact.first_name }}, su cita es manana a las 9.' }
            : {
                subject: '{{ contact.first_name }}, su cita',
                text: 'Hola {{ contact.first_name }}, le recordamos su cita de manana a las 9.',
              },
      },
    ],
  });
  const paging = campaignPaging();
  const before = peer.received();
  const startRssMb = sendWorker ? await sendWorker.rssMb() : process.memoryUsage.rss() / 2 ** 20;
  let peakRss = process.memoryUsage.rss();
  // Every process of the path, from the workflow's start: the send worker, the campaign
  // database's PostgreSQL backends, the Temporal dev server (this process's child) and this one
  // (the workflow worker and the loopback peer).
  const database = fresh ? new URL(fresh.url).pathname.slice(1) : undefined;
  const temporalPids = childrenOf(process.pid).filter((pid) => pid !== sendWorker?.pid);
  const startMeters = () =>
    sendWorker
      ? {
          worker: cpuMeter(() => [sendWorker.pid]),
          postgres: cpuMeter(postgresBackendsOf(database!)),
          temporal: cpuMeter(() => temporalPids),
        }
      : undefined;
  // What the path burns doing nothing (polls, timers), per second, over 3 s before it starts: on a
  // loaded machine the campaign takes longer, and this share of its CPU grows with the wall time.
  const idleSeconds = 3;
  const idleMeters = startMeters();
  const idleBenchAtStart = process.cpuUsage();
  await new Promise((resolve) => setTimeout(resolve, idleSeconds * 1000));
  const idleBench = process.cpuUsage(idleBenchAtStart);
  const idlePerSecond = idleMeters
    ? (idleMeters.worker.stop() +
        idleMeters.postgres.stop() +
        idleMeters.temporal.stop() +
        (idleBench.user + idleBench.system) / 1e6 -
        (idleMeters.worker.ownCpu() + idleMeters.postgres.ownCpu() + idleMeters.temporal.ownCpu())) /
      idleSeconds
    : 0;
  const meters = startMeters();
  const benchCpuAtStart = process.cpuUsage();
  const t = performance.now();
  let firstAt = 0;
  const watch = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    if (!firstAt && peer.received() > before) firstAt = performance.now() - t;
  }, 50);
  await client.workflow.execute('campaignRun', {
    taskQueue,
    workflowId: `campaign-${campaignId}`,
    args: [
      {
        campaignId,
        sendQueue,
        pageSize: Number(process.env.BENCH_PAGE ?? paging.pageSize),
        chunkSize: Number(process.env.BENCH_CHUNK ?? paging.chunkSize),
        parallelChunks: Number(process.env.BENCH_PARALLEL ?? paging.parallelChunks),
      } satisfies CampaignRunInput,
    ],
  });
  const seconds = (performance.now() - t) / 1000;
  const benchCpu = process.cpuUsage(benchCpuAtStart);
  const seconds_ = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1e6;
  const cpu = meters && {
    worker: meters.worker.stop(),
    postgres: meters.postgres.stop(),
    temporal: meters.temporal.stop(),
    // The meters' own sampling is the benchmark's, not the path's.
    bench: seconds_(benchCpu) - (meters ? Object.values(meters).reduce((sum, m) => sum + m.ownCpu(), 0) : 0),
    total: 0,
    idle: idlePerSecond * seconds,
    raw: seconds_(rawCpu),
  };
  if (cpu) cpu.total = cpu.worker + cpu.postgres + cpu.temporal + cpu.bench;
  clearInterval(watch);
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  const failures = await queryRows<{ code: string | null; n: string }>(
    handle.db,
    sql`select error_code as code, count(*) as n from messages
      where campaign_id = ${campaignId}::uuid and status = 'failed' group by 1`,
  );
  if (failures.length > 0)
    throw new Error(`Campaign sends failed: ${failures.map((f) => `${f.code} × ${f.n}`).join(', ')}`);
  // The baselines' and the campaign's: every one arrived.
  await peer.expect((floorRate ? 3 : 2) * people);

  const workerPeakMb = sendWorker ? await sendWorker.stop() : peakRss / 2 ** 20;
  for (const w of workers) w.shutdown();
  await running;
  await clientConnection.close();
  await connection.close();
  await peer.stop();
  await handle.close();
  await fresh?.drop();
  const campaignRate = people / seconds;
  return {
    channel,
    people,
    campaign: campaignRate,
    raw: rawRate,
    ratio: campaignRate / rawRate,
    ...(floorRate ? { floor: floorRate } : {}),
    ...(cpu ? { cpu } : {}),
    firstAfter: firstAt / 1000,
    seconds,
    peakRssMb: workerPeakMb,
    startRssMb,
    ownProcess: sendWorker !== undefined,
    database: fresh ? 'postgresql' : 'pglite',
  };
}

const cpuLine = (f: CampaignRunFigures) => {
  if (!f.cpu) return '';
  const us = (s: number) => cpuPerMessage(s, f.people).toFixed(0);
  const c = f.cpu;
  return `\n  CPU per message: campaign ${us(c.total)} µs (send worker ${us(c.worker)}, PostgreSQL ${us(c.postgres)}, Temporal ${us(c.temporal)}, bench process ${us(c.bench)}) vs raw ${us(c.raw)} µs = ${(c.raw / c.total).toFixed(2)}× (raw / campaign); less what the same processes burn idle over as long (${us(c.idle)} µs): ${us(c.total - c.idle)} µs = ${(c.raw / (c.total - c.idle)).toFixed(2)}×`;
};

export const campaignRunLine = (f: CampaignRunFigures) =>
  `Campaign ${f.channel === 'sms' ? 'SMS' : 'email'} broadcast (${f.people} people, ${f.database}): ${f.campaign.toFixed(0)} msg/s through campaignRun (${f.firstAfter ? `first after ${f.firstAfter.toFixed(1)} s, ` : ''}all after ${f.seconds.toFixed(1)} s, worker RSS ${f.startRssMb.toFixed(0)} → peak ${f.peakRssMb.toFixed(0)} MB) vs raw ${f.channel === 'sms' ? 'smpp' : 'nodemailer pool'} ${f.raw.toFixed(0)} msg/s = ${f.ratio.toFixed(2)}× (goal ≥ 0.5×)${f.floor ? `; raw smpp writing one message row per person alongside: ${f.floor.toFixed(0)} msg/s = ${(f.floor / f.raw).toFixed(2)}× of raw` : ''}${cpuLine(f)}; load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`;
