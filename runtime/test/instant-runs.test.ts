import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { asc, eq, sql } from 'drizzle-orm';
import { runSteps, runs, webhookDeliveries, webhookSubscriptions } from '@omniflow/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/api/create-app.ts';
import { isWorkflowMissing } from '../src/runs/run-workflow.ts';
import { eventually, publishFlow, startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

const example = JSON.parse(
  readFileSync(new URL('../../examples/flows/webhook-double.json', import.meta.url), 'utf8'),
) as { nodes: { id: string; config: Record<string, unknown> }[] } & Record<string, unknown>;

/** The example flow on another path (each test publishes its own). */
const doubleFlow = (name: string, path: string) => ({
  ...example,
  name,
  nodes: example.nodes.map((n) => (n.id === 'hook' ? { ...n, config: { ...n.config, path } } : n)),
});

/** A webhook flow: the trigger on `path`, then `middle`, wired by `wires` ([from, port, to]). */
function flow(
  name: string,
  path: string,
  middle: { id: string; type: string; config: object }[],
  wires: [string, string, string][],
  hook: Record<string, unknown> = {},
) {
  return {
    name,
    trigger: { node: 'hook' },
    nodes: [{ id: 'hook', type: 'http.webhook', config: { path, method: 'POST', ...hook } }, ...middle],
    edges: wires.map(([from, port, to], i) => ({
      id: `e${i}`,
      from: { node: from, port },
      to: { node: to },
    })),
  };
}

const text = (id: string, body: string, status = '200') => ({
  id,
  type: 'http.respond',
  config: { status, bodyType: 'text', body },
});

/** What a run's row and steps say, without what differs between any two runs (ids, times, Temporal's place). */
async function recordOf(omni: TestOmniflow, runId: string) {
  const [row] = await omni.handle.db.select().from(runs).where(eq(runs.id, runId));
  const steps = await omni.handle.db
    .select()
    .from(runSteps)
    .where(eq(runSteps.runId, runId))
    .orderBy(asc(runSteps.seq));
  const input = row!.input as { headers: Record<string, string> };
  return {
    status: row!.status,
    currentNodes: row!.currentNodes,
    failedNodeId: row!.failedNodeId,
    contact: row!.contact,
    version: row!.version,
    input: { ...input, headers: { 'content-type': input.headers['content-type'] } },
    output: row!.output,
    error: row!.error,
    ended: row!.endedAt !== null,
    steps: steps.map((s) => ({
      seq: s.seq,
      nodeId: s.nodeId,
      nodeType: s.nodeType,
      port: s.port,
      left: s.leftAt !== null,
      attempts: s.attempts,
      input: s.input,
      output: (s.nodeId === 'hook' ? { ...(s.output as object), headers: null } : s.output) as unknown,
      error: s.error,
    })),
  };
}

describe.each(['postgres', 'pglite'] as const)('instant runs (%s)', (db) => {
  let omni: TestOmniflow;
  let workspaceId: string;
  /** The same install answering as before this change: every run through Temporal. */
  let viaTemporal: ReturnType<typeof createApp>;
  let peer: Server;
  let peerUrl: string;
  const heard: string[] = [];
  const post = (app: ReturnType<typeof createApp>, path: string, body: unknown, headers = {}) =>
    app.request(`/api/v1/hooks/${workspaceId}/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const hasWorkflow = async (runId: string) => {
    try {
      await omni.temporal.workflow.getHandle(runId).describe();
      return true;
    } catch (error) {
      if (isWorkflowMissing(error)) return false;
      throw error;
    }
  };
  const ended = (runId: string) =>
    eventually(async () => {
      const [row] = await omni.handle.db.select().from(runs).where(eq(runs.id, runId));
      return row && row.status !== 'running' && row.status !== 'waiting' ? row : undefined;
    }, 60_000);
  const runsOf = (flowId: string) => omni.handle.db.select().from(runs).where(eq(runs.flowId, flowId));

  beforeAll(async () => {
    // A loopback peer for http.request, the side effect a handed-over run makes in Temporal.
    peer = createServer((request, response) => {
      heard.push(request.url ?? '');
      response.setHeader('content-type', 'application/json');
      response.end('{"seen":true}');
    });
    await new Promise<void>((resolve) => peer.listen(0, '127.0.0.1', resolve));
    peerUrl = `http://127.0.0.1:${(peer.address() as AddressInfo).port}`;
    omni = await startTestOmniflow({
      db,
      appDeps: { instantRuns: true },
      env: { OMNIFLOW_HTTP_ALLOW_PRIVATE: '1' },
    });
    workspaceId = (await omni.handle.db.query.workspaces.findFirst())!.id;
    viaTemporal = createApp({ ...omni.deps, instantRuns: false });
  }, 120_000);
  afterAll(async () => {
    await omni?.close();
    peer?.close();
  });

  it('answers the webhook-double flow without Temporal and records what a Temporal run records', async () => {
    await publishFlow(omni, doubleFlow('Doblar', 'double'));
    const instant = await post(omni.app, 'double', { n: 7 });
    expect(instant.status).toBe(200);
    expect(await instant.json()).toEqual({ result: 'big', doubled: 14 });
    const instantId = instant.headers.get('x-omniflow-run-id')!;
    // Committed before the answer left: no waiting for the row.
    const [row] = await omni.handle.db.select().from(runs).where(eq(runs.id, instantId));
    expect(row).toMatchObject({ status: 'completed', temporalRunId: null });
    expect(await hasWorkflow(instantId)).toBe(false);

    const temporal = await post(viaTemporal, 'double', { n: 7 });
    expect(temporal.status).toBe(200);
    expect(await temporal.json()).toEqual({ result: 'big', doubled: 14 });
    const temporalId = temporal.headers.get('x-omniflow-run-id')!;
    await ended(temporalId);
    expect(await hasWorkflow(temporalId)).toBe(true);
    const expected = await recordOf(omni, temporalId);
    expect(expected.steps).toHaveLength(4);
    expect(await recordOf(omni, instantId)).toEqual(expected);

    const detail = await omni.call('GET', `/api/v1/runs/${instantId}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ status: 'completed', version: 1 });
  });

  it('starts a pure flow through POST /runs as completed, with run.started and run.completed in the outbox', async () => {
    const flowId = await publishFlow(omni, doubleFlow('Doblar por API', 'double-api'));
    await omni.handle.db.insert(webhookSubscriptions).values({
      id: randomUUID(),
      workspaceId,
      url: 'http://127.0.0.1:9/hook',
      events: ['run.started', 'run.completed'],
      secretSealed: 'v1.unused',
      keyId: 'unused',
    });
    const started = await omni.call('POST', '/api/v1/runs', {
      flowId,
      input: { body: { n: 2 }, email: 'Ana@Example.com' },
    });
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ version: 1, status: 'completed' });
    const runId = started.body.id as string;
    expect(await hasWorkflow(runId)).toBe(false);
    const [row] = await omni.handle.db.select().from(runs).where(eq(runs.id, runId));
    expect(row).toMatchObject({ status: 'completed', contact: 'ana@example.com' });
    const deliveries = await omni.handle.db
      .select({ type: webhookDeliveries.eventType, body: webhookDeliveries.body })
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.workspaceId, workspaceId));
    const ofRun = deliveries.filter((d) => d.body.includes(runId)).map((d) => d.type);
    expect(ofRun.sort()).toEqual(['run.completed', 'run.started']);
    // Its secret is not sealed with this install's key: nothing is to be sent to it.
    await omni.handle.db
      .delete(webhookSubscriptions)
      .where(eq(webhookSubscriptions.workspaceId, workspaceId));
  });

  it('starts a POST /runs run that needs Temporal there from its beginning, as before', async () => {
    const flowId = await publishFlow(
      omni,
      flow(
        'Espera por API',
        'api-wait',
        [
          { id: 'pause', type: 'logic.wait', config: { duration: 'PT1S' } },
          { id: 'done', type: 'flow.end', config: {} },
        ],
        [
          ['hook', 'next', 'pause'],
          ['pause', 'next', 'done'],
        ],
      ),
    );
    const started = await omni.call('POST', '/api/v1/runs', { flowId, input: { body: {} } });
    expect(started.status).toBe(201);
    expect(started.body.status).toBe('running');
    const runId = started.body.id as string;
    expect(await hasWorkflow(runId)).toBe(true);
    expect((await ended(runId)).status).toBe('completed');
    const steps = await omni.handle.db.select().from(runSteps).where(eq(runSteps.runId, runId));
    // Every step in Temporal's history, the trigger's too: retry-from-step can reach each.
    expect(steps).toHaveLength(3);
    expect(steps.every((s) => s.temporalRunId !== null && s.wftEventId !== null)).toBe(true);
  });

  it('hands a run that answers and then waits over to Temporal, which completes it with every step', async () => {
    const flowId = await publishFlow(
      omni,
      flow(
        'Responde y sigue',
        'then-wait',
        [
          text('answer', 'ok {{ input.body.n }}'),
          { id: 'call', type: 'http.request', config: { url: `${peerUrl}/after/{{ input.body.n }}` } },
          { id: 'pause', type: 'logic.wait', config: { duration: 'PT1S' } },
          { id: 'code', type: 'logic.code', config: { code: 'return { n: input.body.n + 1 }' } },
          { id: 'done', type: 'flow.end', config: {} },
        ],
        [
          ['hook', 'next', 'answer'],
          ['answer', 'next', 'call'],
          ['call', 'success', 'pause'],
          ['pause', 'next', 'code'],
          ['code', 'next', 'done'],
        ],
      ),
    );
    const answered = await post(omni.app, 'then-wait', { n: 4 });
    expect(answered.status).toBe(200);
    expect(await answered.text()).toBe('ok 4');
    const runId = answered.headers.get('x-omniflow-run-id')!;
    expect(await hasWorkflow(runId)).toBe(true);
    const row = await ended(runId);
    expect(row.status).toBe('completed');
    const steps = await omni.handle.db
      .select()
      .from(runSteps)
      .where(eq(runSteps.runId, runId))
      .orderBy(asc(runSteps.seq));
    expect(steps.map((s) => [s.seq, s.nodeId, s.port, s.leftAt !== null])).toEqual([
      [1, 'hook', 'next', true],
      [2, 'answer', 'next', true],
      [3, 'call', 'success', true],
      [4, 'pause', 'next', true],
      [5, 'code', 'next', true],
      [6, 'done', null, true],
    ]);
    // The side effect happened once, in Temporal, after the answer.
    expect(heard.filter((url) => url === '/after/4')).toHaveLength(1);
    expect(steps[2]!).toMatchObject({ attempts: 1, output: { status: 200, body: { seen: true } } });
    expect(steps[4]!.output).toEqual({ n: 5 });
    // The steps played here carry no place in history; the workflow's do.
    expect(steps[1]!.temporalRunId).toBeNull();
    expect(steps[2]!.temporalRunId).not.toBeNull();
    expect((await runsOf(flowId)).length).toBe(1);
  });

  it('runs a flow that needs Temporal before it can answer as before', async () => {
    await publishFlow(
      omni,
      flow(
        'Espera y responde',
        'wait-first',
        [{ id: 'pause', type: 'logic.wait', config: { duration: 'PT1S' } }, text('answer', 'late')],
        [
          ['hook', 'next', 'pause'],
          ['pause', 'next', 'answer'],
        ],
      ),
    );
    const answered = await post(omni.app, 'wait-first', {});
    expect(answered.status).toBe(200);
    expect(await answered.text()).toBe('late');
    const runId = answered.headers.get('x-omniflow-run-id')!;
    expect(await hasWorkflow(runId)).toBe(true);
    expect((await ended(runId)).status).toBe('completed');
  });

  it('takes logic.code’s failed port, or fails the run, exactly as the Temporal path does', async () => {
    const throwing = {
      id: 'code',
      type: 'logic.code',
      config: { code: 'throw new Error("bad " + input.body.n)' },
    };
    await publishFlow(
      omni,
      flow(
        'Código con salida de error',
        'code-caught',
        [throwing, text('ok', 'ok'), text('oops', 'oops', '502')],
        [
          ['hook', 'next', 'code'],
          ['code', 'next', 'ok'],
          ['code', 'failed', 'oops'],
        ],
      ),
    );
    await publishFlow(
      omni,
      flow(
        'Código sin salida de error',
        'code-uncaught',
        [throwing, text('ok', 'ok')],
        [
          ['hook', 'next', 'code'],
          ['code', 'next', 'ok'],
        ],
      ),
    );
    for (const path of ['code-caught', 'code-uncaught']) {
      const instant = await post(omni.app, path, { n: 1 });
      const temporal = await post(viaTemporal, path, { n: 1 });
      const instantId = instant.headers.get('x-omniflow-run-id')!;
      const temporalId = temporal.headers.get('x-omniflow-run-id')!;
      expect(instant.status).toBe(temporal.status);
      // Uncaught, the run fails without an answer: 202 naming the run.
      expect(instant.status).toBe(path === 'code-caught' ? 502 : 202);
      expect((await instant.text()).replace(instantId, 'run')).toBe(
        (await temporal.text()).replace(temporalId, 'run'),
      );
      expect(await hasWorkflow(instantId)).toBe(false);
      await ended(temporalId);
      const expected = await recordOf(omni, temporalId);
      expect(expected.status).toBe(path === 'code-caught' ? 'completed' : 'failed');
      expect(await recordOf(omni, instantId)).toEqual(expected);
    }
  });

  it('answers nothing of the run when its record is not committed, and leaves no trace of it', async () => {
    const flowId = await publishFlow(omni, doubleFlow('Doblar sin registro', 'unrecorded'));
    // The database refuses this flow's runs: as if the process stopped before the commit.
    await omni.handle.db.execute(
      sql.raw(`alter table runs add constraint instant_refused check (flow_id <> '${flowId}')`),
    );
    try {
      const refused = await post(omni.app, 'unrecorded', { n: 7 });
      expect(refused.status).toBe(503);
      expect(((await refused.json()) as { error: unknown }).error).toMatchObject({
        code: 'RUN_NOT_RECORDED',
        message: expect.stringMatching(/^The run could not be recorded, so it did not happen/),
      });
      expect(refused.headers.get('x-omniflow-run-id')).toBeNull();
      // Said in the caller's language, with the same code.
      const spanish = await post(omni.app, 'unrecorded', { n: 7 }, { 'accept-language': 'es-MX,es;q=0.9' });
      expect(spanish.status).toBe(503);
      expect(((await spanish.json()) as { error: unknown }).error).toMatchObject({
        code: 'RUN_NOT_RECORDED',
        message:
          'No se pudo guardar la ejecución, así que no ocurrió y no se hizo nada. Envía la petición de nuevo.',
      });
      // No row, so no steps (they hang off it) and no workflow: nothing was started in Temporal.
      expect(await runsOf(flowId)).toEqual([]);
    } finally {
      await omni.handle.db.execute(sql.raw('alter table runs drop constraint instant_refused'));
    }
    const answered = await post(omni.app, 'unrecorded', { n: 7 });
    expect(answered.status).toBe(200);
    expect(await runsOf(flowId)).toHaveLength(1);
  });

  it('refuses bad input and failed hook auth with nothing recorded or started', async () => {
    const flowId = await publishFlow(omni, {
      ...doubleFlow('Doblar con clave', 'keyed'),
      nodes: doubleFlow('x', 'keyed').nodes.map((n) =>
        n.id === 'hook' ? { ...n, config: { ...n.config, auth: 'apiKey' } } : n,
      ),
    });
    const open = await publishFlow(omni, doubleFlow('Doblar abierto', 'open'));
    expect((await post(omni.app, 'keyed', { n: 1 })).status).toBe(401);
    expect((await post(omni.app, 'keyed', { n: 1 }, { authorization: 'Bearer nope' })).status).toBe(401);
    expect((await post(omni.app, 'open', '{"n":')).status).toBe(400);
    const big = await omni.app.request(`/api/v1/hooks/${workspaceId}/open`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'x'.repeat(1024 * 1024 + 1),
    });
    expect(big.status).toBe(413);
    expect(await runsOf(flowId)).toEqual([]);
    expect(await runsOf(open)).toEqual([]);
    const badStart = await omni.call('POST', '/api/v1/runs', { flowId: 'nope' });
    expect(badStart.status).toBe(400);
  });
});
