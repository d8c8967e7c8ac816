import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { createDashboardHub } from '../../dashboard/dashboard-hub.ts';
import { liveSnapshot, type LiveSnapshot } from '../../dashboard/live-snapshot.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import { errorResponses, json } from '../schemas.ts';

const count = z.number().int();
const minuteFigures = z.object({ minute: z.string(), sent: count, delivered: count, failed: count });

export const liveSnapshotSchema = z
  .object({
    at: z.string(),
    timezone: z.string(),
    calls: z.object({ inIvr: count, waitingInQueue: count, withAgent: count, abandonedToday: count }),
    conversations: z.array(z.object({ channel: z.string(), open: count })),
    runsPerMinute: z.array(z.object({ minute: z.string(), started: count, completed: count, failed: count })),
    messagesPerMinute: z.array(z.object({ channel: z.string(), minutes: z.array(minuteFigures) })),
    campaigns: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        kind: z.string(),
        targeted: count,
        sent: count,
        delivered: count,
        failed: count,
        progress: z.number(),
        remaining: count,
        rate: z.number().nullable(),
        finishAt: z.string().nullable(),
      }),
    ),
    health: z.array(
      z.object({
        component: z.string(),
        kind: z.string(),
        up: z.boolean(),
        sampledAt: z.string(),
        intervalMs: count,
        lastSuccessAt: z.string().nullable(),
        lastError: z.string().nullable(),
        lastErrorAt: z.string().nullable(),
        stale: z.boolean(),
      }),
    ),
  })
  .openapi('LiveDashboard');

const snapshotRoute = createRoute({
  method: 'get',
  path: '/dashboard/live',
  tags: ['dashboard'],
  summary: 'The service now: calls, conversations, runs and messages per minute, campaigns, channel health',
  responses: { 200: json(liveSnapshotSchema, 'The live figures'), ...errorResponses },
});

const streamRoute = createRoute({
  method: 'get',
  path: '/dashboard/live/stream',
  tags: ['dashboard'],
  summary: 'Server-sent events: `snapshot` with the live figures at once and whenever one changes',
  responses: {
    200: { description: 'An event stream', content: { 'text/event-stream': { schema: z.string() } } },
    ...errorResponses,
  },
});

/**
 * The live dashboard. Every browser watching a workspace shares one reader in this process
 * (dashboard-hub.ts): the query set runs once per tick, not once per viewer.
 */
export function dashboardRoutes(deps: AppDeps) {
  const hub = createDashboardHub({
    db: deps.db,
    ...(deps.streamPollMs ? { tickMs: deps.streamPollMs } : {}),
  });
  return new OpenAPIHono<AppEnv>()
    .openapi(snapshotRoute, async (c) =>
      c.json(await liveSnapshot(deps.db, c.get('principal').workspaceId), 200),
    )
    .openapi(streamRoute, (c) => {
      const workspaceId = c.get('principal').workspaceId;
      return streamSSE(c, async (stream) => {
        const pending: LiveSnapshot[] = [];
        let wake: (() => void) | undefined;
        const leave = hub.watch(workspaceId, (snapshot) => {
          pending.splice(0, pending.length, snapshot);
          wake?.();
        });
        let closed = false;
        stream.onAbort(() => {
          closed = true;
          wake?.();
        });
        try {
          while (!closed) {
            const next = pending.shift();
            if (next) {
              await stream.writeSSE({ event: 'snapshot', data: JSON.stringify(next) });
              continue;
            }
            // Wait for the hub, with a keep-alive comment so proxies keep the connection.
            await new Promise<void>((resolve) => {
              const timer = setTimeout(resolve, 15_000);
              wake = () => {
                clearTimeout(timer);
                resolve();
              };
            });
            wake = undefined;
            if (!closed && pending.length === 0) await stream.write(': keep-alive\n\n');
          }
        } finally {
          leave();
        }
      });
    });
}
