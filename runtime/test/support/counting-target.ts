import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real HTTP service on loopback that counts what it receives per path: the side effects a flow
 * has. While `broken`, `/flaky` answers 503, as a downstream outage would.
 */
export class CountingTarget {
  readonly hits = new Map<string, number>();
  readonly keys = new Map<string, string[]>();
  broken = false;
  private server?: Server;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        const path = (req.url ?? '/').split('?')[0]!;
        const failing = path === '/flaky' && this.broken;
        if (!failing) {
          this.hits.set(path, (this.hits.get(path) ?? 0) + 1);
          const key = req.headers['idempotency-key'];
          if (typeof key === 'string') this.keys.set(path, [...(this.keys.get(path) ?? []), key]);
        }
        res
          .writeHead(failing ? 503 : 200, { 'content-type': 'application/json' })
          .end(JSON.stringify(failing ? { error: 'down' } : { ok: true }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  count(path: string): number {
    return this.hits.get(path) ?? 0;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

/** start → notify (a side effect) → flaky (failed port unwired: the run fails there) → end. */
export function notifyThenFlakyFlow(base: string, name = 'Notify then call') {
  return {
    name,
    nodes: [
      { id: 'start', type: 'flow.start', config: {} },
      {
        id: 'notify',
        type: 'http.request',
        config: { method: 'POST', url: `${base}/notify`, body: '{"who": "{{ input.phone }}"}' },
      },
      { id: 'flaky', type: 'http.request', config: { method: 'POST', url: `${base}/flaky` } },
      { id: 'done', type: 'flow.end', config: { output: { status: '{{ nodes.flaky.output.status }}' } } },
      { id: 'notifyFailed', type: 'flow.end', config: {} },
    ],
    edges: [
      { id: 'e1', from: { node: 'start', port: 'next' }, to: { node: 'notify' } },
      { id: 'e2', from: { node: 'notify', port: 'success' }, to: { node: 'flaky' } },
      { id: 'e3', from: { node: 'notify', port: 'failed' }, to: { node: 'notifyFailed' } },
      { id: 'e4', from: { node: 'flaky', port: 'success' }, to: { node: 'done' } },
    ],
  };
}
