import { SmppDriver } from '@omniflow/nodes/drivers/sms';
import type { ChannelResolver } from '../messaging/channel-resolver.ts';
import type { HealthProbe, HealthReading } from './health-reading.ts';

interface Link {
  driver: SmppDriver;
  lastError?: string;
  lastErrorAt?: Date;
}

/**
 * The SMPP binds this worker holds (channel-upkeep keeps one per workspace that saved SMPP):
 * up while bound; the last `down` or `failed` event the link reported is its last error.
 */
export function smppProbe(resolver: Pick<ChannelResolver, 'onDriver'>, clock = () => new Date()) {
  const links = new Map<string, Link>();
  const detach = resolver.onDriver(({ workspaceId, driver }) => {
    if (!(driver instanceof SmppDriver)) return;
    const link: Link = { driver };
    links.set(workspaceId, link);
    driver.onEvent((event) => {
      if (links.get(workspaceId) !== link) return;
      if (event.type === 'down') link.lastError = event.reason;
      else if (event.type === 'failed') link.lastError = event.error.message;
      else return;
      link.lastErrorAt = clock();
    });
  });
  const probe: HealthProbe = async () =>
    [...links].map(([workspaceId, link]): HealthReading => {
      const up = link.driver.isBound;
      return {
        workspaceId,
        component: 'sms',
        kind: 'smpp',
        up,
        ...(link.lastError ? { error: link.lastError, lastErrorAt: link.lastErrorAt ?? null } : {}),
      };
    });
  return { probe, detach };
}
