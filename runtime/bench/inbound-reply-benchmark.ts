import { benchApp } from './bench-app.ts';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker, bundleWorkflowCode } from '@temporalio/worker';
import { WhatsAppDriver } from '@omniflow/nodes/drivers/whatsapp';
import { FakeGraphApi } from '@omniflow/nodes/drivers/whatsapp/testing';
import { sandboxDrivers } from '../src/messaging/sandbox-drivers.ts';
import { flowWorkerParts } from '../src/worker/flow-worker.ts';
import { sharedWorkflowModules } from '../src/worker/workflow-bundle.ts';
import type { BaselineActivities } from './bench-workflows.ts';
import { latencyFigures, type LatencyFigures } from './latency-figures.ts';
import { median } from './median.ts';

// Conversations per kind; each round takes its share in two halves (A B B A).
const conversations = Number(process.env.BENCH_CHAT_CONVERSATIONS ?? 200);
const rounds = Number(process.env.BENCH_CHAT_ROUNDS ?? 4);
const concurrentConversations = Number(process.env.BENCH_CHAT_CONCURRENT ?? 100);
const lanes = Number(process.env.BENCH_CHAT_LANES ?? 5);
const warmUp = 20;
const replyTimeoutMs = 30_000;

const settings = { accessToken: 'bench-token', appSecret: 'bench-secret', phoneNumberId: '106540352242922' };

/**
 * A help-desk bot: any WhatsApp message starts it; it asks what the person needs (the reply to
 * their first message) and acknowledges the answer (the reply to their second).
 */
const helpDeskBot = {
  name: 'Help desk bot',
  nodes: [
    { id: 'hi', type: 'message.inbound', config: { channel: 'whatsapp' } },
    {
      id: 'need',
      type: 'message.ask',
      config: { channel: 'whatsapp', question: 'Hola, ¿en qué te ayudo?', timeout: 'PT1H' },
    },
    {
      id: 'noted',
      type: 'message.send',
      config: { channel: 'whatsapp', text: 'Anotado: {{ nodes.need.output.answer }}' },
    },
    { id: 'end', type: 'flow.end', config: {} },
    { id: 'late', type: 'flow.end', config: {} },
  ],
  edges: [
    { id: 'e1', from: { node: 'hi', port: 'next' }, to: { node: 'need' } },
    { id: 'e2', from: { node: 'need', port: 'answered' }, to: { node: 'noted' } },
    { id: 'e3', from: { node: 'need', port: 'timeout' }, to: { node: 'late' } },
    { id: 'e4', from: { node: 'noted', port: 'sent' }, to: { node: 'end' } },
  ],
};

type Kind = 'bot' | 'baseline';
type Turn = 'first' | 'second';

export interface ChatLatencyLine {
  bot: LatencyFigures;
  baseline: LatencyFigures;
  /** Median of the per-round ratios of the bot's p50 to the baseline's. */
  p50Ratio: number;
  p99Ratio: number;
  perRound: { bot: number; baseline: number }[];
}

export interface InboundReplyFigures {
  conversations: number;
  rounds: number;
  /** A person's first message: webhook → route-inbound → signal-with-start → the question sent. */
  first: ChatLatencyLine;
  /** Their second message, to the run waiting at the question: the signal path. */
  second: ChatLatencyLine;
  /** First messages of `lanes` conversations at a time. */
  concurrent: { conversations: number; lanes: number; bot: LatencyFigures; baseline: LatencyFigures };
}

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`No reply to ${what} within ${replyTimeoutMs} ms`)),
      replyTimeoutMs,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Inbound WhatsApp message → bot reply sent, on loopback: a signed webhook posted to the real API
 * (HTTP, PGlite, route-inbound, Temporal) and the product's worker running a published bot flow
 * whose reply reaches the fake Graph API. Baseline, same server, worker and run: the bare
 * Temporal round trip of a message — signal-with-start (then a signal) of a workflow that runs
 * one activity per message — measured in alternating rounds.
 */
