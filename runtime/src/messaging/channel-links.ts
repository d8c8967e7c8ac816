import { SmppDriver } from '@omniflow/nodes/drivers/sms';
import type { ChannelResolver } from './channel-resolver.ts';
import type { MessagingService } from './messaging-service.ts';
import { routeInbound, type InboundRouting } from './route-inbound.ts';

/**
 * Wires the drivers that hear from their provider over their own connection (SMPP) to the
 * product: delivery receipts update `messages` rows, inbound messages start or continue
 * conversations. A handler that fails rejects, so the driver answers the SMSC with a temporary
 * error and the SMSC delivers it again: nothing is acknowledged before it is stored.
 */
export function attachChannelLinks(
  resolver: ChannelResolver,
  deps: Omit<InboundRouting, 'messaging'> & { messaging: MessagingService },
  log: (message: string) => void = (message) => console.warn(message),
): () => void {
  return resolver.onDriver(({ workspaceId, channel, driver }) => {
    driver.onStatus?.(async (update) => {
      await deps.messaging.applyStatus(channel, update);
    });
    driver.onInbound?.(async (message) => {
      await routeInbound(deps, workspaceId, message);
    });
    if (driver instanceof SmppDriver) {
      driver.onEvent((event) => {
        if (event.type === 'down') log(`SMPP link of workspace ${workspaceId} down: ${event.reason}`);
        if (event.type === 'failed' || event.type === 'inbound-lost')
          log(`SMPP link of workspace ${workspaceId}: ${event.type}: ${event.error.message}`);
      });
    }
  });
}
