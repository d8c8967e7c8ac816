import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { NativeConnection, Worker } from '@temporalio/worker';
import { openDb } from '@omniflow/db';
import { SmtpDriver } from '@omniflow/nodes/drivers/email';
import type { MessagingDriver } from '@omniflow/nodes/drivers/messaging';
import { SmppDriver } from '@omniflow/nodes/drivers/sms';
import { createCampaignSendActivities } from '../src/campaigns/campaign-activities.ts';
import { HandOverJournal } from '../src/campaigns/hand-over-journal.ts';
import { sendWorkerHeapFlags } from '../bin/send-worker-heap.mjs';

/** Where the send worker connects: the campaign's queue, its database and its peer. */
export interface SendWorkerSetup {
  temporalAddress: string;
  databaseUrl: string;
  sendQueue: string;
  peer:
    | { channel: 'sms'; host: string; port: number; systemId: string; password: string; window: number }
    | { channel: 'email'; port: number; from: string; connections: number };
}

/**
 * The campaign send worker in a process of its own, as `omniflow worker --campaign-sends` runs it beside the
 * SMSC or relay it talks to: its resident set is the worker's alone (no workflow bundle, no
 * loopback peer, no baseline client), sampled every 50 ms while it runs.
 */
export async function startSendWorkerProcess(setup: SendWorkerSetup): Promise<{
  /** The worker's process id (its CPU is read from /proc: process-cpu.ts). */
  pid: number;
  /** RSS now, MB: before the campaign starts. */
  rssMb(): Promise<number>;
  /** Stops the worker; answers the peak RSS since start, MB. */
  stop(): Promise<number>;
}> {
  const child: ChildProcess = fork(new URL(import.meta.url).pathname, ['--send-worker'], {
    // The heap `omniflow worker --campaign-sends` runs with; BENCH_WORKER_NODE_OPTIONS replaces it
    // (e.g. "--max-old-space-size=4096" to see V8's default slack).
    execArgv: [
      '--import',
      'tsx',
      // BENCH_WORKER_PROFILE=<dir>: a CPU profile of the send worker, written when it stops.
      ...(process.env.BENCH_WORKER_PROFILE
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_WORKER_PROFILE}`]
        : []),
      ...(process.env.BENCH_WORKER_NODE_OPTIONS?.split(' ').filter(Boolean) ?? sendWorkerHeapFlags),
    ],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  // A benchmark that throws leaves no worker behind polling a stopped server.
  process.once('exit', () => child.kill());
  // The child says hello once it listens (a message sent before that would be lost), then ready.
  await once(child, 'message');
  child.send(setup);
  await once(child, 'message');
  const ask = async (question: 'rss' | 'stop') => {
    child.send(question);
    const [answer] = (await once(child, 'message')) as [number];
    return answer;
  };
  return {
    pid: child.pid!,
    rssMb: () => ask('rss'),
    async stop() {
      const peak = await ask('stop');
      await once(child, 'exit');
      return peak;
    },
  };
}

if (process.argv.includes('--send-worker')) {
  const setupArrives = once(process, 'message');
  process.send!('hello');
  const [setup] = (await setupArrives) as [SendWorkerSetup];
  const handle = await openDb({ databaseUrl: setup.databaseUrl });
  const { peer } = setup;
  const driver: MessagingDriver =
    peer.channel === 'sms'
      ? new SmppDriver({
          host: peer.host,
          port: peer.port,
          systemId: peer.systemId,
          password: peer.password,
          sourceAddress: '+5110000000',
          windowSize: peer.window,
          messagesPerSecond: Infinity,
          ...(process.env.BENCH_REMEMBER ? { rememberLimit: Number(process.env.BENCH_REMEMBER) } : {}),
        })
      : new SmtpDriver({
          host: '127.0.0.1',
          port: peer.port,
          fromAddress: peer.from,
          maxConnections: peer.connections,
          security: 'none',
        });
  if (driver instanceof SmppDriver) await driver.connect();
  const connection = await NativeConnection.connect({ address: setup.temporalAddress });
  const worker = await Worker.create({
    connection,
    taskQueue: setup.sendQueue,
    activities: createCampaignSendActivities({
      db: handle.db,
      driverFor: async () => driver,
      journal: new HandOverJournal('.omniflow/bench-journal'),
    }),
    maxConcurrentActivityTaskExecutions: 4,
  });
  const running = worker.run();
  // rss() alone: memoryUsage() walks every heap space, 20 times a second, on the worker's CPU.
  const mb = () => process.memoryUsage.rss() / 2 ** 20;
  let peak = mb();
  // Asked for RSS right before the campaign starts: its CPU is counted from there.
  let cpuAtStart = process.cpuUsage();
  const sampler = setInterval(() => (peak = Math.max(peak, mb())), 50);
  process.on('message', (question: string) => {
    if (question === 'rss') {
      cpuAtStart = process.cpuUsage();
      process.send!(mb());
    }
    if (question === 'stop')
      void (async () => {
        clearInterval(sampler);
        peak = Math.max(peak, mb());
        // The worker's own CPU (the machine is shared, so its wall time says little on its own).
        const cpu = process.cpuUsage(cpuAtStart);
        console.log(
          `Send worker CPU: ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s (user ${(cpu.user / 1e6).toFixed(1)}, system ${(cpu.system / 1e6).toFixed(1)})`,
        );
        worker.shutdown();
        await running;
        await connection.close();
        await driver.close?.();
        await handle.close();
        process.send!(peak, () => process.exit(0));
      })();
  });
  process.send!('ready');
}
