import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { credentials, queryRows, type Db } from '@omniflow/db';
import type { MessagingChannel } from '@omniflow/nodes/drivers/messaging';

/**
 * Where each provider's account declares its limit, in the provider's own unit: an SMPP account
 * and Twilio count messages per second, Meta's Cloud API its throughput per phone number (80 a
 * second by default, 1,000 once upgraded), an SMTP relay an hourly cap.
 */
export const accountLimitFields = {
  smpp: { field: 'messagesPerSecond', seconds: 1, max: 10_000 },
  twilio: { field: 'messagesPerSecond', seconds: 1, max: 10_000 },
  'whatsapp-cloud': { field: 'messagesPerSecond', seconds: 1, max: 1_000 },
  smtp: { field: 'messagesPerHour', seconds: 3600, max: 1_000_000 },
} as const;

type LimitedProvider = keyof typeof accountLimitFields;

const limited = (provider: string): provider is LimitedProvider => provider in accountLimitFields;

/**
 * The rule a provider's limit field follows, checked when the settings are saved (422 naming the
 * field): a whole number from 1 to what the provider could ever allow.
 */
export function accountLimitRule(provider: string): z.ZodType | undefined {
  if (!limited(provider)) return undefined;
  const { field, max } = accountLimitFields[provider];
  const unit = field === 'messagesPerHour' ? 'messages an hour' : 'messages a second';
  return z.object({
    [field]: z
      .number({ message: `${field} must be a number` })
      .int(`${field} must be a whole number of ${unit}`)
      .min(1, `${field} must be at least 1 (leave it empty for no limit)`)
      .max(max, `${field} must be at most ${max.toLocaleString('en')} ${unit}`)
      .optional(),
  });
}

/** A sending account's shared limit: its key (the provider's own account) and messages per second. */
export interface AccountLimit {
  key: string;
  perSecond: number;
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim().toLowerCase() : '');

/**
 * The provider's own account behind the settings, so two workspaces on one SMPP login (or one
 * WhatsApp number) share its limit: the SMSC and the login, the relay and its user, the number.
 */
function accountKey(provider: LimitedProvider, config: Record<string, unknown>): string {
  switch (provider) {
    case 'smpp':
      return `smpp:${text(config.host)}:${Number(config.port ?? 2775)}:${text(config.systemId)}`;
    case 'smtp':
      return `smtp:${text(config.host)}:${Number(config.port ?? 587)}:${text(config.user)}`;
    case 'whatsapp-cloud':
      return `whatsapp:${text(config.phoneNumberId)}`;
    case 'twilio':
      return `twilio:${text(config.accountSid)}:${text(config.from ?? config.messagingServiceSid)}`;
  }
}

/** The limit a channel's saved settings declare, per second; undefined when they declare none. */
export function accountLimitOfSettings(
  provider: string,
  config: Record<string, unknown>,
): AccountLimit | undefined {
  if (!limited(provider)) return undefined;
  const { field, seconds } = accountLimitFields[provider];
  const value = Number(config[field]);
  if (!(value > 0)) return undefined;
  return { key: accountKey(provider, config), perSecond: value / seconds };
}

/** The limit of the account a workspace sends a channel through (its saved settings), if any. */
export async function accountLimitOf(
  db: Db,
  workspaceId: string,
  channel: string,
): Promise<AccountLimit | undefined> {
  const [row] = await db
    .select({ provider: credentials.provider, config: credentials.config })
    .from(credentials)
    .where(
      and(eq(credentials.workspaceId, workspaceId), eq(credentials.channel, channel as MessagingChannel)),
    );
  return row ? accountLimitOfSettings(row.provider, row.config) : undefined;
}

/**
 * The installation's cap on a channel's campaign sends (OMNIFLOW_CAMPAIGN_<CHANNEL>_RATE, messages
 * per second), which worker/campaign-workers.ts hands Temporal for every worker together.
 */
