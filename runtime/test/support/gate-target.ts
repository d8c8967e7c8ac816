import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real HTTP service on loopback that holds every request until the test opens the gate: a run
 * at an `http.request` node to it stays there, so a test can send it events at that point.
 */
export class GateTarget {
  private held: ServerResponse[] = [];
  private server?: Server;
  open = false;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        if (this.open) this.answer(res);
        else this.held.push(res);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** How many requests are waiting at the gate. */
  get waiting(): number {
    return this.held.length;
  }

  /** Answers the requests held so far; later ones are held again unless `open` is set. */
  release(): void {
    for (const res of this.held.splice(0)) this.answer(res);
  }

  private answer(res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true }));
  }

  async close(): Promise<void> {
    this.open = true;
    this.release();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}
