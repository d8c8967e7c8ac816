import { randomUUID } from 'node:crypto';
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import { messagingChannels, runs } from '@omniflow/db';
import { SandboxDriver } from '@omniflow/nodes/drivers/messaging';
import { createMessagingService } from '../../messaging/messaging-service.ts';
import { conversationWorkflowId, routeInbound } from '../../messaging/route-inbound.ts';
import { simulatorAddressPrefix } from '../../runs/simulator-conversation.ts';
import { ApiError } from '../api-error.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import { channelResolverOf } from '../channel-resolver-of.ts';
import { errorResponses, errorSchema, json } from '../schemas.ts';

const sandboxMessage = z
  .object({
    channel: z.enum(messagingChannels),
    // An address is indexed: past a few hundred characters it is no phone, chat id or mail
    // address, and PostgreSQL refuses index rows over 2.7 kB (a 500 before this limit).
    from: z
      .string()
      .trim()
      .min(3, 'from is the person’s phone number or chat id')
      .max(320, 'from is at most 320 characters (a phone number, chat id or email address)'),
    to: z.string().trim().max(320, 'to is at most 320 characters').default('sandbox'),
    text: z.string().max(4096).optional(),
    choiceId: z.string().max(200).optional(),
  })
  .refine((m) => m.text !== undefined || m.choiceId !== undefined, {
    message: 'Send text or a choiceId (a button the person pressed)',
  });

type SandboxMessage = z.output<typeof sandboxMessage>;

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
          schema: sandboxMessage,
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
    409: json(errorSchema, 'The channel reaches real people (CHANNEL_NOT_SANDBOX)'),
  },
});

// Web chat visitors' ids as the widget's session endpoint issues them (newSessionId): 128 random
// bits in hex. Only a visitor holding that session's token may write as one.
const webChatSessionId = /^[0-9a-f]{32}$/;

/**
 * Why a message on this channel from this address may not go through the sandbox, or null when it
 * may: the channel's driver for the workspace is the sandbox, or the address is the builder
 * simulator's own conversation with a test run (those always send through the sandbox), or, on
 * web chat, whose person side is open to anyone, the address is not a real visitor's session.
 */
async function notSandbox(deps: AppDeps, workspaceId: string, message: SandboxMessage) {
  // Saved settings that cannot build a driver still name a real provider.
  const driver = await channelResolverOf(deps)
    .driverFor(workspaceId, message.channel)
    .catch(() => 'unusable' as const);
  if (driver instanceof SandboxDriver) return null;
  if (message.from.startsWith(simulatorAddressPrefix)) {
    const [test] = await deps.db
      .select({ id: runs.id })
      .from(runs)
      .where(
        and(
          eq(runs.workspaceId, workspaceId),
          // The contact index finds it; the workflow id makes sure it is that conversation.
          eq(runs.contact, message.from.toLowerCase()),
          eq(runs.temporalWorkflowId, conversationWorkflowId(workspaceId, message.channel, message.from)),
          eq(runs.version, 0),
        ),
      )
      .limit(1);
    if (test) return null;
  }
  if (driver === undefined) {
    return `The ${message.channel} channel has no provider and this server does not use the sandbox (omniflow api/worker without OMNIFLOW_SANDBOX=1), so there is no sandbox to write to.`;
  }
  if (message.channel === 'webchat' && !webChatSessionId.test(message.from)) return null;
  // A made-up message would be taken as that person's (a STOP would opt a real customer out).
  return `The ${message.channel} channel reaches real people through its provider, so the sandbox cannot write on it as ${message.from}. Use the editor's Test run (it always uses the sandbox), or remove the channel's provider in Settings → Channels to use the phone simulator.`;
}

/** The person's side of the sandbox channels: what a phone or a chat window would send. */
export function sandboxRoutes(deps: AppDeps) {
  const messaging = createMessagingService({ db: deps.db, drivers: {} });
  return new OpenAPIHono<AppEnv>().openapi(inboundRoute, async (c) => {
    const body = c.req.valid('json');
    const { workspaceId } = c.get('principal');
    const refused = await notSandbox(deps, workspaceId, body);
    if (refused) throw new ApiError(409, 'CHANNEL_NOT_SANDBOX', refused);
    const result = await routeInbound(
      { db: deps.db, temporal: deps.temporal, taskQueue: deps.taskQueue, messaging },
      workspaceId,
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
