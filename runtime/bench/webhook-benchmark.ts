import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { serve, type ServerType } from '@hono/node-server';
import { Client, Connection } from '@temporalio/client';
import { Agent, request } from 'undici';
import { createFlowWorker } from '../src/worker/flow-worker.ts';
import { benchApp } from './bench-app.ts';

export interface WebhookLevel {
  connections: number;
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)]!;

/**
 * The 4-node flow of examples/flows/webhook-double.json (webhook → set → split → respond) served
 * over real HTTP by the API, with the product's worker and a Temporal dev server, PGlite in
 * memory: requests a second and p50/p99 with 1, 10 and 50 connections, each kept busy for
 * BENCH_WEBHOOK_SECONDS (default 10) after a short warm-up. Goal (issue #18): >= 2x n8n's
 * ~90 req/s and p99 <= 50 ms at 10 connections.
 */
export async function webhookBenchmark(address: string): Promise<WebhookLevel[]> {
  const seconds = Number(process.env.BENCH_WEBHOOK_SECONDS ?? 10);
  const levels = (process.env.BENCH_WEBHOOK_CONNECTIONS ?? '1,10,50').split(',').map(Number);
  const temporal = new Client({ connection: await Connection.connect({ address }) });
  const taskQueue = `bench-webhook-${randomUUID()}`;
  const { handle, registry, workspace, key, app } = await benchApp(temporal, {
    taskQueue,
    rateLimits: { perKey: 0, perIp: 0 },
  });
  const worker = await createFlowWorker({ address, taskQueue, db: handle.db, registry });
  const running = worker.run();
  const flow = JSON.parse(
    readFileSync(new URL('../../examples/flows/webhook-double.json', import.meta.url), 'utf8'),
  ) as object;
  const api = (path: string, body: unknown) =>
    app.request(`/api/v1${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const created = (await (await api('/flows', flow)).json()) as { id: string };
  const published = await api(`/flows/${created.id}/publish`, {});
  if (published.status !== 201) throw new Error(`Publish failed: ${await published.text()}`);

  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as { port: number };
  const url = `http://127.0.0.1:${port}/api/v1/hooks/${workspace.id}/double`;
  const figures: WebhookLevel[] = [];
  try {
    for (const connections of levels) {
      const dispatcher = new Agent({ connections, pipelining: 1 });
      // Answers that came as 202 (no answer within the trigger's 10 s): counted, not hidden.
      let late = 0;
      const once = async (n: number) => {
        const response = await request(url, {
          method: 'POST',
          dispatcher,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ n }),
        });
        const text = await response.body.text();
        if (response.statusCode === 202) late++;
        else if (response.statusCode !== 200)
          throw new Error(`Hook answered ${response.statusCode}: ${text}`);
      };
      const drive = async (ms: number, times?: number[]) => {
        const until = performance.now() + ms;
        let i = 0;
        await Promise.all(
          Array.from({ length: connections }, async () => {
            while (performance.now() < until) {
              const started = performance.now();
              await once(i++ % 12);
              times?.push(performance.now() - started);
            }
          }),
        );
      };
      await drive(2000);
      late = 0;
      const times: number[] = [];
      const started = performance.now();
      await drive(seconds * 1000, times);
      const elapsed = (performance.now() - started) / 1000;
      times.sort((a, b) => a - b);
      const level = {
        connections,
        requests: times.length,
        perSecond: times.length / elapsed,
        p50: percentile(times, 0.5),
        p99: percentile(times, 0.99),
      };
      console.log(
        `Webhook (4 nodes, answered in the run), ${connections} connection(s): ${level.perSecond.toFixed(0)} req/s, p50 ${level.p50.toFixed(1)} ms, p99 ${level.p99.toFixed(1)} ms (${level.requests} requests, ${late} answered 202)`,
      );
      figures.push(level);
      await dispatcher.close();
    }
  } finally {
    server.close();
    worker.shutdown();
    await running;
    await handle.close();
  }
  return figures;
}
