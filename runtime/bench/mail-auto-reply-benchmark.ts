import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker, bundleWorkflowCode } from '@temporalio/worker';
import nodemailer, { type Transporter } from 'nodemailer';
import { startInboundSmtpServer } from '@omniflow/nodes/drivers/email';
import type { MessagingDriver, OutboundMessage } from '@omniflow/nodes/drivers/messaging';
import { startMailIntake } from '../src/email/start-mail-intake.ts';
import { sandboxDrivers } from '../src/messaging/sandbox-drivers.ts';
import { flowWorkerParts } from '../src/worker/flow-worker.ts';
import { sharedWorkflowModules } from '../src/worker/workflow-bundle.ts';
import { benchApp } from './bench-app.ts';
import type { BaselineActivities } from './bench-workflows.ts';
import { latencyFigures, type LatencyFigures } from './latency-figures.ts';
import { median } from './median.ts';

const mails = Number(process.env.BENCH_MAIL_COUNT ?? 200);
const rounds = Number(process.env.BENCH_MAIL_ROUNDS ?? 4);
const warmUp = 20;
const replyTimeoutMs = 30_000;
const desk = 'ayuda@omniflow.test';

/** The help desk's auto-reply: any new mail to the desk is answered once, by email. */
const autoReply = {
  name: 'Auto-reply',
  nodes: [
    { id: 'mail', type: 'message.inbound', config: { channel: 'any', to: desk } },
    {
      id: 'answer',
      type: 'message.send',
      config: { channel: 'conversation', to: '{{ input.from }}', text: 'Recibimos tu correo.' },
    },
    { id: 'end', type: 'flow.end', config: {} },
    { id: 'failed', type: 'flow.end', config: {} },
  ],
  edges: [
    { id: 'e1', from: { node: 'mail', port: 'next' }, to: { node: 'answer' } },
    { id: 'e2', from: { node: 'answer', port: 'sent' }, to: { node: 'end' } },
    { id: 'e3', from: { node: 'answer', port: 'failed' }, to: { node: 'failed' } },
  ],
};

type Kind = 'omniflow' | 'baseline';

export interface MailAutoReplyFigures {
  mails: number;
  rounds: number;
  omniflow: LatencyFigures;
  baseline: LatencyFigures;
  p50Ratio: number;
  p99Ratio: number;
  perRound: { omniflow: number; baseline: number }[];
}

/** The email channel's send path ends here: the sandbox driver, telling the bench who was answered. */
function watchedEmailDriver(onSent: (to: string) => void): MessagingDriver {
  const sandbox = sandboxDrivers().email!;
  return {
    channel: 'email',
    async send(message: OutboundMessage) {
      const result = await sandbox.send(message);
      onSent(message.to);
      return result;
    },
    verifySignature: () => false,
    parseInbound: () => [],
    parseStatus: () => [],
  };
}

/**
 * A mail in over SMTP → the flow's auto-reply handed to the email send path, on loopback:
 * nodemailer → the built-in inbound server (RCPT check, parse, RFC 3834 checks, the period's
 * claim, route-inbound, PGlite) → the product's worker running a published auto-reply flow →
 * the email driver. Baseline, same Temporal server and worker, same SMTP client and library: a
 * bare smtp-server whose DATA does the signal-with-start of a workflow running one activity.
 * Alternating rounds (A B B A), each mail from a new sender.
 */
