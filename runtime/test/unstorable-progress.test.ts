import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReaches, startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

/** A flow that records what a service answers as its `call` step's output. */
const callFlow = (url: string) => ({
  name: 'Call a service',
  nodes: [
    { id: 'start', type: 'flow.start', config: {} },
    { id: 'call', type: 'http.request', config: { method: 'GET', url, timeout: 'PT5S' } },
    { id: 'ok', type: 'flow.end', config: { output: { status: '{{ nodes.call.output.status }}' } } },
    { id: 'ko', type: 'flow.end', config: { output: { failed: 'yes' } } },
  ],
  edges: [
    { id: 'e1', from: { node: 'start', port: 'next' }, to: { node: 'call' } },
    { id: 'e2', from: { node: 'call', port: 'success' }, to: { node: 'ok' } },
    { id: 'e3', from: { node: 'call', port: 'failed' }, to: { node: 'ko' } },
  ],
});

// What the API refuses at the edge can still come from a service a flow calls.
const answers: Record<string, string> = {
  '/deep': '{"a":'.repeat(1100) + '1' + '}'.repeat(1100),
  '/nul': JSON.stringify({ name: 'a\u0000b' }),
  '/plain': JSON.stringify({ ok: true }),
};

describe('a run whose step output the database cannot store as it is', () => {
  let omni: TestOmniflow;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createServer((req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(answers[req.url ?? ''] ?? '{}'),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    omni = await startTestOmniflow({ env: { OMNIFLOW_HTTP_ALLOW_PRIVATE: '1' } });
  });
  afterAll(async () => {
    await omni?.close();
    server?.close();
  });

  async function start(path: string): Promise<string> {
    const flow = await omni.call('POST', '/api/v1/flows', callFlow(`${base}${path}`));
    expect((await omni.call('POST', `/api/v1/flows/${flow.body.id}/publish`, {})).status).toBe(201);
    const run = await omni.call('POST', '/api/v1/runs', { flowId: flow.body.id, input: {} });
    expect(run.status).toBe(201);
    return run.body.id;
  }

  it('completes, with the output nested 1,100 deep cut and noted, NULs cleaned, and other runs unharmed', async () => {
    const [deep, nul, plain] = await Promise.all([start('/deep'), start('/nul'), start('/plain')]);

    const deepRun = await runReaches(omni, deep, ['completed', 'failed']);
    expect(deepRun.status).toBe('completed');
    expect(deepRun.error).toMatchObject({ code: 'PROGRESS_NOT_RECORDED' });
    expect(deepRun.error.message).toContain('the output of step 2 (call)');
    const call = deepRun.steps.find((s: { nodeId: string }) => s.nodeId === 'call');
    expect(JSON.stringify(call.output)).toContain('[not recorded: nested deeper than 256 levels]');

    const nulRun = await runReaches(omni, nul, ['completed', 'failed']);
    expect(nulRun.steps.find((s: { nodeId: string }) => s.nodeId === 'call').output.body).toEqual({
      name: 'a\uFFFDb',
    });
    expect((await runReaches(omni, plain, ['completed', 'failed'])).status).toBe('completed');

    // The embedded database is still up: the API still lists and starts runs.
    expect((await omni.call('GET', '/api/v1/runs')).status).toBe(200);
    expect((await runReaches(omni, await start('/plain'), ['completed'])).status).toBe('completed');
  });
});
