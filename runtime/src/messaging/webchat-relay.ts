import { and, eq, gt, inArray, isNotNull } from 'drizzle-orm';
import { messages, type Db } from '@omniflow/db';
import type { OutboundMessage } from '@omniflow/nodes/drivers/messaging';
import { renderWebChatMessage, type WebChatHub } from '@omniflow/nodes/drivers/webchat';

/**
 * Brings bot messages sent by a worker in another process to the widgets connected to this API
 * process. A send in this process reaches the hub at once; the relay finds every sent web chat
 * message for the sessions live here and publishes it again, and connections drop what they have
 * already shown (same id). Without it, a separate worker's replies would appear only on reconnect.
 */
export function startWebChatRelay(options: { db: Db; hub: WebChatHub; everyMs?: number }): () => void {
  const everyMs = options.everyMs ?? 1000;
  let since = new Date();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    const sessions = options.hub.liveSessions();
    // A little overlap: a row's updated_at is set when the send is recorded, a moment after it.
    const from = new Date(since.getTime() - 5_000);
    since = new Date();
    if (sessions.length > 0) {
      const rows = await options.db
        .select()
        .from(messages)
        .where(
          and(
            eq(messages.channel, 'webchat'),
            eq(messages.direction, 'outbound'),
            isNotNull(messages.providerMessageId),
            inArray(messages.contactAddress, sessions),
            gt(messages.updatedAt, from),
          ),
        );
      for (const row of rows)
        options.hub.publish(row.contactAddress, {
          type: 'message',
          message: renderWebChatMessage(row.body as OutboundMessage, row.providerMessageId!, row.createdAt),
        });
    }
  };
  const loop = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      tick()
        .catch((error: unknown) => console.error('Web chat relay: reading sent messages failed', error))
        .finally(loop);
    }, everyMs);
  };
  loop();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
