import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { and, desc, eq, lt } from 'drizzle-orm';
import { messageStatuses, messages, messagingChannels } from '@omniflow/db';
import { messageView } from '../../messaging/message-view.ts';
import { emailEventsOf } from '../../email/email-events-of.ts';
import { cursorInvalid } from '../api-error.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import { messageSchema } from '../message-schema.ts';
import { errorResponses, json } from '../schemas.ts';

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
      if (!z.uuid().safeParse(id).success) throw cursorInvalid();
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
    const mailEvents = await emailEventsOf(
      db,
      page.filter((m) => m.channel === 'email').map((m) => m.id),
    );
    return c.json(
      {
        items: page.map((m) => messageView(m, mailEvents.get(m.id))),
        nextCursor: rows.length > limit && last ? Buffer.from(last.id).toString('base64url') : null,
      },
      200,
    );
  });
}