export async function mailAutoReplyBenchmark(address: string): Promise<MailAutoReplyFigures> {
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // Installed already by an earlier benchmark in this process.
  }
  const answered = new Map<string, () => void>();
  const channels = { ...sandboxDrivers(), email: watchedEmailDriver((to) => answered.get(to)?.()) };
  const connection = await Connection.connect({ address });
  const temporal = new Client({ connection });
  const taskQueue = `bench-mail-${randomUUID()}`;
  const { handle, registry, key, app } = await benchApp(temporal, { taskQueue, channels });

  const baselineReplies = new Map<string, () => void>();
  const baselineActivities: BaselineActivities = {
    async replyBaseline(conversation) {
      baselineReplies.get(conversation)?.();
    },
  };
  const parts = await flowWorkerParts({ db: handle.db, registry, messagingDrivers: channels });
  const worker = await Worker.create({
    connection: await NativeConnection.connect({ address }),
    taskQueue,
    shutdownForceTime: '30s',
    ...parts,
    workflowBundle: await bundleWorkflowCode({
      workflowsPath: fileURLToPath(new URL('./bench-workflows.ts', import.meta.url)),
      preloadModules: sharedWorkflowModules,
      logger: { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error: console.error },
    }),
    activities: { ...parts.activities, ...baselineActivities },
  });
  const running = worker.run();

  const api = (path: string, body: unknown) =>
    app.request(`/api/v1${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const created = await api('/flows', autoReply);
  const flowId = ((await created.json()) as { id: string }).id;
  const published = await api(`/flows/${flowId}/publish`, {});
  if (published.status !== 201) throw new Error(`Auto-reply not published: ${await published.text()}`);

  const intake = await startMailIntake({
    db: handle.db,
    temporal,
    taskQueue,
    settings: {
      smtp: { port: 0, host: '127.0.0.1' },
      domains: [],
      maxBytes: 25 * 1024 * 1024,
      maxAttachmentBytes: 0,
    },
    log: () => undefined,
  });
  const bare = await startInboundSmtpServer({
    port: 0,
    host: '127.0.0.1',
    acceptsRecipient: async () => true,
    async onMail(_raw, envelope) {
      await temporal.workflow.signalWithStart('replyBaselineWorkflow', {
        taskQueue,
        workflowId: `bench-mail-${envelope.from}`,
        args: [1],
        signal: 'event',
        signalArgs: [{ type: 'message', data: { from: envelope.from } }],
      });
    },
  });
  const transports: Record<Kind, Transporter> = {
    omniflow: nodemailer.createTransport({
      host: '127.0.0.1',
      port: intake.smtpPort!,
      ignoreTLS: true,
      pool: true,
      maxConnections: 1,
    }),
    baseline: nodemailer.createTransport({
      host: '127.0.0.1',
      port: bare.port,
      ignoreTLS: true,
      pool: true,
      maxConnections: 1,
    }),
  };

  let nextSender = 0;
  const mailOnce = async (kind: Kind): Promise<number> => {
    const sender = `persona${nextSender++}@example.org`;
    const waiting = kind === 'omniflow' ? answered : baselineReplies;
    const id = kind === 'omniflow' ? sender : `bench-mail-${sender}`;
    let timer: NodeJS.Timeout | undefined;
    const reply = new Promise<number>((resolve, reject) => {
      waiting.set(id, () => {
        waiting.delete(id);
        resolve(performance.now());
      });
      timer = setTimeout(
        () => reject(new Error(`No auto-reply to ${sender} within ${replyTimeoutMs} ms`)),
        replyTimeoutMs,
      );
    });
    const started = performance.now();
    await transports[kind].sendMail({
      from: sender,
      to: desk,
      subject: 'Consulta',
      text: 'Hola, ¿a qué hora abrís mañana?',
      messageId: `<${randomUUID()}@example.org>`,
    });
    try {
      return (await reply) - started;
    } finally {
      clearTimeout(timer);
    }
  };
  const batch = async (kind: Kind, count: number) => {
    const times: number[] = [];
    for (let i = 0; i < count; i++) times.push(await mailOnce(kind));
    return times;
  };

  await batch('omniflow', warmUp);
  await batch('baseline', warmUp);

  const samples: Record<Kind, number[][]> = { omniflow: [], baseline: [] };
  const half = Math.max(1, Math.round(mails / rounds / 2));
  for (let round = 0; round < rounds; round++) {
    const [a, b] =
      round % 2 === 0 ? (['baseline', 'omniflow'] as const) : (['omniflow', 'baseline'] as const);
    const inRound: Record<Kind, number[]> = { omniflow: [], baseline: [] };
    for (const kind of [a, b, b, a]) inRound[kind].push(...(await batch(kind, half)));
    samples.omniflow.push(inRound.omniflow);
    samples.baseline.push(inRound.baseline);
    console.log(
      `mail round ${round + 1}: p50 auto-reply ${median(inRound.omniflow).toFixed(1)} ms, baseline ${median(inRound.baseline).toFixed(1)} ms`,
    );
  }

  transports.omniflow.close();
  transports.baseline.close();
  await intake.stop();
  await bare.close();
  worker.shutdown();
  await running;
  await connection.close();
  await handle.close();

  const perRound = samples.omniflow.map((o, i) => ({
    omniflow: median(o),
    baseline: median(samples.baseline[i]!),
  }));
  const omniflow = latencyFigures(samples.omniflow.flat());
  const baseline = latencyFigures(samples.baseline.flat());
  return {
    mails: half * 2 * rounds,
    rounds,
    omniflow,
    baseline,
    p50Ratio: median(perRound.map((r) => r.omniflow / r.baseline)),
    p99Ratio: omniflow.p99 / baseline.p99,
    perRound,
  };
}

/** The figures as printed lines (BENCHMARKS.md is left to the integrator). */
export function mailAutoReplyLines(figures: MailAutoReplyFigures): string[] {
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  return [
    `Mail in over SMTP → auto-reply handed to the send path (${figures.mails} mails, ${figures.rounds} rounds, one at a time):`,
    `  omniflow p50 ${ms(figures.omniflow.p50)}, p95 ${ms(figures.omniflow.p95)}, p99 ${ms(figures.omniflow.p99)}, max ${ms(figures.omniflow.max)} (goal p99 ≤ 200 ms)`,
    `  baseline (bare smtp-server + signal-with-start + one activity) p50 ${ms(figures.baseline.p50)}, p99 ${ms(figures.baseline.p99)}`,
    `  ratio p50 ${figures.p50Ratio.toFixed(2)}× (median of rounds), p99 ${figures.p99Ratio.toFixed(2)}×`,
  ];
}
