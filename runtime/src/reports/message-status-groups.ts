import type { Bilingual } from './describe-filters.ts';

/**
 * What an outbound message's status means for a report: every one is sent, and then delivered
 * (read counts as delivered), undelivered (refused, failed, expired, bounced) or still pending
 * (queued or handed over with no receipt yet). The three always add up to the sent.
 */
export function statusGroup(status: string): 'delivered' | 'undelivered' | 'pending' {
  if (status === 'delivered' || status === 'read') return 'delivered';
  if (status === 'queued' || status === 'sent') return 'pending';
  return 'undelivered';
}

/** A reason an undelivered message gives: the provider's code, or else its status in words. */
export const statusNames: Record<string, Bilingual> = {
  failed: { en: 'Failed', es: 'Fallido' },
  undelivered: { en: 'Not delivered', es: 'No entregado' },
  expired: { en: 'Expired', es: 'Caducado' },
  bounced: { en: 'Bounced', es: 'Rebotado' },
};
