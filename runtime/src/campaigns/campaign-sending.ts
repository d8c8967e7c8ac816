import { eq, sql } from 'drizzle-orm';
import { newId, queryRows, templates, type Db, type StatusEntry } from '@omniflow/db';
import type {
  MessagingChannel,
  MessagingDriver,
  OutboundMessage,
  SendContext,
} from '@omniflow/nodes/drivers/messaging';
import { emailToSend } from '../email/email-to-send.ts';
import type { EmailLinkSettings } from '../email/email-links.ts';
import { contactScopes, renderContent } from './campaign-content.ts';
import { inQuietHours, pastQuietHours, validZone } from './local-time.ts';
import { loadCampaignContext } from './campaign-targeting.ts';
import { statementBatcher } from '../batching/statement-batcher.ts';
import { planSms } from '@omniflow/nodes/drivers/messaging';
import { cappedContacts } from './frequency-cap.ts';
import { openWhatsAppWindows } from './whatsapp-windows.ts';

/**
 * The quotas seam: how many of `count` sends of a chunk may go (the quotas helper plugs its
 * balance check in here; the rest of the chunk is skipped with reason `quota`). Allows all by default.
 */
export type BeforeChunk = (chunk: {
  workspaceId: string;
  campaignId: string;
  channel: string;
  count: number;
  /** What each of the `count` sends costs the bag, in order (a long SMS: its parts). */
  units: number[];
}) => Promise<number>;

export interface CampaignSendDeps {
  db: Db;
  driverFor: (workspaceId: string, channel: MessagingChannel) => Promise<MessagingDriver | undefined>;
  emailLinks?: EmailLinkSettings;
  dkimKey?: (
    workspaceId: string,
    domain: string,
  ) => Promise<import('@omniflow/nodes/drivers/messaging').DkimSigningKey | undefined>;
  beforeChunk?: BeforeChunk;
  /** Temporal's heartbeat when run as an activity. */
  heartbeat?: (details?: unknown) => void;
}

export interface ChunkInput {
  campaignId: string;
  /** The channel whose recipients this chunk sends (fallback: a later one); the first when absent. */
  channel?: string;
  /** The chunk's contacts: ids after `afterId` up to `throughId`, so parallel chunks never overlap. */
  afterId?: string;
  throughId?: string;
  /** How many chunks run at once: each paces itself to its share of the campaign's rate. */
  parallel?: number;
  /** The workflow's clock (the time-skipping server's in tests): what is due and what is quiet. */
  now: string;
  limit: number;
}

export interface ChunkResult {
  /** Recipients taken from the due ones (sent, failed, skipped or deferred). */
  picked: number;
  sent: number;
  failed: number;
  skipped: number;
  deferred: number;
}

interface DueRow {
  contact_id: string;
  address: string;
  variant: string | null;
  timezone: string | null;
}

interface MessageRow {
  id: string;
  idempotency_key: string;
  provider_message_id: string | null;
  status: string;
}

type Outcome =
  | { contactId: string; status: 'sent'; messageId: string }
  | { contactId: string; status: 'failed'; messageId: string | null }
  | { contactId: string; status: 'skipped'; reason: 'opted_out' | 'quota' | 'frequency_cap' };

// A fallback channel's send has a key of its own: the person's first message already has theirs.
const keyOf = (campaignId: string, contactId: string, fallback?: string) =>
  `campaign:${campaignId}:${contactId}${fallback ? `:${fallback}` : ''}`;
const entry = (status: StatusEntry['status'], at: string, extra: Partial<StatusEntry> = {}) => ({
  status,
  at,
  ...extra,
});
const values = (rows: ReturnType<typeof sql>[]) => sql.join(rows, sql`, `);

/**
 * Sends the next chunk of a campaign's due recipients: their message rows in one multi-row
 * insert keyed `campaign:<id>:<contact>` (a retried chunk finds its rows and resends only what
 * was never handed to the provider), the driver sends at the campaign's rate, and the statuses
 * written back one statement per sub-batch.
 */
