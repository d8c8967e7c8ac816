import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import type { Worker } from '@temporalio/worker';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { flowVersions, openDb, runs, type DbHandle } from '@omniflow/db';
import { loadRegistry } from '../src/server/load-registry.ts';
import { runWorkflow } from '../src/runs/run-workflow.ts';
import { createFlowWorker } from '../src/worker/flow-worker.ts';
import { freshPostgresDatabase } from './support/postgres.ts';
import { seedRun } from './support/seed-run.ts';
import { eventually } from './support/test-omniflow.ts';

const burst = fileURLToPath(new URL('./support/start-burst.ts', import.meta.url));
// tsx as a loader, not its CLI: the CLI runs the script in a child of its own, which SIGKILL misses.
const tsxLoader = new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url).href;

const startThenEnd = {
  name: 'Start then end',
  nodes: [
    { id: 'start', type: 'flow.start', config: {} },
    { id: 'end', type: 'flow.end', config: {} },
  ],
  edges: [{ id: 'e1', from: { node: 'start', port: 'next' }, to: { node: 'end' } }],
};

describe.skipIf(!inject('postgresUrl'))('a process killed with SIGKILL while it starts runs', () => {
  let handle: DbHandle;
  let dropDatabase: () => Promise<void>;
  let connection: Connection;
  let worker: Worker;
  let workerDone: Promise<void>;
  let child: ChildProcess | undefined;
  let childErrors = '';
  const taskQueue = `burst-${randomUUID()}`;

  beforeAll(async () => {
    const fresh = await freshPostgresDatabase(inject('postgresUrl'));
    dropDatabase = fresh.drop;
    handle = await openDb({ databaseUrl: fresh.url });
    connection = await Connection.connect({ address: inject('temporalAddress') });
    const registry = await loadRegistry({});
    // The worker runs the flows and, every 200 ms, looks for starts left behind.
    worker = await createFlowWorker({
      address: inject('temporalAddress'),
      taskQueue,
      db: handle.db,
      registry,
      env: { ...process.env, OMNIFLOW_RUN_RECONCILE_MS: '200' },
    });
    workerDone = worker.run();
    const seeded = await seedRun(handle.db, registry, startThenEnd);
    // Only the flow version is wanted: the seeded run row would be one left behind itself.
    await handle.db.delete(runs).where(eq(runs.id, seeded.runId));
    const [version] = await handle.db
      .select()
      .from(flowVersions)
      .where(eq(flowVersions.flowId, seeded.run.flowId));
    child = spawn(process.execPath, ['--import', tsxLoader, burst], {
      env: {
        ...process.env,
        DATABASE_URL: fresh.url,
        TEMPORAL_ADDRESS: inject('temporalAddress'),
        TASK_QUEUE: taskQueue,
        FLOW_VERSION_ID: version!.id,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stderr?.on('data', (chunk: Buffer) => (childErrors += chunk.toString()));
  });
  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    if (worker?.getState() === 'RUNNING') worker.shutdown();
    await workerDone?.catch(() => undefined);
    await connection?.close();
    await handle?.close();
    await dropDatabase?.();
  });

  it('leaves no run without its workflow: each is noted or failed as never started, within a minute', async () => {
    const count = async () =>
      Number((await handle.db.select({ n: sql<number>`count(*)` }).from(runs))[0]?.n ?? 0);
    await eventually(async () => {
      if (child!.exitCode !== null) throw new Error(`The burst ended before the kill: ${childErrors}`);
      return (await count()) >= 60 ? true : undefined;
    }, 60_000);
    child!.kill('SIGKILL');
    await new Promise((resolve) => child!.once('exit', resolve));

    // Each row gets its workflow noted or is failed as never started, 30 s after the kill at most.
    const unnoted = () =>
      handle.db
        .select({ id: runs.id })
        .from(runs)
        .where(and(inArray(runs.status, ['running', 'waiting']), isNull(runs.temporalRunId)));
    await eventually(async () => ((await unnoted()).length === 0 ? true : undefined), 60_000);

    const temporal = new Client({ connection });
    const rows = await handle.db.select().from(runs);
    const notStarted = rows.filter((r) => r.status === 'failed');
    for (const row of notStarted) {
      expect(row.error).toMatchObject({ code: 'RUN_NOT_STARTED' });
      expect(await runWorkflow(temporal, row)).toBeUndefined();
    }
    for (const row of rows.filter((r) => r.status !== 'failed')) {
      expect(await runWorkflow(temporal, row)).toBeDefined();
    }
    console.log(`${rows.length} runs written, ${notStarted.length} left without a workflow by the kill`);
  }, 150_000);
});
