import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { and, desc, eq } from 'drizzle-orm';
import { callRecords } from '@omniflow/db';
import { notFound } from '../api-error.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import { errorResponses, idParam, json, notFoundResponse } from '../schemas.ts';
import { encodeCursor, voiceFilterConditions } from '../voice-filter.ts';
import { callRecordSchema, callRecordView, voiceFilterSchema } from '../voice-schemas.ts';

const unprocessable = {
  422: json(
    z.object({ error: z.object({ code: z.string(), message: z.string() }) }),
    'The filter cannot match anything (from after to)',
  ),
};

const routes = {
  list: createRoute({
    method: 'get',
    path: '/calls',
    tags: ['calls'],
    summary: 'Call records, newest first: by number (either side), start date and flow',
    request: { query: voiceFilterSchema },
    responses: {
      200: json(z.object({ items: z.array(callRecordSchema), nextCursor: z.string().nullable() }), 'A page'),
      ...errorResponses,
      ...unprocessable,
    },
  }),
  get: createRoute({
    method: 'get',
    path: '/calls/{id}',
    tags: ['calls'],
    summary: 'One call: from, to, times, path through the flow, digits pressed, who hung up',
    request: { params: idParam },
    responses: { 200: json(callRecordSchema, 'The call'), ...errorResponses, ...notFoundResponse },
  }),
};

export function callRoutes({ db }: AppDeps) {
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.list, async (c) => {
      const filter = c.req.valid('query');
      const where = voiceFilterConditions(
        { ...callRecords, at: callRecords.startedAt },
        c.get('principal').workspaceId,
        filter,
      );
      const rows = await db
        .select()
        .from(callRecords)
        .where(and(...where))
        .orderBy(desc(callRecords.id))
        .limit(filter.limit + 1);
      const page = rows.slice(0, filter.limit);
      const last = page.at(-1);
      return c.json(
        {
          items: page.map(callRecordView),
          nextCursor: rows.length > filter.limit && last ? encodeCursor(last.id) : null,
        },
        200,
      );
    })
    .openapi(routes.get, async (c) => {
      const { id } = c.req.valid('param');
      const [row] = await db
        .select()
        .from(callRecords)
        .where(and(eq(callRecords.workspaceId, c.get('principal').workspaceId), eq(callRecords.id, id)));
      if (!row) throw notFound('Call', id);
      return c.json(callRecordView(row), 200);
    });
}
