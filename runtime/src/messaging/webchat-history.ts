import { and, desc, eq, isNotNull } from 'drizzle-orm';
import { messages, type Db } from '@omniflow/db';
import type { OutboundMessage } from '@omniflow/nodes/drivers/messaging';
import { renderWebChatMessage, type WebChatMessage } from '@omniflow/nodes/drivers/webchat';

/** How much of a conversation a reopened widget shows. */
const historyLimit = 200;

/**
 * A visitor's conversation as the widget shows it, oldest first, from the `messages` table (the
 * same rows the runs console reads). Only messages that reached the channel are shown: a send
 * still queued has no provider id yet and arrives live or on the next replay.
 */
export async function webChatHistory(
  db: Db,
  workspaceId: string,
  sessionId: string,
): Promise<WebChatMessage[]> {
  const rows = await db
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.workspaceId, workspaceId),
        eq(messages.contactAddress, sessionId),
        eq(messages.channel, 'webchat'),
        isNotNull(messages.providerMessageId),
      ),
    )
    .orderBy(desc(messages.id))
    .limit(historyLimit);
  return rows.reverse().map((row) => {
    if (row.direction === 'outbound')
      return renderWebChatMessage(row.body as OutboundMessage, row.providerMessageId!, row.createdAt);
    const body = row.body as { text?: string; choiceId?: string };
    return {
      id: row.providerMessageId!,
      from: 'visitor' as const,
      ...(body.text !== undefined ? { text: body.text } : body.choiceId ? { text: body.choiceId } : {}),
      at: row.createdAt.toISOString(),
    };
  });
}
