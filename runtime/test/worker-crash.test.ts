import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDb, runSteps, runs, type DbHandle } from '@omniflow/db';
import { loadRegistry } from '../src/server/load-registry.ts';
import { eventSignal } from '../src/temporal/workflow-api.ts';
import { freshPostgresDatabase } from './support/postgres.ts';
import { seedRun } from './support/seed-run.ts';
import { omniflowProcesses } from './support/spawn-omniflow.ts';
import { eventually } from './support/test-omniflow.ts';

const approval = JSON.parse(readFileSync(new URL('./golden/approval.graph.json', import.meta.url), 'utf8'));

describe.skipIf(!inject('postgresUrl'))('a worker killed with SIGKILL while a run waits', () => {
  let handle: DbHandle;
  let dropDatabase: () => Promise<void>;
  let databaseUrl: string;
  let connection: Connection;
  const taskQueue = `crash-${randomUUID()}`;
  // The worker runs with this process's environment, on this test's database and queue.
  const processes = omniflowProcesses(() => ({ env: process.env, databaseUrl, taskQueue }));

  beforeAll(async () => {
    const fresh = await freshPostgresDatabase(inject('postgresUrl'));
    databaseUrl = fresh.url;
    dropDatabase = fresh.drop;
    handle = await openDb({ databaseUrl });
    connection = await Connection.connect({ address: inject('temporalAddress') });
  });
  afterAll(async () => {
    await processes.killAll();
    await connection?.close();
    await handle?.close();
    await dropDatabase?.();
  });

  const startWorkerProcess = () => processes.spawn(['worker']);

  it('resumes the run on a new worker with no step duplicated', async () => {
    const registry = await loadRegistry({});
    const args = await seedRun(handle.db, registry, approval, { amount: 1000, name: 'crash' });
    const client = new Client({ connection });
    const first = startWorkerProcess();
    const workflow = await client.workflow.start('flowRun', {
      taskQueue,
      workflowId: args.runId,
      args: [args],
    });

    const statusOf = async () =>
      (await handle.db.select().from(runs).where(eq(runs.id, args.runId)))[0]?.status;
    await eventually(async () => ((await statusOf()) === 'waiting' ? true : undefined), 60_000);

    await first.kill();
    // The event lands in Temporal while no worker is alive; nothing may be lost.
    await workflow.signal(eventSignal, { type: 'approved', data: { by: 'after-crash' } });

    startWorkerProcess();
    const result = await workflow.result();
    expect(result).toMatchObject({
      status: 'completed',
      output: { result: 'approved CRASH', by: 'after-crash' },
    });

    const steps = await handle.db
      .select()
      .from(runSteps)
      .where(eq(runSteps.runId, args.runId))
      .orderBy(asc(runSteps.seq));
    expect(steps.map((s) => [s.seq, s.nodeId, s.port])).toEqual([
      [1, 'start', 'next'],
      [2, 'set', 'next'],
      [3, 'check', 'big'],
      [4, 'approval', 'received'],
      [5, 'done', null],
    ]);
    expect(await statusOf()).toBe('completed');
  }, 120_000);
});
