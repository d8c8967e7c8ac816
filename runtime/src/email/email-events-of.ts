import { asc, inArray } from 'drizzle-orm';
import { emailEvents, type Db } from '@omniflow/db';

/** One thing that happened to a mail after it left, as the API shows it. */
export interface EmailEventView {
  type: (typeof emailEvents.$inferSelect)['type'];
  at: string;
  userAgent: string | null;
  url: string | null;
  proxy: boolean;
  detail: Record<string, unknown>;
}

/** The events of some messages, oldest first, by message id; in one query. */
export async function emailEventsOf(db: Db, messageIds: string[]): Promise<Map<string, EmailEventView[]>> {
  const byMessage = new Map<string, EmailEventView[]>();
  if (messageIds.length === 0) return byMessage;
  const rows = await db
    .select()
    .from(emailEvents)
    .where(inArray(emailEvents.messageId, messageIds))
    .orderBy(asc(emailEvents.at), asc(emailEvents.id));
  for (const row of rows) {
    const events = byMessage.get(row.messageId) ?? [];
    events.push({
      type: row.type,
      at: row.at.toISOString(),
      userAgent: row.userAgent,
      url: row.url,
      proxy: row.proxy,
      detail: row.detail,
    });
    byMessage.set(row.messageId, events);
  }
  return byMessage;
}
