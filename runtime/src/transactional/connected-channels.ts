import type { MessagingChannel, MessagingDriver } from '@omniflow/nodes/drivers/messaging';

/** How long a channel found connected is taken as connected without asking again. */
const trustMs = 1000;

/**
 * Whether a workspace's channel has a provider, for the send API's check before its 202. A yes is
 * kept for a second (one statement fewer per message at load); a no is asked again every time,
 * so a channel connected a moment ago is usable at once. A channel removed within that second
 * lets a message through that its workflow then records as failed (CHANNEL_NOT_CONFIGURED).
 */
export function connectedChannels(
  driverFor: (workspaceId: string, channel: MessagingChannel) => Promise<MessagingDriver | undefined>,
  now: () => number = Date.now,
) {
  const connectedUntil = new Map<string, number>();
  return async (workspaceId: string, channel: MessagingChannel): Promise<boolean> => {
    const key = `${workspaceId}/${channel}`;
    if ((connectedUntil.get(key) ?? 0) > now()) return true;
    const connected = (await driverFor(workspaceId, channel)) !== undefined;
    if (connected) connectedUntil.set(key, now() + trustMs);
    else connectedUntil.delete(key);
    return connected;
  };
}
