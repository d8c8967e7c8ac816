import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker, bundleWorkflowCode } from '@temporalio/worker';
import { eq } from 'drizzle-orm';
import { newId, openDb, runs, type Db } from '@omniflow/db';
import type { NodeRegistry } from '@omniflow/nodes/sdk';
import { loadRegistry } from '../src/server/load-registry.ts';
import { createActivities } from '../src/temporal/activities.ts';
import { createProgressSinks } from '../src/temporal/progress-sink.ts';
import { sharedWorkflowModules } from '../src/worker/workflow-bundle.ts';
import type { FlowRunArgs } from '../src/temporal/workflow-api.ts';
import { seedRun } from '../test/support/seed-run.ts';
import { median } from './median.ts';
import { progressBar } from '../src/cli/progress-bar.ts';

// Per kind and round; even, as each round runs it in two halves.
const runsPerRound = 2 * Math.round(Number(process.env.BENCH_RUNS ?? 150) / 2);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 50);
const rounds = Number(process.env.BENCH_ROUNDS ?? 8);
const warmUpRuns = concurrency * 2;

const fiveNodeFlow = {
  name: 'Five nodes',
  nodes: [
    { id: 'start', type: 'flow.start', config: {} },
    {
      id: 'score',
      type: 'logic.set',
      config: { assignments: [{ name: 'score', value: '{{ input.n | times: 2 }}' }] },
    },
    {
      id: 'route',
      type: 'logic.split',
      config: {
        branches: [{ id: 'high', conditions: [{ left: '{{ vars.score }}', operator: 'gte', right: '10' }] }],
      },
    },
    {
      id: 'label',
      type: 'logic.set',
      config: { assignments: [{ name: 'label', value: 'score {{ vars.score }}' }] },
    },
    { id: 'end', type: 'flow.end', config: { output: { label: '{{ vars.label }}' } } },
  ],
  edges: [
    { id: 'e1', from: { node: 'start', port: 'next' }, to: { node: 'score' } },
    { id: 'e2', from: { node: 'score', port: 'next' }, to: { node: 'route' } },
    { id: 'e3', from: { node: 'route', port: 'high' }, to: { node: 'label' } },
    { id: 'e4', from: { node: 'route', port: 'else' }, to: { node: 'label' } },
    { id: 'e5', from: { node: 'label', port: 'next' }, to: { node: 'end' } },
  ],
};

async function inParallel(
  count: number,
  limit: number,
  task: (i: number) => Promise<unknown>,
  label: string,
) {
  const bar = progressBar(label, count);
  let next = 0;
  const lane = async () => {
    while (next < count) {
      const i = next++;
      await task(i);
      bar.tick();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, lane));
  bar.done();
}

/** One published version of the flow and `count` runs of it, as the API would start them. */
async function seedRuns(db: Db, registry: NodeRegistry, count: number): Promise<FlowRunArgs[]> {
  const first = await seedRun(db, registry, fiveNodeFlow, { n: 0 });
  const [row] = await db.select().from(runs).where(eq(runs.id, first.runId));
  const seeded = [first];
  while (seeded.length < count) {
    const batch = Array.from({ length: Math.min(200, count - seeded.length) }, (_, i) => {
      const id = newId();
      const n = seeded.length + i;
      const startedAt = new Date();
      return {
        row: { ...row!, id, temporalWorkflowId: id, input: { n }, startedAt, updatedAt: startedAt },
        args: {
          ...first,
          runId: id,
          input: { n },
          run: { ...first.run, id, startedAt: startedAt.toISOString() },
        },
      };
    });
    await db.insert(runs).values(batch.map((b) => b.row));
    seeded.push(...batch.map((b) => b.args));
  }
  return seeded;
}

/**
 * Runs/s of the real flowRun (5 nodes, progress recorded to PGlite through the sink) against a
 * no-op workflow on the same worker and server, in alternating rounds.
 */
export async function workflowThroughput(address: string) {
  const handle = await openDb({ dataDir: 'memory://' });
  const registry = await loadRegistry({});
  const taskQueue = `bench-${randomUUID()}`;
  const bundle = await bundleWorkflowCode({
    workflowsPath: fileURLToPath(new URL('./bench-workflows.ts', import.meta.url)),
    preloadModules: sharedWorkflowModules,
    logger: { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error: console.error },
  });
  const worker = await Worker.create({
    connection: await NativeConnection.connect({ address }),
    taskQueue,
    workflowBundle: bundle,
    activities: createActivities({ registry }),
    sinks: createProgressSinks(handle.db),
    // No tuning of its own: the worker runs with the settings `omniflow worker` uses.
  });
  const running = worker.run();
  const connection = await Connection.connect({ address });
  const client = new Client({ connection });
  const seeded = await seedRuns(handle.db, registry, runsPerRound * rounds + warmUpRuns);

  let flowIndex = 0;
  const run = {
    noop: () => client.workflow.execute('noopWorkflow', { taskQueue, workflowId: `noop-${randomUUID()}` }),
    flow: async () => {
      const args = seeded[flowIndex++]!;
      const result = await client.workflow.execute('flowRun', {
        taskQueue,
        workflowId: args.runId,
        args: [args],
      });
      if (result.status !== 'completed') throw new Error(`Run ${args.runId} ended ${result.status}`);
    },
  };
  const label = { noop: 'no-op workflow', flow: '5-node flow' };

  // Warm both paths (JIT, the database's statements) so neither pays first-use costs inside
  // the measurement.
  for (const kind of ['noop', 'flow'] as const)
    await inParallel(warmUpRuns, concurrency, run[kind], `${label[kind]}, warm-up`);

  const measured = { noop: [] as number[], flow: [] as number[] };
  for (let round = 0; round < rounds; round++) {
    // Each round runs its halves as A B B A (A alternating between rounds), so a change of load
    // on this shared machine during a round weighs on both kinds alike.
    const [a, b] = round % 2 === 0 ? (['noop', 'flow'] as const) : (['flow', 'noop'] as const);
    const elapsed = { noop: 0, flow: 0 };
    for (const [half, kind] of [a, b, b, a].entries()) {
      const started = performance.now();
      await inParallel(
        runsPerRound / 2,
        concurrency,
        run[kind],
        `${label[kind]}, round ${round + 1}${half < 2 ? '' : ' (2nd half)'}`,
      );
      elapsed[kind] += performance.now() - started;
    }
    for (const kind of [a, b]) measured[kind].push(runsPerRound / (elapsed[kind] / 1000));
    // A round takes a while on a shared machine: show it went by.
    console.log(
      `workflows: round ${round + 1} of ${rounds}: 5-node flow ${measured.flow.at(-1)!.toFixed(1)} runs/s, no-op ${measured.noop.at(-1)!.toFixed(1)} runs/s`,
    );
  }
  worker.shutdown();
  await running;
  await connection.close();
  await handle.close();
  // The median of the per-round ratios resists the drift of a shared 2-core machine better
  // than a ratio of medians.
  const ratios = measured.flow.map((f, i) => f / measured.noop[i]!);
  return {
    noop: median(measured.noop),
    flow: median(measured.flow),
    ratio: median(ratios),
    ratios,
    rounds,
    runsPerRound,
    concurrency,
  };
}
