import { Client, Connection } from '@temporalio/client';
import { SandboxDriver } from '@omniflow/nodes/drivers/messaging';
import { benchApp } from './bench-app.ts';
import { handOversSettled } from '../src/transactional/accept-message.ts';
import { apiKeyCacheOf } from '../src/api/api-key-cache.ts';

export interface SendApiFigures {
  sends: number;
  p50: number;
  p99: number;
  /** The same-run baseline: an authenticated read of one message (no workflow start). */
  readP50: number;
  readP99: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)]!;

/**
 * `POST /api/v1/messages` as an application calls it, one at a time and 10 at once, through the
 * real API on PGlite and a Temporal dev server (the workflow start is most of it): p50 and p99
 * against a GET of a message in the same run. Goal: p99 ≤ 200 ms.
 */
export async function sendApiBenchmark(address: string, sends = Number(process.env.BENCH_SEND_API ?? 400)) {
  const connection = await Connection.connect({ address });
  const temporal = new Client({ connection });
  const sms = new SandboxDriver('sms');
  const { app, key, handle } = await benchApp(temporal, { channels: { sms } });
  const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
  const post = async (i: number) => {
    const started = performance.now();
    const response = await app.request('/api/v1/messages', {
      method: 'POST',
      headers,
      body: JSON.stringify({
        channel: 'sms',
        to: `+5198${String(i).padStart(7, '0')}`,
        text: 'Su código es 4821',
      }),
    });
    if (response.status !== 202)
      throw new Error(`POST /messages answered ${response.status}: ${await response.text()}`);
    const { id } = (await response.json()) as { id: string };
    return { ms: performance.now() - started, id };
  };
  const read = async (id: string) => {
    const started = performance.now();
    const response = await app.request(`/api/v1/messages/${id}`, { headers });
    await response.text();
    return performance.now() - started;
  };
  try {
    for (let i = 0; i < 20; i++) await read((await post(i)).id); // warm-up
    const posts: number[] = [];
    const reads: number[] = [];
    for (let i = 0; i < sends; i += 10) {
      const batch = await Promise.all(Array.from({ length: 10 }, (_, j) => post(1000 + i + j)));
      posts.push(...batch.map((b) => b.ms));
      for (const b of batch.slice(0, 2)) reads.push(await read(b.id));
      const single = await post(500_000 + i);
      posts.push(single.ms);
      reads.push(await read(single.id));
    }
    posts.sort((a, b) => a - b);
    reads.sort((a, b) => a - b);
    return {
      sends: posts.length,
      p50: percentile(posts, 0.5),
      p99: percentile(posts, 0.99),
      readP50: percentile(reads, 0.5),
      readP99: percentile(reads, 0.99),
    } satisfies SendApiFigures;
  } finally {
    await handOversSettled();
    await apiKeyCacheOf(handle.db).flush();
    await handle.close();
    await connection.close();
  }
}

export function sendApiFigureLines(figures: SendApiFigures | undefined): string[] {
  if (!figures) return [];
  const ok = figures.p99 <= 200 ? '✔' : '✘';
  return [
    `Send API: POST /api/v1/messages p50 ${figures.p50.toFixed(1)} ms, p99 ${figures.p99.toFixed(1)} ms over ${figures.sends} sends (goal p99 ≤ 200 ms ${ok}); ` +
      `same-run baseline GET /api/v1/messages/{id} p50 ${figures.readP50.toFixed(1)} ms, p99 ${figures.readP99.toFixed(1)} ms`,
  ];
}
