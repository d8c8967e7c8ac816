import { emailEvents, newId, type Db, type emailEventTypes } from '@omniflow/db';

export interface EmailEventInput {
  workspaceId: string;
  /** The `messages` row the event is about. */
  messageId: string;
  type: (typeof emailEventTypes)[number];
  at?: Date;
  userAgent?: string;
  url?: string;
  proxy?: boolean;
  detail?: Record<string, unknown>;
}

/** Writes one `email_events` row: what happened to a mail after it left. */
export async function recordEmailEvent(db: Db, event: EmailEventInput): Promise<void> {
  await db.insert(emailEvents).values({
    id: newId(),
    workspaceId: event.workspaceId,
    messageId: event.messageId,
    type: event.type,
    at: event.at ?? new Date(),
    userAgent: event.userAgent?.slice(0, 512) ?? null,
    url: event.url ?? null,
    proxy: event.proxy ?? false,
    detail: event.detail ?? {},
  });
}