export async function sendCampaignChunk(deps: CampaignSendDeps, input: ChunkInput): Promise<ChunkResult> {
  const { db } = deps;
  const context = await loadCampaignContext(db, input.campaignId);
  const result: ChunkResult = { picked: 0, sent: 0, failed: 0, skipped: 0, deferred: 0 };
  // Deleted, or cancelled before its workflow heard: nothing more goes out.
  if (!context || context.campaign.status === 'cancelled') return result;
  const { campaign } = context;
  const channel = (input.channel ?? campaign.channels[0]) as MessagingChannel;
  const fallback = channel === campaign.channels[0] ? undefined : channel;
  const due = await queryRows<DueRow>(
    db,
    sql`select r.contact_id, r.address, r.variant, c.timezone
      from campaign_recipients r join contacts c on c.id = r.contact_id
      where r.campaign_id = ${campaign.id}::uuid and r.status = 'pending' and r.due_at <= ${input.now}::timestamptz
        and r.channel = ${channel}
        ${input.afterId ? sql`and r.contact_id > ${input.afterId}::uuid` : sql``}
        ${input.throughId ? sql`and r.contact_id <= ${input.throughId}::uuid` : sql``}
      order by r.contact_id limit ${input.limit}`,
  );
  result.picked = due.length;
  if (due.length === 0) return result;
  const now = new Date(input.now);

  // Quiet hours are checked again at send time: a long campaign can run into the night.
  const quiet = due.filter((r) =>
    inQuietHours(now, validZone(r.timezone, context.defaultZone), context.quietHours),
  );
  if (quiet.length > 0) {
    await db.execute(sql`update campaign_recipients r set due_at = v.due_at::timestamptz, updated_at = now()
      from (values ${values(
        quiet.map(
          (r) =>
            sql`(${r.contact_id}::uuid, ${pastQuietHours(now, validZone(r.timezone, context.defaultZone), context.quietHours).toISOString()})`,
        ),
      )}) as v(contact_id, due_at)
      where r.campaign_id = ${campaign.id}::uuid and r.contact_id = v.contact_id`);
    result.deferred = quiet.length;
  }
  const quietIds = new Set(quiet.map((r) => r.contact_id));
  let ready = due.filter((r) => !quietIds.has(r.contact_id));
  const outcomes: Outcome[] = [];

  // Opt-outs that arrived since the recipient was written (a STOP, an unsubscribe click).
  if (ready.length > 0) {
    const refused = await queryRows<{ address: string }>(
      db,
      sql`select address from contact_channels where workspace_id = ${campaign.workspaceId}::uuid
        and channel = ${channel} and opted_out_at is not null
        and address in (${values(ready.map((r) => sql`${r.address}`))})`,
    );
    const out = new Set(refused.map((r) => r.address));
    for (const r of ready)
      if (out.has(r.address))
        outcomes.push({ contactId: r.contact_id, status: 'skipped', reason: 'opted_out' });
    ready = ready.filter((r) => !out.has(r.address));
  }
  if (ready.length > 0 && campaign.marketing && context.frequencyCap) {
    const capped = await cappedContacts(db, {
      workspaceId: campaign.workspaceId,
      campaignId: campaign.id,
      contactIds: ready.map((r) => r.contact_id),
      cap: context.frequencyCap,
      now: input.now,
    });
    for (const r of ready)
      if (capped.has(r.contact_id))
        outcomes.push({ contactId: r.contact_id, status: 'skipped', reason: 'frequency_cap' });
    ready = ready.filter((r) => !capped.has(r.contact_id));
  }
  if (ready.length > 0) {
    const library = campaign.variants.some((v) => v.content.templateId)
      ? await db
          .select({
            id: templates.id,
            name: templates.name,
            kind: templates.kind,
            variants: templates.variants,
          })
          .from(templates)
          .where(eq(templates.workspaceId, campaign.workspaceId))
      : [];
    const scopes = await contactScopes(
      db,
      ready.map((r) => r.contact_id),
    );
    const windows =
      channel === 'whatsapp'
        ? await openWhatsAppWindows(
            db,
            campaign.workspaceId,
            ready.map((r) => r.address),
            now,
          )
        : undefined;
    const variants = new Map(campaign.variants.map((v) => [v.key, v.content]));
    const fallbackContent = campaign.variants[0]?.content ?? {};
    const bodies = await Promise.all(
      ready.map(async (r) => {
        const rendered = await renderContent(
          (r.variant && variants.get(r.variant)) || fallbackContent,
          channel,
          scopes.get(r.contact_id) ?? {},
          library,
          { whatsappWindowOpen: windows?.has(r.address) ?? false },
        );
        return {
          text: rendered.text,
          ...(rendered.template ? { template: rendered.template } : {}),
          ...(rendered.email ? { email: { ...rendered.email, marketing: campaign.marketing } } : {}),
        };
      }),
    );
    // Asked once the texts are known: a long SMS costs the bag its parts.
    if (deps.beforeChunk) {
      const allowed = Math.max(
        0,
        await deps.beforeChunk({
          workspaceId: campaign.workspaceId,
          campaignId: campaign.id,
          channel,
          count: ready.length,
          units: bodies.map((b) => (channel === 'sms' && b.text ? planSms(b.text).parts.length : 1)),
        }),
      );
      for (const r of ready.slice(allowed))
        outcomes.push({ contactId: r.contact_id, status: 'skipped', reason: 'quota' });
      ready = ready.slice(0, allowed);
      bodies.splice(allowed);
    }
    const queued = JSON.stringify([entry('queued', input.now)]);
    // Everyone may have been cut by the bag: then no statement at all.
    const written =
      ready.length === 0
        ? []
        : await queryRows<MessageRow>(
            db,
            sql`insert into messages (id, workspace_id, channel, direction, contact_address, our_address, contact_id,
          campaign_id, idempotency_key, body, status, status_history)
        values ${values(
          ready.map(
            (
              r,
              i,
            ) => sql`(${newId()}::uuid, ${campaign.workspaceId}::uuid, ${channel}, 'outbound', ${r.address}, '',
              ${r.contact_id}::uuid, ${campaign.id}::uuid, ${keyOf(campaign.id, r.contact_id, fallback)},
              ${JSON.stringify(bodies[i])}::jsonb, 'queued', ${queued}::jsonb)`,
          ),
        )}
        on conflict do nothing
        returning id, idempotency_key, provider_message_id, status`,
          );
    const rows = new Map(written.map((w) => [w.idempotency_key, w]));
    const missing = ready.filter((r) => !rows.has(keyOf(campaign.id, r.contact_id, fallback)));
    if (missing.length > 0) {
      // A retried chunk: its first attempt wrote these rows, and may have sent some of them.
      const found = await queryRows<MessageRow>(
        db,
        sql`select id, idempotency_key, provider_message_id, status from messages
          where workspace_id = ${campaign.workspaceId}::uuid
            and idempotency_key in (${values(missing.map((r) => sql`${keyOf(campaign.id, r.contact_id, fallback)}`))})`,
      );
      for (const f of found) rows.set(f.idempotency_key, f);
    }
    const driver = await deps.driverFor(campaign.workspaceId, channel);
    const toSend: { r: DueRow; row: MessageRow; body: (typeof bodies)[number] }[] = [];
    ready.forEach((r, i) => {
      const row = rows.get(keyOf(campaign.id, r.contact_id, fallback))!;
      if (row.provider_message_id || row.status !== 'queued') {
        outcomes.push({
          contactId: r.contact_id,
          status: row.status === 'failed' ? 'failed' : 'sent',
          messageId: row.id,
        });
      } else toSend.push({ r, row, body: bodies[i]! });
    });
    const sendContext: SendContext = deps.dkimKey
      ? { dkimKey: (domain: string) => deps.dkimKey!(campaign.workspaceId, domain) }
      : {};
    const rate =
      campaign.ratePerSecond && campaign.ratePerSecond > 0
        ? campaign.ratePerSecond / Math.max(1, input.parallel ?? 1)
        : Infinity;
    const subSize = Math.max(1, Math.min(100, rate === Infinity ? 100 : Math.floor(rate)));
    const started = Date.now();
    let handed = 0;
    for (let at = 0; at < toSend.length; at += subSize) {
      const batch = toSend.slice(at, at + subSize);
      const settled = await Promise.all(
        batch.map(async ({ r, row, body }) => {
          if (!driver)
            return {
              r,
              row,
              error: {
                code: 'CHANNEL_NOT_CONFIGURED',
                message: `The ${channel} channel has no provider connected`,
              },
            };
          try {
            const message: OutboundMessage = {
              to: r.address,
              ...body,
              idempotencyKey: keyOf(campaign.id, r.contact_id, fallback),
            };
            const outgoing = channel === 'email' ? emailToSend(message, row.id, deps.emailLinks) : message;
            const sent = await driver.send(outgoing, sendContext);
            // Recorded as soon as the provider answers (sends in flight share one statement), so
            // a crash leaves as few handed-over sends unrecorded as possible.
            await marks(db)({ row, sent });
            return { r, row, sent, marked: true };
          } catch (error) {
            const e = error as { code?: unknown; message?: unknown; retryable?: unknown };
            // A provider outage (retryable) fails the chunk so Temporal tries it again; the rows stay queued.
            if (e.retryable === true) throw error;
            return {
              r,
              row,
              error: { code: String(e.code ?? 'SEND_FAILED'), message: String(e.message ?? error) },
            };
          }
        }),
      );
      await markSent(
        db,
        settled.filter((s) => !('marked' in s)),
      );
      for (const s of settled)
        outcomes.push(
          s.sent
            ? { contactId: s.r.contact_id, status: 'sent', messageId: s.row.id }
            : { contactId: s.r.contact_id, status: 'failed', messageId: s.row.id },
        );
      handed += batch.length;
      deps.heartbeat?.({ handed });
      // The campaign's own pace: never ahead of `rate` messages per second since the chunk began.
      const aheadMs = (handed / rate) * 1000 - (Date.now() - started);
      if (aheadMs > 0) await new Promise((resolve) => setTimeout(resolve, aheadMs));
    }
  }
  await writeOutcomes(db, campaign.id, outcomes);
  for (const o of outcomes)
    result[o.status === 'sent' ? 'sent' : o.status === 'failed' ? 'failed' : 'skipped']++;
  return result;
}

