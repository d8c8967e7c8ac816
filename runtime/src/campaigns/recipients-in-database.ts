import { sql } from 'drizzle-orm';
import type { Db } from '@omniflow/db';
import type { CampaignContext } from './campaign-targeting.ts';

/**
 * When every person of a campaign is due at the same instant whatever their zone (no quiet
 * hours, no local-time schedule), one channel and one variant: then a segment page's recipients
 * can be written by PostgreSQL from the page's ids alone. Answers that instant, or undefined
 * when the page needs the per-person rules in campaign-targeting.ts (fallback channels, A/B,
 * zones).
 */
export function sameDueForAll(context: CampaignContext, dueIn: (zone: string) => string): string | undefined {
  const { campaign } = context;
  if (campaign.channels.length !== 1 || campaign.variants.length > 1) return undefined;
  if (context.quietHours || campaign.schedule.mode === 'local') return undefined;
  return dueIn('UTC');
}

/**
 * The page's recipients in one INSERT … SELECT: the same choice firstUsableChannel makes in
 * JavaScript for one channel — the person's address on it, not opted out first, then the latest
 * consent, then the oldest row — and the same skip reasons, without reading the people and their
 * addresses into the worker and sending them back as JSON (about half of a page's cost).
 */
export async function writeRecipientsInDatabase(
  db: Db,
  context: CampaignContext,
  input: { ids: string; addressChannel: string; due: string },
): Promise<void> {
  const { campaign } = context;
  await db.execute(sql`insert into campaign_recipients
      (campaign_id, contact_id, workspace_id, variant, channel, address, status, skip_reason, due_at)
    select ${campaign.id}::uuid, c.id, ${campaign.workspaceId}::uuid, ${campaign.variants[0]?.key ?? null}::text,
      ${campaign.channels[0]!}::text, a.address, case when s.reason is null then 'pending' else 'skipped' end,
      s.reason, case when s.reason is null then ${input.due}::timestamptz end
    from contacts c
    left join lateral (select cc.address, cc.consent_at, cc.opted_out_at from contact_channels cc
      where cc.contact_id = c.id and cc.channel = ${input.addressChannel}
      order by cc.opted_out_at is not null, cc.consent_at desc nulls last, cc.id limit 1) a on true
    cross join lateral (select case when a.address is null then 'no_address'
      when a.opted_out_at is not null then 'opted_out'
      when ${campaign.marketing}::boolean and a.consent_at is null then 'no_consent' end as reason) s
    where c.workspace_id = ${campaign.workspaceId}::uuid and c.id = any(${input.ids}::uuid[])
    on conflict do nothing`);
}
