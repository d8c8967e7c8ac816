import { asc, count, eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import {
  flowVersions,
  flows,
  newId,
  openDb,
  runEvents,
  runSteps,
  runs,
  workspaces,
  type DbHandle,
} from '@omniflow/db';
import { createProgressWriter, progressBatchStatement, writeProgressBatch } from './progress-writer.ts';
import type { RunProgress } from './run-progress.ts';
import { freshPostgresDatabase } from '../../test/support/postgres.ts';

// EXPLAIN's answer on both drivers: one text column per row.
const planRows = z.object({ rows: z.array(z.record(z.string(), z.string())) });

const backends = [
  { db: 'pglite', enabled: true },
  { db: 'postgres', enabled: Boolean(inject('postgresUrl')) },
];

describe.each(backends)('progress writer on $db', ({ db, enabled }) => {
  let handle: DbHandle;
  let drop: (() => Promise<void>) | undefined;
  let workspaceId: string;
  let versionId: string;
  let flowId: string;

  beforeEach(async (context) => {
    if (!enabled) return context.skip();
    if (db === 'postgres') {
      const fresh = await freshPostgresDatabase(inject('postgresUrl'));
      drop = fresh.drop;
      handle = await openDb({ databaseUrl: fresh.url });
    } else {
      handle = await openDb({ dataDir: 'memory://' });
    }
    workspaceId = newId();
    flowId = newId();
    versionId = newId();
    await handle.db.insert(workspaces).values({ id: workspaceId, name: 'w' });
    await handle.db.insert(flows).values({ id: flowId, workspaceId, name: 'f', draft: {} });
    await handle.db
      .insert(flowVersions)
      .values({ id: versionId, workspaceId, flowId, version: 1, graph: {}, machine: {}, hash: 'h' });
  });
  afterEach(async () => {
    await handle?.close();
    await drop?.();
  });

  async function newRun(): Promise<string> {
    const id = newId();
    await handle.db
      .insert(runs)
      .values({ id, workspaceId, flowId, flowVersionId: versionId, version: 1, temporalWorkflowId: id });
    return id;
  }

  const progress = (runId: string, over: Partial<RunProgress> = {}): RunProgress => ({
    runId,
    workspaceId,
    status: 'waiting',
    currentNodes: ['wait'],
    steps: [
      {
        seq: 1,
        nodeId: 'start',
        nodeType: 'flow.start',
        enteredAt: '2026-01-01T00:00:00.000Z',
        leftAt: '2026-01-01T00:00:00.000Z',
        port: 'next',
      },
      { seq: 2, nodeId: 'wait', nodeType: 'logic.wait-for-event', enteredAt: '2026-01-01T00:00:00.000Z' },
    ],
    ended: false,
    ...over,
  });

  const stepsOf = (runId: string) =>
    handle.db.select().from(runSteps).where(eq(runSteps.runId, runId)).orderBy(asc(runSteps.seq));

  it('writes steps and run state, and writing the same batch twice changes nothing', async () => {
    const runId = await newRun();
    await writeProgressBatch(handle.db, [progress(runId)]);
    await writeProgressBatch(handle.db, [progress(runId)]);
    expect((await stepsOf(runId)).map((s) => [s.seq, s.nodeId, s.port])).toEqual([
      [1, 'start', 'next'],
      [2, 'wait', null],
    ]);
    const [run] = await handle.db.select().from(runs).where(eq(runs.id, runId));
    expect(run).toMatchObject({ status: 'waiting', currentNodes: ['wait'], endedAt: null });
  });

  it('leaves a run given up on before its workflow started as it is', async () => {
    const runId = await newRun();
    const givenUp = { code: 'RUN_NOT_STARTED', message: 'never started' };
    await handle.db.update(runs).set({ status: 'failed', error: givenUp }).where(eq(runs.id, runId));
    // The workflow started late and took a step before it was terminated.
    await writeProgressBatch(handle.db, [progress(runId)]);
    const [run] = await handle.db.select().from(runs).where(eq(runs.id, runId));
    expect(run).toMatchObject({ status: 'failed', error: givenUp });
  });

  it('closes an open step and ends the run when later progress arrives', async () => {
    const runId = await newRun();
    const writer = createProgressWriter(handle.db);
    await writer.write(progress(runId));
    await writer.write(
      progress(runId, {
        status: 'completed',
        currentNodes: [],
        output: { ok: true },
        ended: true,
        steps: [
          {
            seq: 2,
            nodeId: 'wait',
            nodeType: 'logic.wait-for-event',
            enteredAt: '2026-01-01T00:00:00.000Z',
            leftAt: '2026-01-01T00:01:00.000Z',
            port: 'received',
            output: { by: 'x' },
          },
        ],
      }),
    );
    const steps = await stepsOf(runId);
    expect(steps[1]).toMatchObject({ port: 'received', output: { by: 'x' } });
    const [run] = await handle.db.select().from(runs).where(eq(runs.id, runId));
    expect(run).toMatchObject({ status: 'completed', output: { ok: true } });
    expect(run!.endedAt).toBeInstanceOf(Date);
  });

  it('writes many runs arriving together, keeping each run’s last state', async () => {
    const ids = await Promise.all(Array.from({ length: 30 }, newRun));
    const writer = createProgressWriter(handle.db);
    await Promise.all(
      ids.flatMap((id) => [
        writer.write(progress(id)),
        writer.write(progress(id, { status: 'completed', currentNodes: [], ended: true, steps: [] })),
      ]),
    );
    const rows = await handle.db.select().from(runs);
    expect(rows.filter((r) => ids.includes(r.id)).every((r) => r.status === 'completed' && r.endedAt)).toBe(
      true,
    );
    const [total] = await handle.db.select({ n: count() }).from(runSteps);
    expect(total!.n).toBe(60);
  });

  it('looks the batch’s runs up by key instead of reading every run', async () => {
    const ids = await Promise.all(Array.from({ length: 3 }, newRun));
    const others = Array.from({ length: 3000 }, () => newId());
    for (let i = 0; i < others.length; i += 500) {
      await handle.db.insert(runs).values(
        others.slice(i, i + 500).map((id) => ({
          id,
          workspaceId,
          flowId,
          flowVersionId: versionId,
          version: 1,
          temporalWorkflowId: id,
        })),
      );
    }
    await handle.db.execute(sql`analyze runs`);
    const plan = await handle.db.execute(
      sql`explain ${progressBatchStatement(ids.map((id) => progress(id)))}`,
    );
    const lines = planRows.parse(plan).rows.map((row) => Object.values(row)[0]!);
    const runsScan = lines.findIndex((line) => /Scan .*on runs\b/.test(line));
    expect(lines[runsScan], lines.join('\n')).toMatch(/Index (Only )?Scan/);
    expect(lines[runsScan + 1], lines.join('\n')).toMatch(/Index Cond: \(id = ANY/);
  });

  it('writes the records handed over in one turn of the event loop in one statement', async () => {
    const ids = await Promise.all(Array.from({ length: 5 }, newRun));
    let statements = 0;
    const counted = new Proxy(handle.db, {
      get(target, key, receiver) {
        if (key === 'execute') {
          return (...args: Parameters<typeof target.execute>) => {
            statements++;
            return target.execute(...args);
          };
        }
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const writer = createProgressWriter(counted);
    await Promise.all(ids.map((id) => writer.write(progress(id))));
    expect(statements).toBe(1);
    for (const id of ids) expect(await stepsOf(id)).toHaveLength(2);
  });

  it('retries while the database refuses the write and finishes once it accepts it', async () => {
    const runId = await newRun();
    const warnings: string[] = [];
    const writer = createProgressWriter(handle.db, (m) => warnings.push(m));
    await handle.db.execute(sql`alter table run_steps rename to run_steps_offline`);
    let done = false;
    const writing = writer.write(progress(runId)).then(() => (done = true));
    await new Promise((r) => setTimeout(r, 700));
    expect(done).toBe(false);
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings[0]).toContain('retrying');
    await handle.db.execute(sql`alter table run_steps_offline rename to run_steps`);
    await writing;
    expect(await stepsOf(runId)).toHaveLength(2);
  });

  it('retries a run-by-run write that fails for another reason after a deleted run', async () => {
    const kept = await newRun();
    let calls = 0;
    const flaky = new Proxy(handle.db, {
      get(target, key, receiver) {
        if (key === 'execute') {
          return (...args: Parameters<typeof target.execute>) => {
            // The second statement (the kept run's own write) meets a passing outage.
            if (++calls === 2) return Promise.reject(new Error('connection reset'));
            return target.execute(...args);
          };
        }
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const warnings: string[] = [];
    const writer = createProgressWriter(flaky, (m) => warnings.push(m));
    await Promise.all([writer.write(progress(kept)), writer.write(progress(newId()))]);
    expect(await stepsOf(kept)).toHaveLength(2);
    expect(warnings).toHaveLength(1);
  });

  it('drops the record of a deleted run without holding back the others', async () => {
    const kept = await newRun();
    const writer = createProgressWriter(handle.db);
    const ghost = newId();
    await Promise.all([writer.write(progress(ghost)), writer.write(progress(kept))]);
    expect(await stepsOf(kept)).toHaveLength(2);
    expect(await stepsOf(ghost)).toHaveLength(0);
  });

  const runRow = async (runId: string) => (await handle.db.select().from(runs).where(eq(runs.id, runId)))[0]!;

  /** JSON nested `depth` levels, as a node's output might be (PGlite crashed near 1,100). */
  const nested = (depth: number): unknown => JSON.parse('{"a":'.repeat(depth) + '1' + '}'.repeat(depth));

  it(
    'cuts a step output nested 1,100 deep instead of crashing the database, and notes it on the run',
    { timeout: 20_000 },
    async () => {
      const runId = await newRun();
      const writer = createProgressWriter(handle.db, () => undefined);
      const record = progress(runId);
      record.steps[0]!.output = { body: nested(1100) };
      await writer.write(record);
      await handle.db.execute(sql`select 1`);
      const [start] = await stepsOf(runId);
      expect(JSON.stringify(start!.output)).toContain('[not recorded: nested deeper than 256 levels]');
      const run = await runRow(runId);
      expect(run.status).toBe('waiting');
      expect(run.error).toMatchObject({ code: 'PROGRESS_NOT_RECORDED' });
      expect((run.error as { message: string }).message).toContain('the output of step 1 (start)');
    },
  );

  it(
    'cleans NUL characters from event data and step text so every run of the batch is written',
    { timeout: 20_000 },
    async () => {
      const [dirty, clean] = await Promise.all([newRun(), newRun()]);
      const writer = createProgressWriter(handle.db, () => undefined);
      await Promise.all([
        writer.write(
          progress(dirty, {
            events: [
              { seq: 1, type: 'approve', data: { by: 'a\u0000b' }, receivedAt: '2026-01-01T00:00:00.000Z' },
            ],
            steps: [
              {
                seq: 1,
                nodeId: 'start',
                nodeType: 'flow.start',
                enteredAt: '2026-01-01T00:00:00.000Z',
                port: 'n\u0000',
              },
            ],
          }),
        ),
        writer.write(progress(clean)),
      ]);
      const [event] = await handle.db.select().from(runEvents).where(eq(runEvents.runId, dirty));
      expect(event!.data).toEqual({ by: 'a\uFFFDb' });
      expect((await stepsOf(dirty))[0]!.port).toBe('n\uFFFD');
      expect(await stepsOf(clean)).toHaveLength(2);
    },
  );

  it(
    'gives up on a run whose rows the database refuses, records that on the run, and writes the rest of the batch',
    { timeout: 20_000 },
    async () => {
      const ids = await Promise.all(Array.from({ length: 4 }, newRun));
      const bad = ids[1]!;
      const warnings: string[] = [];
      let statements = 0;
      const counted = new Proxy(handle.db, {
        get(target, key, receiver) {
          if (key === 'execute')
            return (...args: Parameters<typeof target.execute>) => {
              statements++;
              return target.execute(...args);
            };
          return Reflect.get(target, key, receiver) as unknown;
        },
      });
      const writer = createProgressWriter(counted, (m) => warnings.push(m));
      await Promise.all(
        ids.map((id) =>
          writer.write(
            // seq past PostgreSQL's integer: refused for what the row says (22003), every time.
            id === bad
              ? progress(id, {
                  status: 'running',
                  steps: [
                    {
                      seq: 3_000_000_000,
                      nodeId: 'x',
                      nodeType: 'flow.start',
                      enteredAt: '2026-01-01T00:00:00.000Z',
                    },
                  ],
                })
              : progress(id),
          ),
        ),
      );
      for (const id of ids.filter((i) => i !== bad)) expect(await stepsOf(id)).toHaveLength(2);
      expect(await stepsOf(bad)).toHaveLength(0);
      const run = await runRow(bad);
      expect(run.status).toBe('running');
      expect(run.error).toMatchObject({ code: 'PROGRESS_NOT_RECORDED' });
      expect((run.error as { message: string }).message).toContain('the database refused it');
      // The batch, then each run once, then the refused run's state: no retries.
      expect(statements).toBe(1 + ids.length + 1);
      expect(warnings.filter((w) => w.includes('retrying'))).toEqual([]);
      expect(warnings.some((w) => w.includes(bad))).toBe(true);

      // Later progress of that run is written as usual.
      await writer.write(progress(bad, { status: 'completed', currentNodes: [], ended: true }));
      expect(await stepsOf(bad)).toHaveLength(2);
      expect((await runRow(bad)).status).toBe('completed');
    },
  );
});
