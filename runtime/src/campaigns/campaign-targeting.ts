import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { campaigns, queryRows, segments, workspaces, type CampaignVariant, type Db } from '@omniflow/db';
import { segmentPage, type RulesCondition } from '../segments/segment-page.ts';
import { localInstant, nextLocalTime, pastQuietHours, validZone, type QuietHours } from './local-time.ts';

export type CampaignRow = typeof campaigns.$inferSelect;

/** What a campaign's sends need besides the campaign: its workspace's defaults. */
export interface CampaignContext {
  campaign: CampaignRow;
  quietHours: QuietHours | null;
  /** The zone of people whose own is unknown. */
  defaultZone: string;
}

/** The campaign and its workspace's defaults; undefined once the campaign was deleted. */
export async function loadCampaignContext(db: Db, campaignId: string): Promise<CampaignContext | undefined> {
  const [row] = await db
    .select({ campaign: campaigns, settings: workspaces.campaignSettings, zone: workspaces.timezone })
    .from(campaigns)
    .innerJoin(workspaces, eq(workspaces.id, campaigns.workspaceId))
    .where(eq(campaigns.id, campaignId));
  if (!row) return undefined;
  const settings = row.settings as { quietHours?: QuietHours };
  return {
    campaign: row.campaign,
    quietHours: row.campaign.quietHours ?? settings.quietHours ?? null,
    defaultZone: validZone(row.zone, 'UTC'),
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
  address: string | null;
  consent_at: Date | string | null;
  opted_out_at: Date | string | null;
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
  const channel = campaign.channels[0]!;
  const candidates = await queryRows<Candidate>(
    db,
    sql`select c.id, c.timezone, a.address, a.consent_at, a.opted_out_at
      from contacts c
      left join lateral (
        select address, consent_at, opted_out_at from contact_channels cc
        where cc.contact_id = c.id and cc.channel = ${channel}
        order by (cc.opted_out_at is null) desc, cc.consent_at desc nulls last, cc.id
        limit 1) a on true
      where c.workspace_id = ${campaign.workspaceId}::uuid
        and c.id = any(${uuidArray(ids)}::uuid[])`,
  );
  const now = new Date(input.now);
  // The due time depends on the person's zone only, and a page holds few zones.
  const dueByZone = new Map<string, string>();
  const dueIn = (zone: string) => {
    let due = dueByZone.get(zone);
    if (due === undefined) dueByZone.set(zone, (due = dueFor(context, zone, now).toISOString()));
    return due;
  };
  const rows = candidates.map((c) => {
    const skip = !c.address
      ? 'no_address'
      : c.opted_out_at
        ? 'opted_out'
        : campaign.marketing && !c.consent_at
          ? 'no_consent'
          : null;
    return {
      c: c.id,
      v: variantFor(campaign.variants, c.id),
      a: c.address,
      s: skip ? 'skipped' : 'pending',
      r: skip,
      d: skip ? null : dueIn(validZone(c.timezone, context.defaultZone)),
    };
  });
  // The page as one JSON parameter: thousands of rows in one statement, under PostgreSQL's
  // 65,535 parameters, and no SQL text built per person.
  if (rows.length > 0)
    await db.execute(sql`insert into campaign_recipients
      (campaign_id, contact_id, workspace_id, variant, channel, address, status, skip_reason, due_at)
      select ${campaign.id}::uuid, v.c, ${campaign.workspaceId}::uuid, v.v, ${channel}, v.a, v.s, v.r, v.d
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(c uuid, v text, a text, s text, r text, d timestamptz)
      on conflict do nothing`);
  return { lastId: ids.at(-1), count: ids.length };
}
