import { and, eq, ne, or, sql } from 'drizzle-orm';
import { channelNumbers, credentials, type Db } from '@omniflow/db';
import type { MessagingChannel } from '@omniflow/nodes/drivers/messaging';

/**
 * Who has a number already: a further number of a workspace (channel_numbers) or a channel's
 * own settings naming it. One number belongs to one workspace, else its webhooks could not be
 * told apart. `except` leaves out the row being saved.
 */
export async function numberOwner(
  db: Db,
  channel: MessagingChannel,
  address: string,
  except: { workspaceId?: string; numberId?: string } = {},
): Promise<{ workspaceId: string; numberId?: string } | undefined> {
  const [number] = await db
    .select({ workspaceId: channelNumbers.workspaceId, numberId: channelNumbers.id })
    .from(channelNumbers)
    .where(
      and(
        eq(channelNumbers.channel, channel),
        eq(channelNumbers.address, address),
        except.numberId ? ne(channelNumbers.id, except.numberId) : undefined,
      ),
    );
  if (number) return number;
  const [main] = await db
    .select({ workspaceId: credentials.workspaceId })
    .from(credentials)
    .where(
      and(
        eq(credentials.channel, channel),
        or(
          sql`${credentials.config}->>'phoneNumberId' = ${address}`,
          sql`${credentials.config}->>'from' = ${address}`,
        ),
        except.workspaceId ? ne(credentials.workspaceId, except.workspaceId) : undefined,
      ),
    );
  return main;
}
