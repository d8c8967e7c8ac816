import { readFileSync } from 'node:fs';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flowVersions, flows, runs } from '@omniflow/db';
import { publishFlow, startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';
import { webChatChannels } from './support/webchat.ts';

const approval = JSON.parse(readFileSync(new URL('./golden/approval.graph.json', import.meta.url), 'utf8'));

describe('bad input gets a clear 4xx and writes nothing', () => {
  let omni: TestOmniflow;
  beforeAll(async () => {
    omni = await startTestOmniflow({ worker: false, channels: webChatChannels() });
  });
  afterAll(async () => omni.close());

  const rowCounts = async () => {
    const db = omni.handle.db;
    const [f] = await db.select({ n: count() }).from(flows);
    const [v] = await db.select({ n: count() }).from(flowVersions);
    const [r] = await db.select({ n: count() }).from(runs);
    return { flows: f!.n, versions: v!.n, runs: r!.n };
  };

  it('rejects malformed JSON with INVALID_JSON', async () => {
    const before = await rowCounts();
    const res = await omni.call('POST', '/api/v1/flows', '{"name": "broken",');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'INVALID_JSON',
      message: 'The request body is not valid JSON',
    });
    expect(await rowCounts()).toEqual(before);
  });

  it('rejects a document of the wrong shape naming the field', async () => {
    const res = await omni.call('POST', '/api/v1/flows', { name: '', nodes: 'none', edges: [] });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.message).toContain('name');
    expect(res.body.error.message).toContain('nodes');
  });

  it('refuses to publish an unknown node type or bad config with 422 and the issues, storing no version', async () => {
    const graph = structuredClone(approval);
    graph.nodes.push({ id: 'mystery', type: 'acme.teleport', version: 1, config: {} });
    graph.edges.find((e: { id: string }) => e.id === 'e4').to.node = 'mystery';
    graph.nodes.find((n: { id: string }) => n.id === 'approval').config.timeout = 'three days';
    const created = await omni.call('POST', '/api/v1/flows', graph);
    expect(created.status).toBe(201);
    const before = await rowCounts();

    const res = await omni.call('POST', `/api/v1/flows/${created.body.id}/publish`, {});
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('FLOW_INVALID');
    const issues = res.body.error.details.errors as { code: string; nodeId: string; message: string }[];
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'UNKNOWN_NODE_TYPE', nodeId: 'mystery' }),
        expect.objectContaining({ code: 'NODE_CONFIG_INVALID', nodeId: 'approval' }),
      ]),
    );
    expect(issues.find((i) => i.code === 'NODE_CONFIG_INVALID')!.message).toContain('ISO-8601');
    expect(await rowCounts()).toEqual(before);

    const validated = await omni.call('POST', `/api/v1/flows/${created.body.id}/validate`);
    expect(validated.status).toBe(200);
    expect(validated.body.ok).toBe(false);
    expect(validated.body.errors).toHaveLength(issues.length);
  });

  it('answers 409 to a run of a flow never published, 404 to an unknown flow, 400 to a bad id', async () => {
    const created = await omni.call('POST', '/api/v1/flows', approval);
    const before = await rowCounts();
    const unpublished = await omni.call('POST', '/api/v1/runs', { flowId: created.body.id });
    expect(unpublished.status).toBe(409);
    expect(unpublished.body.error.code).toBe('FLOW_NOT_PUBLISHED');
    const unknown = await omni.call('POST', '/api/v1/runs', {
      flowId: '01900000-0000-7000-8000-000000000000',
    });
    expect(unknown.status).toBe(404);
    const unknownVersion = await omni.call('POST', '/api/v1/runs', { flowId: created.body.id, version: 3 });
    expect(unknownVersion.status).toBe(404);
    expect(unknownVersion.body.error.message).toContain('3 of flow');
    const badId = await omni.call('POST', '/api/v1/runs', { flowId: 'flow-1' });
    expect(badId.status).toBe(400);
    expect(badId.body.error.message).toContain('flowId');
    expect((await omni.call('GET', '/api/v1/runs/not-a-uuid')).status).toBe(400);
    expect((await omni.call('GET', '/api/v1/runs/01900000-0000-7000-8000-000000000000')).status).toBe(404);
    expect(await rowCounts()).toEqual(before);
  });

  it('rejects a missing or wrong API key with 401 and a useful message', async () => {
    const missing = await omni.app.request('/api/v1/flows');
    expect(missing.status).toBe(401);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
    const wrong = await omni.call('GET', '/api/v1/flows', undefined, { authorization: 'Bearer of_key_nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('API_KEY_INVALID');
    const before = await rowCounts();
    const write = await omni.app.request('/api/v1/flows', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer of_key_nope' },
      body: JSON.stringify(approval),
    });
    expect(write.status).toBe(401);
    expect(await rowCounts()).toEqual(before);
  });

  it('asks for sign-in on routes whose path merely contains /webchat/ or /webhooks/', async () => {
    for (const [method, path] of [
      ['GET', '/api/v1/channels/webchat'],
      ['PUT', '/api/v1/channels/webchat'],
      ['POST', '/api/v1/channels/webchat/test'],
      ['DELETE', '/api/v1/channels/webchat'],
    ] as const) {
      const res = await omni.app.request(path, { method });
      expect(res.status, `${method} ${path}`).toBe(401);
    }
  });

  it('answers an unknown route with 404 in the error shape', async () => {
    const res = await omni.call('GET', '/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });

  /** JSON text nested `depth` levels: what crashed PGlite at about 1,100. */
  const nested = (depth: number) => JSON.parse('{"a":'.repeat(depth) + '1' + '}'.repeat(depth)) as unknown;

  const stillServes = async () => {
    const flows = await omni.call('GET', '/api/v1/flows');
    expect(flows.status).toBe(200);
    const created = await omni.call('POST', '/api/v1/flows', approval);
    expect(created.status).toBe(201);
    return created.body.id as string;
  };

  it('refuses a flow whose node config nests 1,100 deep with JSON_TOO_DEEP, and keeps serving', async () => {
    const graph = structuredClone(approval);
    graph.nodes.find((n: { id: string }) => n.id === 'set').config.deep = nested(1100);
    const before = await rowCounts();
    const res = await omni.call('POST', '/api/v1/flows', graph);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('JSON_TOO_DEEP');
    expect(res.body.error.message).toContain('64');
    expect(await rowCounts()).toEqual(before);
    await stillServes();
  });

  it('refuses a run input nested 1,100 deep and event data nested 70 deep, and keeps serving', async () => {
    const flowId = await publishFlow(omni, approval);
    const run = await omni.call('POST', '/api/v1/runs', { flowId, input: { amount: 5, deep: nested(1100) } });
    expect(run.status).toBe(400);
    expect(run.body.error.code).toBe('JSON_TOO_DEEP');
    const started = await omni.call('POST', '/api/v1/runs', { flowId, input: { amount: 500, name: 'z' } });
    expect(started.status).toBe(201);
    const event = await omni.call('POST', `/api/v1/runs/${started.body.id}/events`, {
      type: 'approve',
      data: nested(70),
    });
    expect(event.status).toBe(400);
    expect(event.body.error.code).toBe('JSON_TOO_DEEP');
    await stillServes();
  });

  it('takes JSON nested 64 deep', async () => {
    const graph = structuredClone(approval);
    // The document, nodes, a node and its config are four levels; the value brings it to 64.
    graph.nodes.find((n: { id: string }) => n.id === 'set').config.deep = nested(60);
    expect((await omni.call('POST', '/api/v1/flows', graph)).status).toBe(201);
  });

  it('refuses a body over the limit with 413 PAYLOAD_TOO_LARGE naming the limit', async () => {
    const big = await omni.call('POST', '/api/v1/runs', {
      flowId: '01900000-0000-7000-8000-000000000000',
      input: { text: 'x'.repeat(1024 * 1024) },
    });
    expect(big.status).toBe(413);
    expect(big.body.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(big.body.error.message).toContain('1 MiB');
    // Flow documents may be larger.
    const graph = structuredClone(approval);
    graph.nodes.find((n: { id: string }) => n.id === 'set').config.note = 'x'.repeat(2 * 1024 * 1024);
    expect((await omni.call('POST', '/api/v1/flows', graph)).status).toBe(201);
    graph.nodes.find((n: { id: string }) => n.id === 'set').config.note = 'x'.repeat(6 * 1024 * 1024);
    const huge = await omni.call('POST', '/api/v1/flows', graph);
    expect(huge.status).toBe(413);
    expect(huge.body.error.message).toContain('5 MiB');
    // Webhooks too, before their signature is checked.
    const hook = await omni.call('POST', '/api/v1/webhooks/whatsapp', 'x'.repeat(1024 * 1024 + 1));
    expect(hook.status).toBe(413);
    const workspace = await omni.handle.db.query.workspaces.findFirst();
    const sms = await omni.app.request(`/api/v1/webhooks/twilio/${workspace!.id}/sms`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `Body=${'x'.repeat(1024 * 1024)}`,
    });
    expect(sms.status).toBe(413);
  });

  it('refuses a NUL character in a name, event data or web chat text with INVALID_TEXT naming the field', async () => {
    const name = await omni.call('POST', '/api/v1/flows', { ...approval, name: 'a\u0000b' });
    expect(name.status).toBe(400);
    expect(name.body.error).toMatchObject({ code: 'INVALID_TEXT' });
    expect(name.body.error.message).toMatch(/^name contains a NUL character/);

    const flowId = await publishFlow(omni, approval);
    const started = await omni.call('POST', '/api/v1/runs', { flowId, input: { amount: 500, name: 'z' } });
    const event = await omni.call('POST', `/api/v1/runs/${started.body.id}/events`, {
      type: 'approve',
      data: { by: ['ok', 'a\u0000b'] },
    });
    expect(event.status).toBe(400);
    expect(event.body.error.message).toMatch(/^data\.by\.1 contains a NUL character/);

    const workspace = await omni.handle.db.query.workspaces.findFirst();
    const session = await omni.call('POST', '/api/v1/webchat/sessions', { key: workspace!.id });
    expect(session.status).toBe(200);
    const chat = await omni.call(
      'POST',
      '/api/v1/webchat/messages',
      { text: 'hola\u0000' },
      { authorization: `Bearer ${session.body.token}` },
    );
    expect(chat.status).toBe(400);
    expect(chat.body.error.message).toMatch(/^text contains a NUL character/);

    const lone = await omni.call('POST', '/api/v1/flows', '{"name":"a\\ud800b","nodes":[],"edges":[]}');
    expect(lone.status).toBe(400);
    expect(lone.body.error.message).toMatch(/^name contains a lone UTF-16 surrogate/);

    const query = await omni.call('GET', '/api/v1/runs?contact=a%00b');
    expect(query.status).toBe(400);
    expect(query.body.error.code).toBe('INVALID_TEXT');
    await stillServes();
  });

  it('refuses dates before 1970 or past 9999 and numbers past an integer column with 400', async () => {
    for (const path of [
      '/api/v1/runs?from=0000-01-01T00:00:00Z',
      '/api/v1/runs/counts?to=0001-01-01T00:00:00Z',
      '/api/v1/calls?from=0000-01-01T00:00:00Z',
      '/api/v1/recordings?to=0000-01-01T00:00:00Z',
      '/api/v1/runs?version=1000000000000000',
    ]) {
      const res = await omni.call('GET', path);
      expect(res.status, path).toBe(400);
      expect(res.body.error.code, path).toBe('VALIDATION_FAILED');
    }
    const early = await omni.call('GET', '/api/v1/runs?from=0000-01-01T00:00:00Z');
    expect(early.body.error.message).toContain('from must be between 1970-01-01 and 9999-12-31');

    const flowId = await publishFlow(omni, approval);
    const started = await omni.call('POST', '/api/v1/runs', { flowId, input: { amount: 500, name: 'z' } });
    const replay = await omni.call('POST', `/api/v1/runs/${started.body.id}/replay`, {
      mode: 'retry-from-step',
      seq: 1e15,
    });
    expect(replay.status).toBe(400);
    expect(replay.body.error.message).toContain('seq must be at most 2147483647');
    const version = await omni.call('GET', `/api/v1/flows/${flowId}/versions/1000000000000000`);
    expect(version.status).toBe(400);
  });
});
