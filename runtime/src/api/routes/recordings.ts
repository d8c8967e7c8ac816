import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { recordings, workspaces } from '@omniflow/db';
import { deleteRecording, deleteRecordingsBetween } from '../../recordings/delete-recordings.ts';
import type { RecordingStore } from '../../recordings/recording-store.ts';
import { recordingsUsage } from '../../recordings/recordings-usage.ts';
import { ApiError, notFound } from '../api-error.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import { serveStoredAudio } from '../serve-stored-audio.ts';
import { errorResponses, errorSchema, idParam, json, notFoundResponse } from '../schemas.ts';
import { encodeCursor, voiceFilterConditions } from '../voice-filter.ts';
import {
  recordingCountFilterSchema,
  recordingFilterSchema,
  recordingSchema,
  recordingView,
  usageSchema,
} from '../voice-schemas.ts';
import { boundedDateTime } from '../../limits/bounded-fields.ts';

const unprocessable = {
  422: json(errorSchema, 'The request cannot be carried out as asked (see the message)'),
};
const forbidden = { 403: json(errorSchema, 'Not an admin') };

const routes = {
  list: createRoute({
    method: 'get',
    path: '/recordings',
    tags: ['recordings'],
    summary: 'Call recordings, newest first: by number (either side), date, flow and call',
    request: { query: recordingFilterSchema },
    responses: {
      200: json(z.object({ items: z.array(recordingSchema), nextCursor: z.string().nullable() }), 'A page'),
      ...errorResponses,
      ...unprocessable,
    },
  }),
  count: createRoute({
    method: 'get',
    path: '/recordings/count',
    tags: ['recordings'],
    summary: 'How many recordings (and bytes) a filter matches: what a delete by date would remove',
    request: { query: recordingCountFilterSchema },
    responses: {
      200: json(z.object({ count: z.number(), bytes: z.number() }), 'The count'),
      ...errorResponses,
      ...unprocessable,
    },
  }),
  usage: createRoute({
    method: 'get',
    path: '/recordings/usage',
    tags: ['recordings'],
    summary: 'Space the recordings take against the quota; `warning` from 80 %',
    responses: { 200: json(usageSchema, 'The usage'), ...errorResponses },
  }),
  quota: createRoute({
    method: 'put',
    path: '/recordings/quota',
    tags: ['recordings'],
    summary: 'Change the recordings quota (admins)',
    request: {
      body: {
        required: true,
        content: {
          'application/json': {
            schema: z.object({
              quotaBytes: z
                .number({ message: 'quotaBytes must be a number of bytes' })
                .int()
                .min(0, 'quotaBytes cannot be negative')
                .max(Number.MAX_SAFE_INTEGER),
            }),
          },
        },
      },
    },
    responses: { 200: json(usageSchema, 'The usage under the new quota'), ...errorResponses, ...forbidden },
  }),
  deleteRange: createRoute({
    method: 'post',
    path: '/recordings/delete',
    tags: ['recordings'],
    summary: 'Delete every recording made in [from, to) (admins); answers how many',
    request: {
      body: {
        required: true,
        content: {
          'application/json': {
            schema: z.object({
              from: boundedDateTime('from').optional(),
              to: boundedDateTime('to', ': recordings made before it are deleted'),
            }),
          },
        },
      },
    },
    responses: {
      200: json(z.object({ deleted: z.number() }), 'How many were deleted'),
      ...errorResponses,
      ...forbidden,
      ...unprocessable,
    },
  }),
  get: createRoute({
    method: 'get',
    path: '/recordings/{id}',
    tags: ['recordings'],
    summary: 'One recording',
    request: { params: idParam },
    responses: { 200: json(recordingSchema, 'The recording'), ...errorResponses, ...notFoundResponse },
  }),
  audio: createRoute({
    method: 'get',
    path: '/recordings/{id}/audio',
    tags: ['recordings'],
    summary: 'The audio (WAV); honours Range so a player can seek; `?download=1` saves it as a file',
    request: {
      params: idParam,
      query: z.object({ download: z.enum(['0', '1', 'true', 'false']).optional() }),
    },
    responses: {
      200: {
        description: 'The whole file',
        content: { 'audio/wav': { schema: z.string().openapi({ format: 'binary' }) } },
      },
      206: {
        description: 'The asked range',
        content: { 'audio/wav': { schema: z.string().openapi({ format: 'binary' }) } },
      },
      416: json(errorSchema, 'The range starts past the end'),
      ...errorResponses,
      ...notFoundResponse,
    },
  }),
  delete: createRoute({
    method: 'delete',
    path: '/recordings/{id}',
    tags: ['recordings'],
    summary: 'Delete one recording (its audio too)',
    request: { params: idParam },
    responses: { 204: { description: 'Deleted' }, ...errorResponses, ...notFoundResponse },
  }),
};

