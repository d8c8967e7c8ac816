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