const batchers = new WeakMap<Db, (item: Settled) => Promise<void>>();

/** One statement for the sent marks of every chunk in flight in this process. */
function marks(db: Db) {
  let run = batchers.get(db);
  if (!run) {
    const batcher = statementBatcher(async (items: Settled[]) => {
      await markSent(db, items);
      return items.map(() => undefined);
    });
    run = async (item: Settled) => void (await batcher(item));
    batchers.set(db, run);
  }
  return run;
}

interface Settled {
  row: MessageRow;
  sent?: { providerMessageId: string; segments: number };
  error?: { code: string; message: string };
}

async function markSent(
  db: Db,
  settled: {
    row: MessageRow;
    sent?: { providerMessageId: string; segments: number };
    error?: { code: string; message: string };
  }[],
) {
  if (settled.length === 0) return;
  const at = new Date().toISOString();
  await db.execute(sql`update messages set
      provider_message_id = coalesce(v.provider_message_id, messages.provider_message_id),
      segments = coalesce(v.segments, messages.segments),
      status = case when v.error_code is not null then 'failed'
        when messages.status = 'queued' then 'sent' else messages.status end,
      error_code = coalesce(v.error_code, messages.error_code),
      status_history = messages.status_history || v.entry,
      updated_at = now()
    from (values ${values(
      settled.map((s) =>
        s.sent
          ? sql`(${s.row.id}::uuid, ${s.sent.providerMessageId}::text, ${s.sent.segments}::integer, null::text, ${JSON.stringify([entry('sent', at)])}::jsonb)`
          : sql`(${s.row.id}::uuid, null::text, null::integer, ${s.error!.code}::text, ${JSON.stringify([entry('failed', at, { errorCode: s.error!.code, errorMessage: s.error!.message })])}::jsonb)`,
      ),
    )}) as v(id, provider_message_id, segments, error_code, entry)
    where messages.id = v.id`);
}

async function writeOutcomes(db: Db, campaignId: string, outcomes: Outcome[]) {
  if (outcomes.length === 0) return;
  await db.execute(sql`update campaign_recipients r set
      status = v.status, skip_reason = v.reason, message_id = coalesce(v.message_id, r.message_id),
      attempts = r.attempts + 1, updated_at = now()
    from (values ${values(
      outcomes.map(
        (o) =>
          sql`(${o.contactId}::uuid, ${o.status}::text, ${'reason' in o ? o.reason : null}::text, ${'messageId' in o ? o.messageId : null}::uuid)`,
      ),
    )}) as v(contact_id, status, reason, message_id)
    where r.campaign_id = ${campaignId}::uuid and r.contact_id = v.contact_id`);
}
