import type { CampaignChannel, Db } from '@omniflow/db';
import { NodeError } from '@omniflow/nodes/sdk';
import { quotaStatuses, type QuotaStatus } from './quota-status.ts';

export interface QuotaGateOptions {
  /** How long a workspace's balances are used before they are read again (default 1 s). */
  ttlMs?: number;
  now?: () => Date;
}

export interface Reservation {
  /** How many of the asked-for units may go: all of them when the channel has no bag. */
  granted: number;
  /** The bag as last read, or undefined when the channel has none. */
  status: QuotaStatus | undefined;
}

export const quotaExhaustedCode = 'QUOTA_EXHAUSTED';

export function quotaExhausted(channel: string, status: QuotaStatus): NodeError {
  return new NodeError(
    quotaExhaustedCode,
    `The workspace's ${channel} bag is used up (${status.used} of ${status.limit}${
      status.overdraft > 0 ? ` and an overdraft of ${status.overdraft}` : ''
    } this period): nothing was sent. An admin can top it up in Settings → Quotas (PUT /api/v1/quotas/${channel})`,
    false,
  );
}

interface Balances {
  byChannel: Map<CampaignChannel, QuotaStatus>;
  readAt: number;
  /** Units granted since the balances were read: the database does not show them yet. */
  reserved: Map<CampaignChannel, number>;
  /** Granted while a new read is under way: what stays reserved once it lands. */
  reservedDuringRead?: Map<CampaignChannel, number>;
  reading?: Promise<void>;
}

/**
 * Whether a workspace may still send on a channel, without a database round trip per message:
 * each workspace's balances are read once a second (in the background once known), and what
 * this process grants in between is counted here. Sends are counted in the database as they go
 * (queued/sent rows in flight, then ledger rows), so another process's grants show at its next
 * read: across processes the block is exact to within about a second of sends.
 */
export function quotaGate(db: Db, { ttlMs = 1000, now = () => new Date() }: QuotaGateOptions = {}) {
  const workspaces = new Map<string, Balances>();

  async function read(workspaceId: string, balances: Balances | undefined): Promise<Balances> {
    const startedAt = Date.now();
    const statuses = await quotaStatuses(db, workspaceId, now());
    const byChannel = new Map(statuses.map((s) => [s.channel, s]));
    if (!balances) {
      const fresh: Balances = { byChannel, readAt: startedAt, reserved: new Map() };
      workspaces.set(workspaceId, fresh);
      return fresh;
    }
    balances.byChannel = byChannel;
    balances.readAt = startedAt;
    balances.reserved = balances.reservedDuringRead ?? new Map();
    delete balances.reservedDuringRead;
    return balances;
  }

  function refresh(workspaceId: string, balances: Balances) {
    if (balances.reading) return balances.reading;
    balances.reservedDuringRead = new Map();
    balances.reading = read(workspaceId, balances)
      .then(() => undefined)
      .catch(() => {
        // Kept: the last balances stand until a read succeeds.
        for (const [channel, units] of balances.reservedDuringRead ?? [])
          balances.reserved.set(channel, (balances.reserved.get(channel) ?? 0) + units);
        delete balances.reservedDuringRead;
      })
      .finally(() => delete balances.reading);
    return balances.reading;
  }

  const pendingFirstReads = new Map<string, Promise<Balances>>();
  async function balancesOf(workspaceId: string): Promise<Balances> {
    const known = workspaces.get(workspaceId);
    if (known) {
      if (Date.now() - known.readAt >= ttlMs) void refresh(workspaceId, known);
      return known;
    }
    let first = pendingFirstReads.get(workspaceId);
    if (!first) {
      first = read(workspaceId, undefined).finally(() => pendingFirstReads.delete(workspaceId));
      pendingFirstReads.set(workspaceId, first);
    }
    return first;
  }

  const available = (balances: Balances, status: QuotaStatus) =>
    status.limit +
    status.overdraft -
    status.used -
    status.inFlight -
    (balances.reserved.get(status.channel) ?? 0);

  function hold(balances: Balances, channel: CampaignChannel, units: number) {
    balances.reserved.set(channel, (balances.reserved.get(channel) ?? 0) + units);
    balances.reservedDuringRead?.set(channel, (balances.reservedDuringRead.get(channel) ?? 0) + units);
  }

  /** The channel's bag as last read (at most about a second old); undefined: no bag, no limit. */
  async function check(workspaceId: string, channel: CampaignChannel): Promise<QuotaStatus | undefined> {
    return (await balancesOf(workspaceId)).byChannel.get(channel);
  }

  /**
   * Takes up to `count` units (messages, or SMS segments) off what is left; a campaign sends
   * `granted` and skips the rest with the reason `quota` (and `release`s what it did not send).
   */
  async function reserve(workspaceId: string, channel: CampaignChannel, count: number): Promise<Reservation> {
    const balances = await balancesOf(workspaceId);
    const status = balances.byChannel.get(channel);
    if (!status) return { granted: count, status };
    const granted = Math.max(0, Math.min(count, available(balances, status)));
    if (granted > 0) hold(balances, channel, granted);
    return { granted, status };
  }

  /** Gives back units reserved for sends that never reached a provider. */
  async function release(workspaceId: string, channel: CampaignChannel, units: number): Promise<void> {
    const balances = workspaces.get(workspaceId);
    if (balances?.byChannel.has(channel)) hold(balances, channel, -units);
  }

  /** One send: reserves all its units or throws QUOTA_EXHAUSTED (not retryable). */
  async function admit(workspaceId: string, channel: CampaignChannel, units = 1): Promise<void> {
    const balances = await balancesOf(workspaceId);
    const status = balances.byChannel.get(channel);
    if (!status) return;
    if (available(balances, status) < units) throw quotaExhausted(channel, status);
    hold(balances, channel, units);
  }

  return {
    check,
    reserve,
    release,
    admit,

    /** Forgets a workspace's balances: the next look reads them (after an admin changed the bag). */
    forget(workspaceId: string) {
      workspaces.delete(workspaceId);
    },
  };
}

export type QuotaGate = ReturnType<typeof quotaGate>;
