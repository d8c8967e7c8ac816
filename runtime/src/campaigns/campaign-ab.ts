import { createHash } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { campaigns, queryRows, type CampaignVariant, type Db } from '@omniflow/db';

export type AbMetric = 'delivery' | 'open' | 'click' | 'reply';

/** How the winner was picked: the best rate, a tie (the first of the tied), or no data (the first). */
export type AbDecision = 'rate' | 'tie' | 'no_data';

type AbCampaign = Pick<typeof campaigns.$inferSelect, 'abMetric' | 'abTestShare' | 'abWinner' | 'variants'>;

/** A test with a rest: only then are people held for the winner (a 100 % test has no rest). */
export function holdsRest(campaign: AbCampaign): boolean {
  return (
    campaign.abMetric !== null &&
    campaign.variants.length >= 2 &&
    campaign.abTestShare !== null &&
    campaign.abTestShare < 100
  );
}

/**
 * Whether a person is in the test share: a hash of their id salted apart from variantFor's, so
 * who is tested and which variant they get are independent, and a restart decides the same.
 */
export function inAbTest(contactId: string, testShare: number): boolean {
  return createHash('sha1').update(`ab-test:${contactId}`).digest().readUInt32BE(0) % 100 < testShare;
}

/** The people who count for each metric, among those the test's message was handed to. */
const hitOf: Record<AbMetric, ReturnType<typeof sql>> = {
  // Email has no receipts: accepted by the server and not bounced since is delivered.
  delivery: sql`m.status in ('delivered', 'read') or (m.channel = 'email' and m.status = 'sent')`,
  open: sql`exists (select 1 from email_events e where e.message_id = m.id and e.type = 'open' and not e.proxy)`,
  click: sql`exists (select 1 from email_events e where e.message_id = m.id and e.type = 'click')`,
  reply: sql`exists (select 1 from messages i where i.workspace_id = m.workspace_id and i.channel = m.channel
    and i.direction = 'inbound' and i.contact_address = m.contact_address and i.created_at > m.created_at)`,
};

/**
 * When a campaign's A/B test is over: the last test send's due time plus the test period (a test
 * person deferred by quiet hours or a later local time moves it), null when no one was tested.
 */
export const abTestEndSql = (campaignId: string) =>
  sql`(select max(t.due_at) + make_interval(mins => coalesce(max(c.ab_test_minutes), 0))
    from campaign_recipients t join campaigns c on c.id = t.campaign_id
    where t.campaign_id = ${campaignId}::uuid and t.variant is not null and t.status not in ('held', 'skipped'))`;

/** The winner of figures in the variants' order: the best rate; ties and no sends go to the first. */
export function pickWinner(variants: CampaignVariant[]): { winner: string; decision: AbDecision } {
  const withData = variants.filter((v) => (v.testResult?.sent ?? 0) > 0);
  if (withData.length === 0) return { winner: variants[0]!.key, decision: 'no_data' };
  const best = Math.max(...withData.map((v) => v.testResult!.rate));
  const top = variants.filter((v) => (v.testResult?.sent ?? 0) > 0 && v.testResult!.rate === best);
  return { winner: top[0]!.key, decision: top.length > 1 ? 'tie' : 'rate' };
}

/**
 * Ends a campaign's A/B test once its held people are due and the test period is over (for the
 * last test send too: with local times the test ends where it began last): the winner
 * by the metric's rate per variant, from SQL, stored with each variant's figures; then every held
 * person is released as pending with the winner's variant in one statement. Run before each look
 * for due sends, so campaignRun's loop needs nothing new; a second call finds nothing to do.
 */
export async function settleAbTest(db: Db, campaignId: string, now: string): Promise<string | null> {
  const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, campaignId));
  if (!campaign?.abMetric || campaign.variants.length === 0) return null;
  let winner = campaign.abWinner;
  if (!winner) {
    const [due] = await queryRows<{ due: boolean }>(
      db,
      sql`select exists (select 1 from campaign_recipients where campaign_id = ${campaignId}::uuid
        and status = 'held' and due_at <= ${now}::timestamptz) as due`,
    );
    if (!due?.due) return null;
    // Read apart, and only then: the test's end scans the test's sends.
    const [over] = await queryRows<{ over: boolean }>(
      db,
      sql`select coalesce(${abTestEndSql(campaignId)} <= ${now}::timestamptz, true) as over`,
    );
    if (!over?.over) return null;
    const figures = await queryRows<{ variant: string; sent: string; hits: string }>(
      db,
      sql`select r.variant, count(m.provider_message_id) as sent,
          count(*) filter (where m.provider_message_id is not null and (${hitOf[campaign.abMetric]})) as hits
        from campaign_recipients r join messages m on m.id = r.message_id
        where r.campaign_id = ${campaignId}::uuid and r.variant is not null
        group by r.variant`,
    );
    const byKey = new Map(figures.map((f) => [f.variant, f]));
    const variants = campaign.variants.map((v) => {
      const sent = Number(byKey.get(v.key)?.sent ?? 0);
      const hits = Number(byKey.get(v.key)?.hits ?? 0);
      return { ...v, testResult: { sent, hits, rate: sent > 0 ? hits / sent : 0 } };
    });
    const picked = pickWinner(variants);
    // Conditional: a retried activity, or two at once, keep the first decision.
    const [stored] = await db
      .update(campaigns)
      .set({ abWinner: picked.winner, variants, updatedAt: new Date() })
      .where(and(eq(campaigns.id, campaignId), isNull(campaigns.abWinner)))
      .returning({ winner: campaigns.abWinner });
    const [current] = stored
      ? [stored]
      : await db.select({ winner: campaigns.abWinner }).from(campaigns).where(eq(campaigns.id, campaignId));
    winner = current?.winner ?? picked.winner;
  }
  // Their due time stays: a local-time schedule still sends each at their own hour.
  await db.execute(sql`update campaign_recipients set status = 'pending', variant = ${winner}, updated_at = now()
    where campaign_id = ${campaignId}::uuid and status = 'held'`);
  return winner;
}
