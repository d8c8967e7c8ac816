import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { and, desc, eq, lt } from 'drizzle-orm';
import { messageStatuses, messages, messagingChannels } from '@omniflow/db';
import { ApiError } from '../api-error.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import { errorResponses, json } from '../schemas.ts';

const messageSchema = z
  .object({
    id: z.string(),
    channel: z.enum(messagingChannels),
    direction: z.enum(['outbound', 'inbound']),
    contactAddress: z.string(),
    ourAddress: z.string(),
    runId: z.string().nullable(),
    nodeId: z.string().nullable(),
    providerMessageId: z.string().nullable(),
    body: z.unknown(),
    segments: z.number().int(),
    status: z.enum(messageStatuses),
    statusHistory: z.array(
      z.object({
        status: z.enum(messageStatuses),
        at: z.string(),
        errorCode: z.string().optional(),
        errorMessage: z.string().optional(),
      }),
    ),
    errorCode: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Message');

const listRoute = createRoute({
  method: 'get',
  path: '/messages',
  tags: ['messages'],
  summary: 'Messages in and out, newest first: by run, contact, channel or status',
  request: {
    query: z.object({
      runId: z.uuid({ message: 'runId must be a run id' }).optional(),
      contact: z.string().min(1).optional(),
      channel: z.enum(messagingChannels).optional(),
      status: z.enum(messageStatuses).optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
      cursor: z.string().optional(),
    }),
  },
  responses: {
    200: json(z.object({ items: z.array(messageSchema), nextCursor: z.string().nullable() }), 'A page'),
    ...errorResponses,
  },
});

export function messageRoutes({ db }: AppDeps) {
  return new OpenAPIHono<AppEnv>().openapi(listRoute, async (c) => {
    const { runId, contact, channel, status, limit, cursor } = c.req.valid('query');
    const conditions = [eq(messages.workspaceId, c.get('principal').workspaceId)];
    if (runId) conditions.push(eq(messages.runId, runId));
    if (contact) conditions.push(eq(messages.contactAddress, contact.trim()));
    if (channel) conditions.push(eq(messages.channel, channel));
    if (status) conditions.push(eq(messages.status, status));
    if (cursor) {
      const id = Buffer.from(cursor, 'base64url').toString();
      if (!z.uuid().safeParse(id).success)
        throw new ApiError(400, 'CURSOR_INVALID', 'The cursor is not one this API gave out');
      conditions.push(lt(messages.id, id));
    }
    const rows = await db
      .select()
      .from(messages)
      .where(and(...conditions))
      .orderBy(desc(messages.id))
      .limit(limit + 1);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return c.json(
      {
        items: page.map((m) => ({
          id: m.id,
          channel: m.channel,
          direction: m.direction,
          contactAddress: m.contactAddress,
          ourAddress: m.ourAddress,
          runId: m.runId,
          nodeId: m.nodeId,
          providerMessageId: m.providerMessageId,
          body: m.body,
          segments: m.segments,
          status: m.status,
          statusHistory: m.statusHistory,
          errorCode: m.errorCode,
          createdAt: m.createdAt.toISOString(),
        })),
        nextCursor: rows.length > limit && last ? Buffer.from(last.id).toString('base64url') : null,
      },
      200,
    );
  });
}
