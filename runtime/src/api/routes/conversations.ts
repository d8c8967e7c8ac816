import { randomUUID } from 'node:crypto';
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { WorkflowNotFoundError } from '@temporalio/client';
import { and, desc, eq } from 'drizzle-orm';
import { conversationStatuses, conversations, runs } from '@omniflow/db';
import { createMessagingService } from '../../messaging/messaging-service.ts';
import { channelDriversFromEnv } from '../../messaging/channel-drivers.ts';
import { createDkimKeyStore } from '../../email/dkim-key-store.ts';
import { channelResolverOf } from '../channel-resolver-of.ts';
import { eventSignal } from '../../temporal/workflow-api.ts';
import { ApiError, notFound } from '../api-error.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import { conflictResponse, errorResponses, idParam, json, notFoundResponse } from '../schemas.ts';

const conversationSchema = z
  .object({
    id: z.string(),
    channel: z.string(),
    contactAddress: z.string(),
    runId: z.string().nullable(),
    status: z.enum(conversationStatuses),
    queue: z.string().nullable(),
    createdAt: z.string(),
    closedAt: z.string().nullable(),
  })
  .openapi('Conversation');

const routes = {
  list: createRoute({
    method: 'get',
    path: '/conversations',
    tags: ['conversations'],
    summary: 'Conversations handed to agents (the queue), newest first',
    request: {
      query: z.object({
        status: z.enum(conversationStatuses).default('agent'),
        queue: z.string().optional(),
      }),
    },
    responses: {
      200: json(z.object({ items: z.array(conversationSchema) }), 'The queue'),
      ...errorResponses,
    },
  }),
  reply: createRoute({
    method: 'post',
    path: '/conversations/{id}/messages',
    tags: ['conversations'],
    summary: 'An agent writes to the person on the conversation’s channel',
    request: {
      params: idParam,
      body: {
        required: true,
        content: {
          'application/json': { schema: z.object({ text: z.string().min(1, 'Write the reply').max(4096) }) },
        },
      },
    },
    responses: {
      200: json(z.object({ messageId: z.string() }), 'Sent'),
      ...errorResponses,
      ...notFoundResponse,
      ...conflictResponse,
    },
  }),
  close: createRoute({
    method: 'post',
    path: '/conversations/{id}/close',
    tags: ['conversations'],
    summary: 'The agent is done: the conversation closes and its run continues by "closed"',
    request: {
      params: idParam,
      body: {
        required: false,
        content: { 'application/json': { schema: z.object({ note: z.string().max(2000).optional() }) } },
      },
    },
    responses: {
      200: json(conversationSchema, 'Closed'),
      ...errorResponses,
      ...notFoundResponse,
      ...conflictResponse,
    },
  }),
};

const view = (c: typeof conversations.$inferSelect) => ({
  id: c.id,
  channel: c.channel,
  contactAddress: c.contactAddress,
  runId: c.runId,
  status: c.status,
  queue: c.queue,
  createdAt: c.createdAt.toISOString(),
  closedAt: c.closedAt?.toISOString() ?? null,
});

export function conversationRoutes(deps: AppDeps) {
  const { db, temporal } = deps;
  const messaging = createMessagingService({
    db,
    drivers: deps.channels ?? channelDriversFromEnv(process.env, { db }),
    resolve: (workspaceId, channel) => channelResolverOf(deps).driverFor(workspaceId, channel),
    dkimKey: (workspaceId, domain) =>
      createDkimKeyStore(db, channelResolverOf(deps).keyring).signingKey(workspaceId, domain),
  });

  async function find(workspaceId: string, id: string) {
    const [row] = await db
      .select()
      .from(conversations)
      .where(and(eq(conversations.id, id), eq(conversations.workspaceId, workspaceId)));
    if (!row) throw notFound('Conversation', id);
    return row;
  }

  return new OpenAPIHono<AppEnv>()
    .openapi(routes.list, async (c) => {
      const { status, queue } = c.req.valid('query');
      const rows = await db
        .select()
        .from(conversations)
        .where(
          and(
            eq(conversations.workspaceId, c.get('principal').workspaceId),
            eq(conversations.status, status),
            ...(queue ? [eq(conversations.queue, queue)] : []),
          ),
        )
        .orderBy(desc(conversations.id))
        .limit(200);
      return c.json({ items: rows.map(view) }, 200);
    })
    .openapi(routes.reply, async (c) => {
      const row = await find(c.get('principal').workspaceId, c.req.valid('param').id);
      if (row.status !== 'agent' || !row.runId)
        throw new ApiError(409, 'CONVERSATION_NOT_WITH_AGENT', {
          en: `The conversation is ${row.status}`,
          es: `La conversación no está con un agente (estado: ${row.status})`,
        });
      const sent = await messaging
        .forStep({ runId: row.runId, nodeId: 'agent', idempotencyKey: `agent:${randomUUID()}` })
        .send(row.channel, { to: row.contactAddress, text: c.req.valid('json').text });
      return c.json({ messageId: sent.messageId }, 200);
    })
    .openapi(routes.close, async (c) => {
      const { workspaceId, userId } = c.get('principal');
      const row = await find(workspaceId, c.req.valid('param').id);
      if (row.status === 'closed')
        throw new ApiError(409, 'CONVERSATION_CLOSED', {
          en: 'The conversation is already closed',
          es: 'La conversación ya está cerrada',
        });
      const note = c.req.header('content-type')?.includes('json') ? c.req.valid('json').note : undefined;
      const [closed] = await db
        .update(conversations)
        .set({ status: 'closed', closedAt: new Date() })
        .where(eq(conversations.id, row.id))
        .returning();
      if (row.runId) {
        const [run] = await db.select().from(runs).where(eq(runs.id, row.runId));
        try {
          if (run) {
            await temporal.workflow.getHandle(run.temporalWorkflowId).signal(eventSignal, {
              type: 'conversation.closed',
              data: { by: userId, ...(note ? { note } : {}) },
            });
          }
        } catch (error) {
          // The run ended meanwhile (timed out): the conversation is closed all the same.
          if (!(error instanceof WorkflowNotFoundError)) throw error;
        }
      }
      return c.json(view(closed!), 200);
    });
}
