import { z } from '@hono/zod-openapi';
import { emailEventTypes, messageStatuses, messagingChannels } from '@omniflow/db';

/** What happened to a mail after it left (email_events). */
export const emailEventSchema = z
  .object({
    type: z.enum(emailEventTypes),
    at: z.string(),
    userAgent: z.string().nullable(),
    url: z.string().nullable(),
    // A mail provider's image proxy fetched the pixel (Apple Mail Privacy Protection), not a person.
    proxy: z.boolean(),
    detail: z.record(z.string(), z.unknown()),
  })
  .openapi('EmailEvent');

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
    /** Email only: opens, clicks, bounces, complaints and unsubscribes, oldest first. */
    emailEvents: z.array(emailEventSchema).optional(),
  })
  .openapi('Message');