export function installationRateOf(env: Record<string, string | undefined>, channel: string) {
  const rate = Number(env[`OMNIFLOW_CAMPAIGN_${channel.toUpperCase()}_RATE`]);
  return rate > 0 ? rate : undefined;
}

export interface EffectiveRate {
  /** Messages per second the campaign can go at, or null when nothing limits it. */
  rate: number | null;
  /** What sets it: the campaign's own rate, its sending account's, or the installation's. */
  limitedBy: 'campaign' | 'account' | 'installation' | null;
}

/**
 * min(campaign rate, account rate, installation rate) for the campaign's first channel. Only a
 * broadcast's messages go through the campaign queues: a journey's or a call campaign's pace is
 * its own rate (a journey's flows take the account's slots send by send, messaging/send-slots.ts,
 * but when each run sends is the flow's business, not a forecast's).
 */
export async function effectiveRate(
  db: Db,
  campaign: {
    workspaceId: string;
    kind?: string;
    ratePerSecond: number | null;
    channels: readonly string[];
  },
  env: Record<string, string | undefined> = process.env,
): Promise<EffectiveRate> {
  const channel = campaign.kind && campaign.kind !== 'broadcast' ? undefined : campaign.channels[0];
  const account = channel ? await accountLimitOf(db, campaign.workspaceId, channel) : undefined;
  const installation = channel ? installationRateOf(env, channel) : undefined;
  const candidates: [number | null | undefined, EffectiveRate['limitedBy']][] = [
    [campaign.ratePerSecond, 'campaign'],
    [account?.perSecond, 'account'],
    [installation, 'installation'],
  ];
  let best: EffectiveRate = { rate: null, limitedBy: null };
  for (const [rate, by] of candidates)
    if (rate && rate > 0 && (best.rate === null || rate < best.rate)) best = { rate, limitedBy: by };
  return best;
}

/** One reservation on an account: where its span ends, as the database wrote it (to the microsecond). */
export interface SendSlot {
  startsAt: number;
  spacingMs: number;
  /** The account's next free instant right after this reservation, as PostgreSQL's text. */
  endsAt: string;
}

/**
 * Reserves `count` sends on the account, GCRA-style, in one statement: the account's next free
 * instant moves forward by `count / perSecond` from itself or from now, whichever is later, and
 * the reserved span is where it was. Times are answered relative to the database's clock, so the
 * workers' own clocks never need to agree; they are placed from when the answer arrived, which is
 * after the database's now(), so a worker can start late by a round trip but never early.
 * Returns when the span starts, in this process's clock.
 */
export async function reserveSendSlot(db: Db, limit: AccountLimit, count: number): Promise<SendSlot> {
  const spanMs = (count / limit.perSecond) * 1000;
  const [row] = await queryRows<{ ends_in_ms: string | number; ends_at: string }>(
    db,
    sql`insert into send_rate_slots as s (account_key, next_free_at, updated_at)
      values (${limit.key}, now() + ${spanMs} * interval '1 millisecond', now())
      on conflict (account_key) do update
        set next_free_at = greatest(s.next_free_at, now()) + ${spanMs} * interval '1 millisecond',
          updated_at = now()
      returning extract(epoch from (s.next_free_at - now())) * 1000 as ends_in_ms,
        s.next_free_at::text as ends_at`,
  );
  return {
    startsAt: Date.now() + Number(row!.ends_in_ms) - spanMs,
    spacingMs: 1000 / limit.perSecond,
    endsAt: row!.ends_at,
  };
}

/**
 * Gives the account back the last `count` sends of a reservation that never went (a chunk
 * stopped by a provider outage): the account's next free instant moves back by their time, but
 * only while the reservation is still the account's last one. A later reservation was placed
 * after it and already waits for its own span; moving the instant under it would let a third
 * overlap it, so that time is left to pass (at most a part, reserveAheadSeconds, see below).
 * Answers whether it was given back.
 */
