import type { messages } from '@omniflow/db';

/** A `messages` row as the API shows it (see api/message-schema.ts). */
export function messageView(m: typeof messages.$inferSelect) {
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
  };
}
