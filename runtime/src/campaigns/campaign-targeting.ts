import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { campaigns, queryRows, segments, workspaces, type CampaignVariant, type Db } from '@omniflow/db';
import { segmentPage, type RulesCondition } from '../segments/segment-page.ts';
import { holdsRest, inAbTest } from './campaign-ab.ts';
import { sameDueForAll, writeRecipientsInDatabase } from './recipients-in-database.ts';
import { localInstant, nextLocalTime, pastQuietHours, validZone, type QuietHours } from './local-time.ts';

export type CampaignRow = typeof campaigns.$inferSelect;

/** What a campaign's sends need besides the campaign: its workspace's defaults. */
export interface CampaignContext {
  campaign: CampaignRow;
  quietHours: QuietHours | null;
  /** The zone of people whose own is unknown. */
  defaultZone: string;
  /** The workspace's cap on marketing campaign messages per person (settings), if any. */
  frequencyCap: { messages: number; days: number } | null;
}

/** The campaign and its workspace's defaults; undefined once the campaign was deleted. */
export async function loadCampaignContext(db: Db, campaignId: string): Promise<CampaignContext | undefined> {
  const [row] = await db
    .select({ campaign: campaigns, settings: workspaces.campaignSettings, zone: workspaces.timezone })
    .from(campaigns)
    .innerJoin(workspaces, eq(workspaces.id, campaigns.workspaceId))
    .where(eq(campaigns.id, campaignId));
  if (!row) return undefined;
  const settings = row.settings as {
    quietHours?: QuietHours;
    frequencyCap?: { messages?: unknown; days?: unknown };
  };
  const cap = settings.frequencyCap;
  return {
    campaign: row.campaign,
    quietHours: row.campaign.quietHours ?? settings.quietHours ?? null,
    defaultZone: validZone(row.zone, 'UTC'),
    // Read defensively: the settings are jsonb another screen writes.
    frequencyCap:
      cap && Number(cap.messages) > 0 && Number(cap.days) > 0
        ? { messages: Math.floor(Number(cap.messages)), days: Number(cap.days) }
        : null,
  };
}

/** When a person's message is due: the schedule in their zone, past the quiet hours there. */
export function dueFor(context: CampaignContext, zone: string, now: Date): Date {
  const { schedule } = context.campaign;
  let due = now;
  if (schedule.mode === 'at' && schedule.at) due = new Date(Math.max(now.getTime(), Date.parse(schedule.at)));
  if (schedule.mode === 'local' && schedule.localTime) {
    due = schedule.localDate
      ? localInstant(schedule.localDate, schedule.localTime, zone)
      : nextLocalTime(now, schedule.localTime, zone);
    if (due < now) due = now;
  }
  return pastQuietHours(due, zone, context.quietHours);
}

/** The variant a person gets, by a hash of their id: stable across restarts, shared as the shares say. */
export function variantFor(variants: CampaignVariant[], contactId: string): string | null {
  if (variants.length <= 1) return variants[0]?.key ?? null;
  const total = variants.reduce((sum, v) => sum + v.share, 0);
  const point = createHash('sha1').update(contactId).digest().readUInt32BE(0) % Math.max(total, 1);
  let acc = 0;
  for (const v of variants) {
    acc += v.share;
    if (point < acc) return v.key;
  }
  return variants.at(-1)!.key;
}

/** Ids as one PostgreSQL array literal (uuids need no quoting): one parameter for any number. */
export const uuidArray = (ids: readonly string[]) => `{${ids.join(',')}}`;

interface Candidate {
  id: string;
  timezone: string | null;
}

interface Address {
  contact_id: string;
  channel: string;
  address: string;
  consent_at: Date | string | null;
  opted_out_at: Date | string | null;
}

type SkipReason = 'no_address' | 'opted_out' | 'no_consent';

/**
 * The first of the campaign's channels (in its order) a person can be sent on: an address not
 * opted out, with consent when the campaign is marketing. None: the first channel's reason.
 */
/** A call goes to the person's phone: the address (and its consent) of their SMS channel. */
const addressChannelOf = (channel: string) => (channel === 'voice' ? 'sms' : channel);

export function firstUsableChannel(
  channels: readonly string[],
  addresses: readonly Address[],
  marketing: boolean,
): { channel: string; address: string } | { channel: string; address: string | null; skip: SkipReason } {
  let first: { channel: string; address: string | null; skip: SkipReason } | undefined;
  for (const channel of channels) {
    // Best first: not opted out, then the latest consent (as one address per channel is chosen).
    const best = addresses
      .filter((a) => a.channel === addressChannelOf(channel))
      .sort(
        (a, b) =>
          Number(a.opted_out_at !== null) - Number(b.opted_out_at !== null) ||
          (b.consent_at ? Date.parse(String(b.consent_at)) : -Infinity) -
            (a.consent_at ? Date.parse(String(a.consent_at)) : -Infinity),
      )[0];
    const skip: SkipReason | null = !best
      ? 'no_address'
      : best.opted_out_at
        ? 'opted_out'
        : marketing && !best.consent_at
          ? 'no_consent'
          : null;
    if (!skip) return { channel, address: best!.address };
    first ??= { channel, address: best?.address ?? null, skip };
  }
  return first ?? { channel: channels[0]!, address: null, skip: 'no_address' };
}