export async function giveBackSendSlots(
  db: Db,
  limit: AccountLimit,
  slot: SendSlot,
  count: number,
): Promise<boolean> {
  if (count <= 0) return false;
  const backMs = count * slot.spacingMs;
  const rows = await queryRows<{ account_key: string }>(
    db,
    sql`update send_rate_slots set
        next_free_at = greatest(now(), next_free_at - ${backMs} * interval '1 millisecond'), updated_at = now()
      where account_key = ${limit.key} and next_free_at = ${slot.endsAt}::timestamptz
      returning account_key`,
  );
  return rows.length > 0;
}

/**
 * How far ahead a sender reserves the account: about a second of its sends at a time, so a
 * chunk reserves as it goes rather than a whole 500-message slice up front (two minutes on a
 * 4-a-second SMPP login). Another sender (another campaign, a flow's reply) waits at most about
 * this long behind it, and a chunk that stops early leaves at most this much unused.
 */
export const reserveAheadSeconds = 1;

/**
 * What the send loop needs: each send's earliest time, once the slice's slot has begun. `atMost`
 * is the pace the slice goes at anyway (the campaign's own rate): a slice slower than the account
 * reserves the longer span it really takes, so no other worker's sends overlap it.
 */
export interface AccountPacer {
  (count: number, atMost?: number): Promise<number[]>;
  /**
   * Hands `items` to `push` part by part (about reserveAheadSeconds of sends each), each part
   * reserved and its sends' earliest instants set (`notBefore`) once its span begins; stops
   * reserving when `stopped()` says the sends stopped.
   */
  feed<T extends { notBefore?: number }>(
    items: T[],
    atMost: number,
    push: (part: T[]) => void,
    stopped: () => boolean,
  ): Promise<void>;
  /** Gives back the `unused` sends at the end of what was reserved (pushed, never sent). */
  giveBack(unused: number): Promise<void>;
}

/**
 * The hook campaign-sending.ts calls with each slice about to go to the driver: reserves the
 * slice's span on the account (one statement per part of about a second, never per message),
 * waits until the span begins (heartbeating, so a long wait does not look like a dead worker),
 * and answers the earliest instant of each send, spread evenly over the span. Undefined when the
 * account declares no limit.
 */
export async function accountPacer(
  db: Db,
  workspaceId: string,
  channel: string,
  heartbeat?: (details?: unknown) => void,
): Promise<AccountPacer | undefined> {
  const limit = await accountLimitOf(db, workspaceId, channel);
  if (!limit) return undefined;
  let last: { slot: SendSlot; count: number; pace: AccountLimit } | undefined;
  const pace = async (count: number, atMost = Infinity) => {
    if (count === 0) return [];
    const paced = { key: limit.key, perSecond: Math.min(limit.perSecond, atMost) };
    const slot = await reserveSendSlot(db, paced, count);
    last = { slot, count, pace: paced };
    const { startsAt, spacingMs } = slot;
    for (let left = startsAt - Date.now(); left > 0; left = startsAt - Date.now()) {
      heartbeat?.({ waitingForAccountSlotMs: Math.round(left) });
      await new Promise((resolve) => setTimeout(resolve, Math.min(left, 5_000)));
    }
    return Array.from({ length: count }, (_, i) => startsAt + i * spacingMs);
  };
  return Object.assign(pace, {
    async feed<T extends { notBefore?: number }>(
      items: T[],
      atMost: number,
      push: (part: T[]) => void,
      stopped: () => boolean,
    ) {
      const part = Math.max(1, Math.ceil(Math.min(limit.perSecond, atMost) * reserveAheadSeconds));
      for (let at = 0; at < items.length && !stopped(); at += part) {
        const slice = items.slice(at, at + part);
        const times = await pace(slice.length, atMost);
        slice.forEach((item, i) => (item.notBefore = times[i]));
        push(slice);
      }
    },
    async giveBack(unused: number) {
      if (!last || unused <= 0) return;
      const { slot, count, pace: paced } = last;
      last = undefined;
      // Best effort: the chunk is already failing for its own reason, which must not be masked.
      await giveBackSendSlots(db, paced, slot, Math.min(unused, count)).catch(() => false);
    },
  });
}
