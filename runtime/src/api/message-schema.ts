import { z } from '@hono/zod-openapi';
import { messageStatuses, messagingChannels } from '@omniflow/db';

/** One message in or out, as `GET /messages` and a run's detail show it. */
export const messageSchema = z
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
