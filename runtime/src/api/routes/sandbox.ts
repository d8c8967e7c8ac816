import { randomUUID } from 'node:crypto';
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { messagingChannels } from '@omniflow/db';
import { createMessagingService } from '../../messaging/messaging-service.ts';
import { routeInbound } from '../../messaging/route-inbound.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import { errorResponses, json } from '../schemas.ts';

const inboundRoute = createRoute({
  method: 'post',
  path: '/sandbox/messages',
  tags: ['sandbox'],
  summary: 'Write to your flows as a person would, on a sandbox channel (the phone simulator)',
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .object({
              channel: z.enum(messagingChannels),
              from: z.string().trim().min(3, 'from is the person’s phone number or chat id'),
              to: z.string().trim().default('sandbox'),
              text: z.string().max(4096).optional(),
              choiceId: z.string().max(200).optional(),
            })
            .refine((m) => m.text !== undefined || m.choiceId !== undefined, {
              message: 'Send text or a choiceId (a button the person pressed)',
            }),
        },
      },
    },
  },
  responses: {
    200: json(
      z.object({
        outcome: z.enum(['started', 'delivered', 'unrouted', 'duplicate', 'opted-out', 'opted-in']),
        runId: z.string().nullable(),
      }),
      'Where the message went: a new run, the conversation’s run, nowhere (no trigger matched), or a STOP/START',
    ),
    ...errorResponses,
  },
});

/** The person's side of the sandbox channels: what a phone or a chat window would send. */
export function sandboxRoutes(deps: AppDeps) {
  const messaging = createMessagingService({ db: deps.db, drivers: {} });
  return new OpenAPIHono<AppEnv>().openapi(inboundRoute, async (c) => {
    const body = c.req.valid('json');
    const result = await routeInbound(
      { db: deps.db, temporal: deps.temporal, taskQueue: deps.taskQueue, messaging },
      c.get('principal').workspaceId,
      {
        channel: body.channel,
        from: body.from,
        to: body.to,
        providerMessageId: `sandbox.in.${randomUUID()}`,
        ...(body.text !== undefined ? { text: body.text } : {}),
        ...(body.choiceId !== undefined ? { choiceId: body.choiceId } : {}),
        receivedAt: new Date(),
      },
    );
    return c.json({ outcome: result.outcome, runId: 'runId' in result ? result.runId : null }, 200);
  });
}