/**
 * Writes the campaign's recipients for the next page of its segment: each with the address it
 * goes to, or the reason it is skipped, and when it is due. One read and one multi-row insert
 * per page; a page written before a restart is written again as nothing (on conflict do nothing).
 */
export async function targetPage(
  db: Db,
  input: { campaignId: string; afterId?: string; limit: number; now: string },
  rules?: RulesCondition,
): Promise<{ lastId?: string; count: number }> {
  const context = await loadCampaignContext(db, input.campaignId);
  // Deleted after a cancel its workflow had not heard yet: nothing more to write.
  if (!context || context.campaign.status === 'cancelled') return { count: 0 };
  const { campaign } = context;
  if (!campaign.segmentId) throw new Error('The campaign has no segment');
  const [segment] = await db.select().from(segments).where(eq(segments.id, campaign.segmentId));
  if (!segment) throw new Error('The campaign segment is gone');
  const ids = await segmentPage(db, segment, input.afterId, input.limit, rules);
  if (ids.length === 0) return { count: 0 };
  const now = new Date(input.now);
  // The due time depends on the person's zone only, and a page holds few zones.
  const dueByZone = new Map<string, string>();
  const dueIn = (zone: string) => {
    let due = dueByZone.get(zone);
    if (due === undefined) dueByZone.set(zone, (due = dueFor(context, zone, now).toISOString()));
    return due;
  };
  const due = sameDueForAll(context, dueIn);
  if (due !== undefined) {
    await writeRecipientsInDatabase(db, context, {
      ids: uuidArray(ids),
      addressChannel: addressChannelOf(campaign.channels[0]!),
      due,
    });
    return { lastId: ids.at(-1), count: ids.length };
  }
  const [candidates, addresses] = await Promise.all([
    queryRows<Candidate>(
      db,
      sql`select c.id, c.timezone from contacts c
        where c.workspace_id = ${campaign.workspaceId}::uuid and c.id = any(${uuidArray(ids)}::uuid[])`,
    ),
    queryRows<Address>(
      db,
      sql`select contact_id, channel, address, consent_at, opted_out_at from contact_channels
        where contact_id = any(${uuidArray(ids)}::uuid[]) and channel in (${sql.join(
          campaign.channels.map((ch) => sql`${addressChannelOf(ch)}`),
          sql`, `,
        )})
        order by id`,
    ),
  ]);
  const byContact = new Map<string, Address[]>();
  for (const a of addresses) {
    const own = byContact.get(a.contact_id);
    if (own) own.push(a);
    else byContact.set(a.contact_id, [a]);
  }
  const rows = candidates.map((c) => {
    // Fallback at targeting: no address, no consent or an opt-out on a channel moves a person on.
    const pick = firstUsableChannel(campaign.channels, byContact.get(c.id) ?? [], campaign.marketing);
    const skip = 'skip' in pick ? pick.skip : null;
    const due = skip ? null : dueIn(validZone(c.timezone, context.defaultZone));
    // A/B with a rest: outside the test share, people wait (held) until the test ends, when
    // settleAbTest gives them the winner; once it has, later pages go straight to it.
    const rest = !skip && holdsRest(campaign) && !inAbTest(c.id, campaign.abTestShare!);
    const held = rest && !campaign.abWinner;
    return {
      c: c.id,
      v: rest ? campaign.abWinner : variantFor(campaign.variants, c.id),
      ch: pick.channel,
      a: pick.address,
      s: skip ? 'skipped' : held ? 'held' : 'pending',
      r: skip,
      d: due && held ? new Date(Date.parse(due) + (campaign.abTestMinutes ?? 0) * 60_000).toISOString() : due,
    };
  });
  // The page as one JSON parameter: thousands of rows in one statement, under PostgreSQL's
  // 65,535 parameters, and no SQL text built per person.
  if (rows.length > 0)
    await db.execute(sql`insert into campaign_recipients
      (campaign_id, contact_id, workspace_id, variant, channel, address, status, skip_reason, due_at)
      select ${campaign.id}::uuid, v.c, ${campaign.workspaceId}::uuid, v.v, v.ch, v.a, v.s, v.r, v.d
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(c uuid, v text, ch text, a text, s text, r text, d timestamptz)
      on conflict do nothing`);
  return { lastId: ids.at(-1), count: ids.length };
}
