import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

function callFlow(url: string) {
  return {
    name: 'Call a service',
    nodes: [
      { id: 'start', type: 'flow.start', config: {} },
      {
        id: 'call',
        type: 'http.request',
        config: {
          method: 'POST',
          url,
          body: '{"customer": "{{ input.customer }}"}',
          timeout: 'PT2S',
        },
      },
      { id: 'ok', type: 'flow.end', config: { output: { reply: '{{ nodes.call.output.body.greeting }}' } } },
      {
        id: 'ko',
        type: 'flow.end',
        config: { output: { failed: 'yes', status: '{{ nodes.call.output.status }}' } },
      },
    ],
    edges: [
      { id: 'e1', from: { node: 'start', port: 'next' }, to: { node: 'call' } },
      { id: 'e2', from: { node: 'call', port: 'success' }, to: { node: 'ok' } },
      { id: 'e3', from: { node: 'call', port: 'failed' }, to: { node: 'ko' } },
    ],
  };
}

describe('http.request inside a running flow', () => {
  let omni: TestOmniflow;
  let server: Server;
  let base: string;
  const seen: { path: string; key: string | undefined; body: string }[] = [];
  let flaky = 0;

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        seen.push({ path: req.url ?? '', key: req.headers['idempotency-key'] as string | undefined, body });
        if (req.url === '/broken') {
          res.writeHead(503).end('down');
        } else if (req.url === '/flaky' && flaky++ < 1) {
          req.socket.destroy(); // a network error: retried by the activity's policy
        } else {
          res
            .writeHead(200, { 'content-type': 'application/json' })
            .end(JSON.stringify({ greeting: `hola ${JSON.parse(body).customer}` }));
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    omni = await startTestOmniflow({ env: { OMNIFLOW_HTTP_ALLOW_PRIVATE: '1' } });
  });
  afterAll(async () => {
    await omni.close();
    server.close();
  });

  async function run(url: string, input: object) {
    const flow = await omni.call('POST', '/api/v1/flows', callFlow(url));
    const published = await omni.call('POST', `/api/v1/flows/${flow.body.id}/publish`, {});
    expect(published.status).toBe(201);
    const started = await omni.call('POST', '/api/v1/runs', { flowId: flow.body.id, input });
    return eventually(async () => {
      const r = await omni.call('GET', `/api/v1/runs/${started.body.id}`);
      return r.body.status === 'completed' || r.body.status === 'failed' ? r.body : undefined;
    });
  }

  it('leaves by success with the parsed answer, recording what it sent', async () => {
    const result = await run(`${base}/hello`, { customer: 'ana' });
    expect(result.output).toEqual({ reply: 'hola ana' });
    const call = result.steps.find((s: { nodeId: string }) => s.nodeId === 'call');
    expect(call.port).toBe('success');
    expect(call.input).toMatchObject({ method: 'POST', url: `${base}/hello`, body: '{"customer": "ana"}' });
    expect(call.output.status).toBe(200);
    expect(seen.at(-1)!.key).toBe(`${result.id}:call:2`);
  });

  it('leaves by failed when the service answers 503', async () => {
    const result = await run(`${base}/broken`, { customer: 'bo' });
    expect(result.status).toBe('completed');
    expect(result.output).toEqual({ failed: 'yes', status: 503 });
    expect(result.steps.find((s: { nodeId: string }) => s.nodeId === 'call').port).toBe('failed');
  });

  it('retries a network error with the same idempotency key and then succeeds', async () => {
    const before = seen.length;
    const result = await run(`${base}/flaky`, { customer: 'cy' });
    expect(result.output).toEqual({ reply: 'hola cy' });
    const attempts = seen.slice(before);
    expect(attempts).toHaveLength(2);
    expect(new Set(attempts.map((a) => a.key)).size).toBe(1);
  });
});

describe('http.request without permission for private targets', () => {
  let omni: TestOmniflow;
  beforeAll(async () => {
    omni = await startTestOmniflow({ env: { OMNIFLOW_HTTP_ALLOW_PRIVATE: '' } });
  });
  afterAll(async () => omni.close());

  it('fails fast through the failed port with HTTP_TARGET_BLOCKED, without retrying', async () => {
    const flow = await omni.call('POST', '/api/v1/flows', callFlow('http://127.0.0.1:9/admin'));
    await omni.call('POST', `/api/v1/flows/${flow.body.id}/publish`, {});
    const started = await omni.call('POST', '/api/v1/runs', {
      flowId: flow.body.id,
      input: { customer: 'x' },
    });
    const result = await eventually(async () => {
      const r = await omni.call('GET', `/api/v1/runs/${started.body.id}`);
      return r.body.status === 'completed' ? r.body : undefined;
    });
    const call = result.steps.find((s: { nodeId: string }) => s.nodeId === 'call');
    expect(call.port).toBe('failed');
    expect(call.error).toMatchObject({ code: 'HTTP_TARGET_BLOCKED' });
    expect(call.output.error.message).toContain('OMNIFLOW_HTTP_ALLOW_PRIVATE');
    const history = await omni.temporal.workflow.getHandle(started.body.id).fetchHistory();
    const attempts = history
      .events!.filter((e) => e.activityTaskStartedEventAttributes)
      .map((e) => e.activityTaskStartedEventAttributes!.attempt);
    expect(attempts).toEqual([1]);
  });
});
