import { and, eq } from 'drizzle-orm';
import { contactChannels, type Db } from '@omniflow/db';
import { contactForAddress } from '../messaging/contacts-service.ts';

/** Why an address no longer gets mail: it bounced for good, complained, or unsubscribed. */
export type SuppressionReason = 'hard-bounce' | 'complaint' | 'unsubscribe';

/**
 * Stops every later mail of the workspace to this address: the send path refuses it with
 * `OPTED_OUT` before any SMTP call (the same consent column STOP sets for SMS).
 */
export async function suppressAddress(
  db: Db,
  workspaceId: string,
  address: string,
  reason: SuppressionReason,
  at = new Date(),
): Promise<void> {
  const normalized = address.trim().toLowerCase();
  await contactForAddress(db, workspaceId, 'email', normalized);
  await db
    .update(contactChannels)
    .set({ optedOutAt: at, optOutKeyword: reason })
    .where(
      and(
        eq(contactChannels.workspaceId, workspaceId),
        eq(contactChannels.channel, 'email'),
        eq(contactChannels.address, normalized),
      ),
    );
}
