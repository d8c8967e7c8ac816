import { and, desc, eq } from 'drizzle-orm';
import { messages, type Db } from '@omniflow/db';
import type { MessagingChannel, MessagingDriver } from '@omniflow/nodes/drivers/messaging';
import { createChannelNumberStore } from '../channel-numbers/channel-number-store.ts';
import { isNumberProvider } from '../channel-numbers/number-address.ts';
import type { SecretKeyring } from '../credentials/secret-keyring.ts';
import { driverFromSettings } from './driver-from-settings.ts';

/** The further number a reply goes out from, and the driver that sends through it. */
export interface ReplyNumber {
  from: string;
  driver: MessagingDriver;
}

/**
 * Replies go out from the number the person wrote to: when their latest message on the channel
 * came to one of the workspace's further numbers (channel_numbers), that number's driver and
 * address send the reply; otherwise (the channel's own number, or they never wrote) undefined,
 * and the channel's own settings do. Their latest message decides, so a person who writes to two
 * numbers of one workspace keeps one conversation, answered from whichever they wrote to last.
 */
export function replyNumbers(db: Db, keyring: () => SecretKeyring, publicUrl?: string) {
  const store = createChannelNumberStore(db, keyring);
  // Numbers are added and removed, never edited: a number's driver stays good while it exists.
  const drivers = new Map<string, MessagingDriver>();
  return async (
    workspaceId: string,
    channel: MessagingChannel,
    to: string,
  ): Promise<ReplyNumber | undefined> => {
    if (channel !== 'whatsapp' && channel !== 'sms') return undefined;
    const [last] = await db
      .select({ ourAddress: messages.ourAddress })
      .from(messages)
      .where(
        and(
          eq(messages.workspaceId, workspaceId),
          eq(messages.channel, channel),
          eq(messages.contactAddress, to),
          eq(messages.direction, 'inbound'),
        ),
      )
      .orderBy(desc(messages.createdAt))
      .limit(1);
    if (!last?.ourAddress) return undefined;
    const number = await store.byAddress(channel, last.ourAddress);
    if (number?.workspaceId !== workspaceId || !isNumberProvider(number.settings.provider)) return undefined;
    let driver = drivers.get(number.id);
    if (!driver) {
      if (drivers.size >= 1000) drivers.clear();
      driver = driverFromSettings(channel, number.settings, {
        workspaceId,
        ...(publicUrl ? { publicUrl } : {}),
      });
      drivers.set(number.id, driver);
    }
    return { from: last.ourAddress, driver };
  };
}

export type ReplyNumbers = ReturnType<typeof replyNumbers>;
