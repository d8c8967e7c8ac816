import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../app-deps.ts';
import { json } from '../schemas.ts';

const healthSchema = z
  .object({
    status: z.enum(['ok', 'degraded']),
    checks: z.object({ db: z.string(), temporal: z.string() }),
  })
  .openapi('Health');

const route = createRoute({
  method: 'get',
  path: '/health',
  tags: ['health'],
  summary: 'Whether the database and Temporal answer',
  responses: {
    200: json(healthSchema, 'All components answer'),
    503: json(healthSchema, 'A component is down'),
  },
});

async function check(probe: () => Promise<void>): Promise<string> {
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timed out after 3 s')), 3000)),
    ]);
    return 'ok';
  } catch (error) {
    return `error: ${error instanceof Error ? error.message : String(error)}`;
  }
}

export function healthRoutes(deps: AppDeps) {
  return new OpenAPIHono().openapi(route, async (c) => {
    const [db, temporal] = await Promise.all([check(deps.health.db), check(deps.health.temporal)]);
    const ok = db === 'ok' && temporal === 'ok';
    return c.json(
      { status: ok ? ('ok' as const) : ('degraded' as const), checks: { db, temporal } },
      ok ? 200 : 503,
    );
  });
}
