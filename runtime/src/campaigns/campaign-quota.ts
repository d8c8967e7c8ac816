import type { CampaignChannel } from '@omniflow/db';
import type { QuotaGate } from '../quotas/quota-gate.ts';
import type { BeforeChunk } from './campaign-sending.ts';

/**
 * Campaign chunks spend the same bags as flows and the send API: the worker's messaging
 * service's gate (one per process, so its grants between balance reads are counted once). A chunk
 * gets what is left of the bag plus its overdraft; the rest is skipped with the reason `quota`.
 */
export function quotaBeforeChunk(quotas: QuotaGate): BeforeChunk {
  return async ({ workspaceId, channel, count }) =>
    (await quotas.reserve(workspaceId, channel as CampaignChannel, count)).granted;
}
