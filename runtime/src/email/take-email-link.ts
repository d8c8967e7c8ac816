import { and, eq } from 'drizzle-orm';
import { contactChannels, emailEvents, messages, workspaces, type Db } from '@omniflow/db';
import { isProxyOpen } from './proxy-open.ts';
import { recordEmailEvent } from './record-email-event.ts';
import { suppressAddress } from './suppress-address.ts';

/** Who followed a link: their user agent and network address. */
export interface LinkVisitor {
  userAgent?: string;
  address?: string;
}

async function sentMail(db: Db, messageId: string) {
  const [row] = await db
    .select({ id: messages.id, workspaceId: messages.workspaceId, address: messages.contactAddress })
    .from(messages)
    .where(
      and(eq(messages.id, messageId), eq(messages.channel, 'email'), eq(messages.direction, 'outbound')),
    );
  return row;
}

/** Records an open (the pixel was fetched); false when the mail is not ours (deleted since). */
export async function takeOpen(db: Db, messageId: string, visitor: LinkVisitor): Promise<boolean> {
  const mail = await sentMail(db, messageId);
  if (!mail) return false;
  await recordEmailEvent(db, {
    workspaceId: mail.workspaceId,
    messageId,
    type: 'open',
    ...(visitor.userAgent ? { userAgent: visitor.userAgent } : {}),
    proxy: isProxyOpen(visitor.userAgent, visitor.address),
  });
  return true;
}

/** Records a click on `url`; false when the mail is not ours. */
export async function takeClick(
  db: Db,
  messageId: string,
  url: string,
  visitor: LinkVisitor,
): Promise<boolean> {
  const mail = await sentMail(db, messageId);
  if (!mail) return false;
  await recordEmailEvent(db, {
    workspaceId: mail.workspaceId,
    messageId,
    type: 'click',
    url,
    ...(visitor.userAgent ? { userAgent: visitor.userAgent } : {}),
  });
  return true;
}

/** Whom an unsubscribe link speaks for: the address, the workspace's name, whether it is done. */
export interface UnsubscribeTarget {
  address: string;
  sender: string;
  unsubscribed: boolean;
}

export async function unsubscribeTarget(db: Db, messageId: string): Promise<UnsubscribeTarget | undefined> {
  const mail = await sentMail(db, messageId);
  if (!mail) return undefined;
  const [workspace] = await db
    .select({ name: workspaces.name })
    .from(workspaces)
    .where(eq(workspaces.id, mail.workspaceId));
  const [channel] = await db
    .select({ optedOutAt: contactChannels.optedOutAt })
    .from(contactChannels)
    .where(
      and(
        eq(contactChannels.workspaceId, mail.workspaceId),
        eq(contactChannels.channel, 'email'),
        eq(contactChannels.address, mail.address.toLowerCase()),
      ),
    );
  return { address: mail.address, sender: workspace?.name ?? '', unsubscribed: Boolean(channel?.optedOutAt) };
}

/**
 * RFC 8058 one-click unsubscribe: the mail's address gets no more mail from its workspace (every
 * later send is refused with OPTED_OUT). Doing it again changes nothing and records nothing.
 */
export async function takeUnsubscribe(
  db: Db,
  messageId: string,
  visitor: LinkVisitor,
): Promise<UnsubscribeTarget | undefined> {
  const mail = await sentMail(db, messageId);
  if (!mail) return undefined;
  const [done] = await db
    .select({ id: emailEvents.id })
    .from(emailEvents)
    .where(and(eq(emailEvents.messageId, messageId), eq(emailEvents.type, 'unsubscribe')))
    .limit(1);
  if (!done) {
    await suppressAddress(db, mail.workspaceId, mail.address, 'unsubscribe');
    await recordEmailEvent(db, {
      workspaceId: mail.workspaceId,
      messageId,
      type: 'unsubscribe',
      url: mail.address,
      ...(visitor.userAgent ? { userAgent: visitor.userAgent } : {}),
    });
  }
  return unsubscribeTarget(db, messageId);
}