export async function inboundReplyBenchmark(address: string): Promise<InboundReplyFigures> {
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // Installed already by an earlier benchmark in this process.
  }
  const graph = await FakeGraphApi.start(settings);
  const channels = {
    ...sandboxDrivers(),
    whatsapp: new WhatsAppDriver({
      ...settings,
      baseUrl: graph.url,
      apiVersion: 'v21.0',
      verifyToken: 'bench',
    }),
  };
  const connection = await Connection.connect({ address });
  const temporal = new Client({ connection });
  const taskQueue = `bench-chat-${randomUUID()}`;
  const { handle, registry, key, app } = await benchApp(temporal, { taskQueue, channels });

  // The baseline's activity tells the waiting measurement that its conversation was answered.
  const baselineReplies = new Map<string, () => void>();
  const baselineActivities: BaselineActivities = {
    async replyBaseline(conversation) {
      baselineReplies.get(conversation)?.();
    },
  };
  // One worker for both kinds, with the parts and settings `omniflow worker` uses; its bundle
  // adds the baseline workflow to flowRun.
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

  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as { port: number };
  const webhook = `http://127.0.0.1:${port}/api/v1/webhooks/whatsapp`;
  const api = (path: string, body: unknown) =>
    app.request(`/api/v1${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const created = await api('/flows', helpDeskBot);
  const flowId = ((await created.json()) as { id: string }).id;
  const published = await api(`/flows/${flowId}/publish`, {});
  if (published.status !== 201) throw new Error(`Bot not published: ${await published.text()}`);

  const botReplies = new Map<string, () => void>();
  graph.onSent((message) => botReplies.get(message.waId)?.());
  const replied = (waiting: Map<string, () => void>, id: string) =>
    new Promise<number>((resolve) =>
      waiting.set(id, () => {
        waiting.delete(id);
        resolve(performance.now());
      }),
    );

  let nextPhone = 0;
  let nextConversation = 0;
  /** Milliseconds from the person's message leaving to the reply arriving. */
  const message: Record<Kind, (conversation: string, turn: Turn) => Promise<number>> = {
    async bot(phone, turn) {
      const answered = replied(botReplies, phone.slice(1));
      const started = performance.now();
      const delivery = await graph.userSends(webhook, phone, {
        text: turn === 'first' ? 'Hola' : 'Quiero cambiar mi cita',
      });
      if (delivery.status !== 200) throw new Error(`The webhook answered ${delivery.status}`);
      return (await withTimeout(answered, `${phone}'s ${turn} message`)) - started;
    },
    async baseline(conversation, turn) {
      const answered = replied(baselineReplies, conversation);
      const started = performance.now();
      const event = { type: 'message', data: { text: 'Hola' } };
      if (turn === 'first') {
        await temporal.workflow.signalWithStart('replyBaselineWorkflow', {
          taskQueue,
          workflowId: conversation,
          args: [2],
          signal: 'event',
          signalArgs: [event],
        });
      } else {
        await temporal.workflow.getHandle(conversation).signal('event', event);
      }
      return (await withTimeout(answered, `baseline ${conversation}`)) - started;
    },
  };
  const newConversation: Record<Kind, () => string> = {
    bot: () => `+3461${String(nextPhone++).padStart(7, '0')}`,
    baseline: () => `bench-conversation-${nextConversation++}`,
  };

  /** Each conversation's first message, then (once all have had theirs) its second. */
  const talk = async (kind: Kind, count: number, lanesAtOnce = 1) => {
    const ids = Array.from({ length: count }, newConversation[kind]);
    const times: Record<Turn, number[]> = { first: [], second: [] };
    for (const turn of ['first', 'second'] as const) {
      let next = 0;
      const lane = async () => {
        while (next < ids.length) times[turn].push(await message[kind](ids[next++]!, turn));
      };
      await Promise.all(Array.from({ length: lanesAtOnce }, lane));
    }
    return times;
  };

  // Warm both paths (JIT, the database's statements, the sockets) outside the measurement.
  await talk('bot', warmUp);
  await talk('baseline', warmUp);

  const samples: Record<Kind, Record<Turn, number[][]>> = {
    bot: { first: [], second: [] },
    baseline: { first: [], second: [] },
  };
  const half = Math.max(1, Math.round(conversations / rounds / 2));
  for (let round = 0; round < rounds; round++) {
    // A B B A, A alternating between rounds: a change of load on this shared machine during a
    // round weighs on both kinds alike.
    const [a, b] = round % 2 === 0 ? (['baseline', 'bot'] as const) : (['bot', 'baseline'] as const);
    const inRound: Record<Kind, Record<Turn, number[]>> = {
      bot: { first: [], second: [] },
      baseline: { first: [], second: [] },
    };
    for (const kind of [a, b, b, a]) {
      const times = await talk(kind, half);
      inRound[kind].first.push(...times.first);
      inRound[kind].second.push(...times.second);
    }
    for (const kind of ['bot', 'baseline'] as const)
      for (const turn of ['first', 'second'] as const) samples[kind][turn].push(inRound[kind][turn]);
    console.log(
      `chat round ${round + 1}: first message p50 bot ${median(inRound.bot.first).toFixed(1)} ms, baseline ${median(inRound.baseline.first).toFixed(1)} ms; second p50 bot ${median(inRound.bot.second).toFixed(1)} ms, baseline ${median(inRound.baseline.second).toFixed(1)} ms`,
    );
  }

  const concurrent: Record<Kind, number[]> = { bot: [], baseline: [] };
  for (const kind of ['baseline', 'bot', 'bot', 'baseline'] as const)
    concurrent[kind].push(...(await talk(kind, concurrentConversations / 2, lanes)).first);

  await new Promise<void>((resolve) => server.close(() => resolve()));
  worker.shutdown();
  await running;
  await connection.close();
  await graph.close();
  await handle.close();

  const line = (turn: Turn): ChatLatencyLine => {
    const perRound = samples.bot[turn].map((bot, i) => ({
      bot: median(bot),
      baseline: median(samples.baseline[turn][i]!),
    }));
    const bot = latencyFigures(samples.bot[turn].flat());
    const baseline = latencyFigures(samples.baseline[turn].flat());
    return {
      bot,
      baseline,
      p50Ratio: median(perRound.map((r) => r.bot / r.baseline)),
      p99Ratio: bot.p99 / baseline.p99,
      perRound,
    };
  };
  return {
    conversations: half * 2 * rounds,
    rounds,
    first: line('first'),
    second: line('second'),
    concurrent: {
      conversations: concurrentConversations,
      lanes,
      bot: latencyFigures(concurrent.bot),
      baseline: latencyFigures(concurrent.baseline),
    },
  };
}
