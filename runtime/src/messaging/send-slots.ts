import { Context } from '@temporalio/activity';
import type { Db } from '@omniflow/db';
import { statementBatcher } from '../batching/statement-batcher.ts';
import { accountLimitOf, reserveSendSlot, type AccountLimit } from '../campaigns/account-rate.ts';

/** How long a workspace's declared account limit is trusted before it is read again. */
const limitTtlMs = 5_000;

/** A send's wait for its slot: heartbeats when it runs inside an activity, so a long one looks alive. */
function heartbeat(left: number) {
  try {
    Context.current().heartbeat({ waitingForAccountSlotMs: Math.round(left) });
  } catch {
    // Not in an activity (the API's process): nobody to tell.
  }
}

/**
 * The sending account's slots for one-at-a-time sends (a flow's send nodes, the transactional
 * send API): the same send_rate_slots a campaign reserves from (account-rate.ts), so campaigns,
 * flows and applications on one SMPP login, SMTP relay or WhatsApp number stay within its limit
 * together. Each send reserves exactly its own slot, never more, so nothing reserved goes unused;
 * the sends waiting in this process at once share one statement (a burst of flow sends costs one
 * round trip, not one each). The wait is for the slot itself: behind a campaign, about a second
 * (it reserves that far ahead, account-rate.ts reserveAheadSeconds).
 */
export function createSendSlots(db: Db) {
  const limits = new Map<string, { until: number; limit: Promise<AccountLimit | undefined> }>();
  const reservers = new Map<string, (limit: AccountLimit) => Promise<number>>();

  function limitOf(workspaceId: string, channel: string) {
    const key = `${workspaceId}:${channel}`;
    const known = limits.get(key);
    if (known && known.until > Date.now()) return known.limit;
    if (limits.size >= 10_000) limits.clear();
    const limit = accountLimitOf(db, workspaceId, channel);
    limits.set(key, { until: Date.now() + limitTtlMs, limit });
    limit.catch(() => limits.delete(key));
    return limit;
  }

  /** One batcher per account: the takers waiting together get back-to-back slots of one reservation. */
  function slotOf(limit: AccountLimit) {
    let reserve = reservers.get(limit.key);
    if (!reserve) {
      const batch = statementBatcher(async (items: AccountLimit[]) => {
        // The newest limit asked with: a changed setting applies to the next reservation.
        const { startsAt, spacingMs } = await reserveSendSlot(db, items.at(-1)!, items.length);
        return items.map((_, i) => startsAt + i * spacingMs);
      });
      reserve = batch;
      reservers.set(limit.key, reserve);
    }
    return reserve(limit);
  }

  return {
    /**
     * Waits until this send may go to the provider of `channel` for `workspaceId`: at once when
     * the account declares no limit, else at its slot.
     */
    async take(workspaceId: string, channel: string): Promise<void> {
      const limit = await limitOf(workspaceId, channel);
      if (!limit) return;
      const at = await slotOf(limit);
      for (let left = at - Date.now(); left > 0; left = at - Date.now()) {
        heartbeat(left);
        await new Promise((resolve) => setTimeout(resolve, Math.min(left, 5_000)));
      }
    },
  };
}

export type SendSlots = ReturnType<typeof createSendSlots>;
