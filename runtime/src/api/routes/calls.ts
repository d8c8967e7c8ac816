import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { and, desc, eq, sql } from 'drizzle-orm';
import { callRecords } from '@omniflow/db';
import { notFound } from '../api-error.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import { errorResponses, idParam, json, notFoundResponse } from '../schemas.ts';
import { encodeCursor, voiceFilterConditions } from '../voice-filter.ts';
import {
  callRecordSchema,
  callRecordView,
  callVolumeFilterSchema,
  callVolumeSchema,
  voiceFilterSchema,
} from '../voice-schemas.ts';

/** Enough bars for a year of days or a month of hours; older periods are left out. */
const maxPeriods = 750;

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
  volume: createRoute({
    method: 'get',
    path: '/calls/volume',
    tags: ['calls'],
    summary: 'Calls per day or hour (in a time zone), answered and abandoned, for the same filters',
    request: { query: callVolumeFilterSchema },
    responses: { 200: json(callVolumeSchema, 'Oldest period first'), ...errorResponses, ...unprocessable },
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
    .openapi(routes.volume, async (c) => {
      const { bucket, tz, ...filter } = c.req.valid('query');
      const where = voiceFilterConditions(
        { ...callRecords, at: callRecords.startedAt },
        c.get('principal').workspaceId,
        filter,
      );
      // The day a person in `tz` lived the call, not the server's: a 23:30 call in Madrid is
      // that day's, not the next one's in UTC.
      const local = sql`(${callRecords.startedAt} at time zone ${tz})`;
      const format = bucket === 'day' ? 'YYYY-MM-DD' : 'YYYY-MM-DD"T"HH24:00';
      const period = sql<string>`to_char(date_trunc(${bucket}, ${local}), ${format})`;
      const abandoned = sql`${callRecords.hangupSide} = 'caller'`;
      const rows = await db
        .select({
          period,
          total: sql<string>`count(*)`,
          answered: sql<string>`count(*) filter (where ${callRecords.answeredAt} is not null and not coalesce(${abandoned}, false))`,
          abandoned: sql<string>`count(*) filter (where ${abandoned})`,
        })
        .from(callRecords)
        .where(and(...where))
        // By position: the period's text holds bound parameters, which Postgres would not match
        // between the select list and a repeated expression.
        .groupBy(sql`1`)
        .orderBy(sql`1 desc`)
        .limit(maxPeriods);
      return c.json(
        {
          bucket,
          timeZone: tz,
          items: rows.reverse().map((r) => ({
            period: r.period,
            total: Number(r.total),
            answered: Number(r.answered),
            abandoned: Number(r.abandoned),
          })),
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
