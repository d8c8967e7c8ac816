import type { messages } from '@omniflow/db';
import type { EmailEventView } from '../email/email-events-of.ts';

/**
 * A `messages` row as the API shows it (see api/message-schema.ts); a mail's opens, clicks,
 * bounces, complaints and unsubscribes when given (email_events).
 */
export function messageView(m: typeof messages.$inferSelect, emailEvents?: EmailEventView[]) {
  return {
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
    ...(m.channel === 'email' ? { emailEvents: emailEvents ?? [] } : {}),
  };
}
