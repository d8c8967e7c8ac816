import { useMemo } from 'react';
import { client, ok } from '../../api/client.ts';
import type { Message, MessagingChannel } from '../../api/types.ts';
import { usePoll, type Poll } from '../../api/use-poll.ts';

/** How often the conversation is read again while the page is open. */
export const conversationEveryMs = 1000;

/** The API refuses shorter addresses (POST /sandbox/messages). */
export const minAddressLength = 3;

/**
 * The last 200 messages between this address and us on a channel, oldest first as a phone lists
 * them, read again every second so the bot's replies and their ticks appear as they happen.
 */
export function useConversation(channel: MessagingChannel, address: string): Poll<Message[]> {
  const contact = address.trim();
  const load = useMemo(
    () =>
      contact.length < minAddressLength
        ? null
        : async () => {
            const page = await ok(
              client.GET('/messages', { params: { query: { contact, channel, limit: 200 } } }),
            );
            return [...page.items].reverse();
          },
    [contact, channel],
  );
  return usePoll(load, conversationEveryMs);
}
