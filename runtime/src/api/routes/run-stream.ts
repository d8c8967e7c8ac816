import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { eq } from 'drizzle-orm';
import { runs } from '@omniflow/db';
import { createRunOperations } from '../../runs/run-operations.ts';
import { runDetail } from '../../runs/run-detail.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import { errorResponses, idParam, notFoundResponse } from '../schemas.ts';

const streamRoute = createRoute({
  method: 'get',
  path: '/runs/{id}/stream',
  tags: ['runs'],
  summary: 'Server-sent events: `run` with the whole run at once and on every change, `end` once it ends',
  request: { params: idParam },
  responses: {
    200: { description: 'An event stream', content: { 'text/event-stream': { schema: z.string() } } },
    ...errorResponses,
    ...notFoundResponse,
  },
});

const ended = (status: string) => status !== 'running' && status !== 'waiting';

/**
 * Live run detail. The stream watches the run row's `updated_at`, which every progress write
 * moves, so it works the same on PGlite and PostgreSQL and across API replicas.
 */
export function runStreamRoutes(deps: AppDeps) {
  const ops = createRunOperations(deps);
  const pollMs = deps.streamPollMs ?? 400;
  return new OpenAPIHono<AppEnv>().openapi(streamRoute, async (c) => {
    const first = await ops.findRun(c.get('principal').workspaceId, c.req.valid('param').id);
    return streamSSE(c, async (stream) => {
      let closed = false;
      stream.onAbort(() => {
        closed = true;
      });
      let seen = '';
      let row = first;
      let idleFor = 0;
      while (!closed) {
        const stamp = `${row.status}:${row.updatedAt.getTime()}`;
        if (stamp !== seen) {
          seen = stamp;
          idleFor = 0;
          await stream.writeSSE({ event: 'run', data: JSON.stringify(await runDetail(deps.db, row)) });
        }
        if (ended(row.status)) {
          // After a retry brings the run back, the screen opens a new stream.
          await stream.writeSSE({ event: 'end', data: row.status });
          break;
        }
        await stream.sleep(pollMs);
        idleFor += pollMs;
        if (idleFor >= 15_000) {
          idleFor = 0;
          await stream.write(': keep-alive\n\n');
        }
        const [next] = await deps.db.select().from(runs).where(eq(runs.id, row.id));
        if (!next) break;
        row = next;
      }
    });
  });
}
