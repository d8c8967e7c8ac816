import type { Db } from '@omniflow/db';
import type { MessagingChannel } from '@omniflow/nodes/drivers/messaging';
import { numberAddressOf } from '../channel-numbers/number-address.ts';
import { numberOwner } from '../channel-numbers/number-claims.ts';
import { ApiError } from './api-error.ts';
import { channelNumberMessage } from './channel-number-text.ts';
import { readerLanguage } from './reader-language.ts';

/**
 * A channel's own settings may not name a number another workspace has (or one of this
 * workspace's further numbers): its webhooks would reach two workspaces. 409, in the reader's language.
 */
export async function refuseTakenNumber(
  db: Db,
  workspaceId: string,
  channel: MessagingChannel,
  settings: { provider: string; config: unknown },
  acceptLanguage: string | undefined,
): Promise<void> {
  const address = numberAddressOf(settings.provider, (settings.config ?? {}) as Record<string, unknown>);
  if (!address) return;
  if (await numberOwner(db, channel, address, { workspaceId }))
    throw new ApiError(
      409,
      'NUMBER_TAKEN',
      channelNumberMessage('taken', readerLanguage(acceptLanguage), { address }),
    );
}