/** Recordings API over a store; `store` is the one the worker saves into. */
export function recordingRoutes(deps: AppDeps & { recordingStore: RecordingStore }) {
  const { db, recordingStore: store } = deps;
  const findRecording = async (workspaceId: string, id: string) => {
    const [row] = await db
      .select()
      .from(recordings)
      .where(and(eq(recordings.workspaceId, workspaceId), eq(recordings.id, id)));
    if (!row) throw notFound('Recording', id);
    return row;
  };
  const usage = async (workspaceId: string) => ({
    store: store.kind,
    ...(await recordingsUsage(db, workspaceId)),
  });

  const conditionsOf = (
    workspaceId: string,
    filter: Parameters<typeof voiceFilterConditions>[2] & { callRecordId?: string | undefined },
  ): SQL[] => {
    const where = voiceFilterConditions({ ...recordings, at: recordings.createdAt }, workspaceId, filter);
    if (filter.callRecordId) where.push(eq(recordings.callRecordId, filter.callRecordId));
    return where;
  };

  return new OpenAPIHono<AppEnv>()
    .openapi(routes.list, async (c) => {
      const filter = c.req.valid('query');
      const where = conditionsOf(c.get('principal').workspaceId, filter);
      const rows = await db
        .select()
        .from(recordings)
        .where(and(...where))
        .orderBy(desc(recordings.id))
        .limit(filter.limit + 1);
      const page = rows.slice(0, filter.limit);
      const last = page.at(-1);
      return c.json(
        {
          items: page.map(recordingView),
          nextCursor: rows.length > filter.limit && last ? encodeCursor(last.id) : null,
        },
        200,
      );
    })
    .openapi(routes.count, async (c) => {
      const where = conditionsOf(c.get('principal').workspaceId, c.req.valid('query'));
      // count() and sum() come back as strings (bigint, numeric) from the drivers.
      const [row] = await db
        .select({ count: sql<string>`count(*)`, bytes: sql<string>`coalesce(sum(${recordings.bytes}), 0)` })
        .from(recordings)
        .where(and(...where));
      return c.json({ count: Number(row?.count ?? 0), bytes: Number(row?.bytes ?? 0) }, 200);
    })
    .openapi(routes.usage, async (c) => c.json(await usage(c.get('principal').workspaceId), 200))
    .openapi(routes.quota, async (c) => {
      const principal = c.get('principal');
      await db
        .update(workspaces)
        .set({ recordingsQuotaBytes: c.req.valid('json').quotaBytes })
        .where(eq(workspaces.id, principal.workspaceId));
      return c.json(await usage(principal.workspaceId), 200);
    })
    .openapi(routes.deleteRange, async (c) => {
      const principal = c.get('principal');
      const { from, to } = c.req.valid('json');
      if (from && Date.parse(from) >= Date.parse(to))
        throw new ApiError(422, 'RANGE_INVALID', {
          en: `from (${from}) must be before to (${to})`,
          es: `El inicio (${from}) debe ser anterior al final (${to})`,
        });
      const deleted = await deleteRecordingsBetween({ db, store }, principal.workspaceId, {
        ...(from ? { from: new Date(from) } : {}),
        to: new Date(to),
      });
      return c.json({ deleted }, 200);
    })
    .openapi(routes.get, async (c) => {
      const row = await findRecording(c.get('principal').workspaceId, c.req.valid('param').id);
      return c.json(recordingView(row), 200);
    })
    .openapi(routes.audio, async (c) => {
      const row = await findRecording(c.get('principal').workspaceId, c.req.valid('param').id);
      const { download } = c.req.valid('query');
      return serveStoredAudio(c, store, {
        ...row,
        noun: 'recording',
        whenMissing: 'delete the recording to clear it',
        ...(download === '1' || download === 'true'
          ? { extraHeaders: { 'content-disposition': `attachment; filename="recording-${row.id}.wav"` } }
          : {}),
      });
    })
    .openapi(routes.delete, async (c) => {
      const { id } = c.req.valid('param');
      if (!(await deleteRecording({ db, store }, c.get('principal').workspaceId, id)))
        throw notFound('Recording', id);
      return c.body(null, 204);
    });
}
