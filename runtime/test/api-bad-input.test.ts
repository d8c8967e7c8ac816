import { readFileSync } from 'node:fs';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flowVersions, flows, runs } from '@omniflow/db';
import { startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

const approval = JSON.parse(readFileSync(new URL('./golden/approval.graph.json', import.meta.url), 'utf8'));

describe('bad input gets a clear 4xx and writes nothing', () => {
  let omni: TestOmniflow;
  beforeAll(async () => {
    omni = await startTestOmniflow({ worker: false });
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

  it('answers an unknown route with 404 in the error shape', async () => {
    const res = await omni.call('GET', '/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });
});
