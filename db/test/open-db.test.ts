import { randomBytes } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  flowVersions,
  flows,
  newId,
  openDb,
  runSteps,
  runs,
  users,
  workspaces,
  type DbHandle,
} from '../src/index.ts';

// Provided by runtime/test/support/global-setup.ts (declared here too: this package's tsconfig
// does not see the runtime's test support files).
declare module 'vitest' {
  interface ProvidedContext {
    postgresUrl: string;
  }
}

/**
 * A database of its own on the test PostgreSQL server, like runtime/test/support/postgres.ts
 * (which the db package cannot import across project boundaries).
 */
async function freshDatabase(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `omniflow_dbtest_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

/** The SQLSTATE of a driver error, looking through drizzle's wrapping. */
function sqlState(error: unknown): string | undefined {
  for (let e: any = error; e; e = e.cause) if (typeof e.code === 'string') return e.code;
  return undefined;
}

function databaseTests(
  open: () => Promise<{ handle: DbHandle; reopen?: () => Promise<DbHandle>; cleanup(): Promise<void> }>,
  options: { reopenable?: boolean } = {},
) {
  let handle: DbHandle;
  let cleanup: () => Promise<void>;
  let reopen: (() => Promise<DbHandle>) | undefined;
  beforeAll(async () => {
    ({ handle, cleanup, reopen } = await open());
  });
  afterAll(async () => {
    await handle?.close();
    await cleanup?.();
  });

  const ids = { workspace: newId(), user: newId(), flow: newId(), version: newId(), run: newId() };
  const graph = { name: 'Hello', nodes: [{ id: 'start', type: 'flow.start', config: {} }], edges: [] };

  it('answers ping()', async () => {
    await expect(handle.ping()).resolves.toBeUndefined();
  });

  it('stores and reads back a workspace, user, flow, version, run and its steps', async () => {
    const { db } = handle;
    await db.insert(workspaces).values({ id: ids.workspace, name: 'Acme' });
    await db.insert(users).values({
      id: ids.user,
      workspaceId: ids.workspace,
      email: `someone-${ids.user}@example.test`,
      passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
      role: 'admin',
    });
    await db
      .insert(flows)
      .values({ id: ids.flow, workspaceId: ids.workspace, name: 'Hello', draft: graph, createdBy: ids.user });
    await db.insert(flowVersions).values({
      id: ids.version,
      workspaceId: ids.workspace,
      flowId: ids.flow,
      version: 1,
      graph,
      machine: { id: 'hello', initial: 'start', states: { start: { type: 'final' } } },
      hash: 'a'.repeat(64),
      publishedBy: ids.user,
    });
    await db.insert(runs).values({
      id: ids.run,
      workspaceId: ids.workspace,
      flowId: ids.flow,
      flowVersionId: ids.version,
      version: 1,
      input: { name: 'Ada', tags: ['x', 'y'] },
      temporalWorkflowId: `run-${ids.run}`,
    });
    const enteredAt = new Date('2026-01-02T03:04:05.678Z');
    await db.insert(runSteps).values([
      {
        workspaceId: ids.workspace,
        runId: ids.run,
        seq: 1,
        nodeId: 'start',
        nodeType: 'flow.start',
        enteredAt,
        leftAt: enteredAt,
        port: 'next',
      },
      {
        workspaceId: ids.workspace,
        runId: ids.run,
        seq: 2,
        nodeId: 'end',
        nodeType: 'flow.end',
        enteredAt,
        output: { done: true },
      },
    ]);

    const [workspace] = await db.select().from(workspaces).where(eq(workspaces.id, ids.workspace));
    expect(workspace).toMatchObject({ id: ids.workspace, name: 'Acme' });
    expect(workspace!.createdAt).toBeInstanceOf(Date);

    const [user] = await db.select().from(users).where(eq(users.id, ids.user));
    expect(user).toMatchObject({ workspaceId: ids.workspace, role: 'admin', name: '' });

    const [flow] = await db.select().from(flows).where(eq(flows.id, ids.flow));
    expect(flow).toMatchObject({
      name: 'Hello',
      description: '',
      draft: graph,
      latestVersion: null,
      createdBy: ids.user,
    });

    const [version] = await db.select().from(flowVersions).where(eq(flowVersions.flowId, ids.flow));
    expect(version).toMatchObject({ id: ids.version, version: 1, graph, notes: '' });

    const [run] = await db.select().from(runs).where(eq(runs.id, ids.run));
    expect(run).toMatchObject({
      status: 'running',
      currentNodes: [],
      input: { name: 'Ada', tags: ['x', 'y'] },
      output: null,
      temporalWorkflowId: `run-${ids.run}`,
      temporalRunId: null,
      endedAt: null,
    });

    const steps = await db
      .select()
      .from(runSteps)
      .where(eq(runSteps.runId, ids.run))
      .orderBy(asc(runSteps.seq));
    expect(steps.map((s) => [s.seq, s.nodeId, s.port])).toEqual([
      [1, 'start', 'next'],
      [2, 'end', null],
    ]);
    expect(steps[0]!.enteredAt.toISOString()).toBe(enteredAt.toISOString());
    expect(steps[1]!.output).toEqual({ done: true });
  });

  it('rejects a second step with the same (run_id, seq)', async () => {
    const duplicate = handle.db.insert(runSteps).values({
      workspaceId: ids.workspace,
      runId: ids.run,
      seq: 2,
      nodeId: 'again',
      nodeType: 'flow.end',
      enteredAt: new Date(),
    });
    const error = await duplicate.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error, 'the insert should have failed').toBeDefined();
    expect(sqlState(error)).toBe('23505'); // unique_violation
    const steps = await handle.db.select().from(runSteps).where(eq(runSteps.runId, ids.run));
    expect(steps).toHaveLength(2);
  });

  if (options.reopenable) {
    it('opens an already migrated database again (migrations are idempotent)', async () => {
      const again = await reopen!();
      try {
        await again.ping();
        const [run] = await again.db.select().from(runs).where(eq(runs.id, ids.run));
        expect(run?.id).toBe(ids.run);
      } finally {
        await again.close();
      }
    });
  }
}

describe('openDb with embedded PGlite (memory://)', () => {
  databaseTests(async () => {
    const handle = await openDb({ dataDir: 'memory://' });
    expect(handle.kind).toBe('pglite');
    return { handle, cleanup: async () => {} };
  });
});

const postgresUrl = inject('postgresUrl');

describe.skipIf(!postgresUrl)('openDb with PostgreSQL (OMNIFLOW_TEST_DATABASE_URL)', () => {
  databaseTests(
    async () => {
      const fresh = await freshDatabase(postgresUrl);
      const handle = await openDb({ databaseUrl: fresh.url });
      expect(handle.kind).toBe('postgres');
      return { handle, reopen: () => openDb({ databaseUrl: fresh.url }), cleanup: fresh.drop };
    },
    { reopenable: true },
  );
});
