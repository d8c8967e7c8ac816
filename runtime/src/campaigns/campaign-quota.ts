import type { CampaignChannel } from '@omniflow/db';
import type { QuotaGate } from '../quotas/quota-gate.ts';
import type { BeforeChunk } from './campaign-sending.ts';

/**
 * Campaign chunks spend the same bags as flows and the send API: the worker's messaging
 * service's gate (one per process, so its grants between balance reads are counted once). A chunk
 * gets the sends, in order, whose units (a long SMS: its parts) fit in what is left of the bag
 * plus its overdraft; the rest is skipped with the reason `quota`, and units granted but not
 * used by a whole send are given back.
 */
export function quotaBeforeChunk(quotas: Pick<QuotaGate, 'reserve' | 'release'>): BeforeChunk {
  return async ({ workspaceId, channel, units }) => {
    const total = units.reduce((sum, u) => sum + u, 0);
    const { granted } = await quotas.reserve(workspaceId, channel as CampaignChannel, total);
    let used = 0;
    let count = 0;
    while (count < units.length && used + units[count]! <= granted) used += units[count++]!;
    if (granted > used) await quotas.release(workspaceId, channel as CampaignChannel, granted - used);
    return count;
  };
}
