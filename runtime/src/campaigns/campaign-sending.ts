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
import { journalFromEnv, type HandOverJournal } from './hand-over-journal.ts';
import { accountPacer } from './account-rate.ts';

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
  /** Where hand-overs are written before each provider write (hand-over-journal.ts). */
  journal?: HandOverJournal;
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

/** People prepared at once (fields, texts, rows) while the slice before goes out. */
const sliceSize = 500;

interface ToSend {
  r: DueRow;
  row: MessageRow;
  body: {
    text: string;
    template?: Awaited<ReturnType<typeof renderContent>>['template'];
    email?: { subject: string; html?: string; marketing: boolean };
  };
  /** Not before this instant (ms): the sending account's share for it (account-rate.ts). */
  notBefore?: number;
}

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
 * Sends the next chunk of a campaign's due recipients, slice by slice: a slice's message rows go
 * in one multi-row insert keyed `campaign:<id>:<contact>` (a retried chunk finds its rows and
 * resends only what was never handed to the provider) while the slice before it is sent, the
 * driver's window is kept full at the campaign's rate, and the provider's answers are written
 * in statements shared by every send in flight; the recipients' outcomes in one at the end.
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

  // Opt-outs that arrived since the recipient was written (a STOP, an unsubscribe click); the
  // addresses as one JSON parameter, not thousands of them.
  if (ready.length > 0) {
    const refused = await queryRows<{ address: string }>(
      db,
      sql`select address from contact_channels where workspace_id = ${campaign.workspaceId}::uuid
        and channel = ${channel} and opted_out_at is not null
        and address in (select jsonb_array_elements_text(${JSON.stringify(ready.map((r) => r.address))}::jsonb))`,
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
    const driver = await deps.driverFor(campaign.workspaceId, channel);
    // The account's limit, shared with every worker sending through it.
    const accountPace = await accountPacer(db, campaign.workspaceId, channel, deps.heartbeat);
    const variants = new Map(campaign.variants.map((v) => [v.key, v.content]));
    const fallbackContent = campaign.variants[0]?.content ?? {};
    const queued = JSON.stringify([entry('queued', input.now)]);

    /**
     * A slice of the chunk made ready to send: its people's fields read, texts rendered, message
     * rows written (one multi-row insert keyed `campaign:<id>:<contact>`: a retried chunk finds
     * its rows and resends only what was never handed to the provider).
     */
    const prepare = async (slice: DueRow[]): Promise<ToSend[]> => {
      const scopes = await contactScopes(
        db,
        slice.map((r) => r.contact_id),
      );
      const windows =
        channel === 'whatsapp'
          ? await openWhatsAppWindows(
              db,
              campaign.workspaceId,
              slice.map((r) => r.address),
              now,
            )
          : undefined;
      const bodies: ToSend['body'][] = await Promise.all(
        slice.map(async (r) => {
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
            count: slice.length,
            units: bodies.map((b) => (channel === 'sms' && b.text ? planSms(b.text).parts.length : 1)),
          }),
        );
        for (const r of slice.slice(allowed))
          outcomes.push({ contactId: r.contact_id, status: 'skipped', reason: 'quota' });
        slice = slice.slice(0, allowed);
        bodies.splice(allowed);
        // Everyone cut by the bag: no statement at all.
        if (slice.length === 0) return [];
      }
      // The rows as one JSON parameter: no SQL text built per person, and under PostgreSQL's
      // 65,535 parameters whatever the slice.
      const written = await queryRows<MessageRow>(
        db,
        sql`insert into messages (id, workspace_id, channel, direction, contact_address, our_address, contact_id,
            campaign_id, idempotency_key, body, status, status_history)
          select v.id, ${campaign.workspaceId}::uuid, ${channel}, 'outbound', v.address, '', v.contact_id,
            ${campaign.id}::uuid, v.key, v.body, 'queued', ${queued}::jsonb
          from jsonb_to_recordset(${JSON.stringify(
            slice.map((r, i) => ({
              id: newId(),
              address: r.address,
              contact_id: r.contact_id,
              key: keyOf(campaign.id, r.contact_id, fallback),
              body: bodies[i],
            })),
          )}::jsonb) as v(id uuid, address text, contact_id uuid, key text, body jsonb)
          on conflict do nothing
          returning id, idempotency_key, provider_message_id, status`,
      );
      const rows = new Map(written.map((w) => [w.idempotency_key, w]));
      const missing = slice.filter((r) => !rows.has(keyOf(campaign.id, r.contact_id, fallback)));
      if (missing.length > 0) {
        // A retried chunk: its first attempt wrote these rows, and may have handed some over.
        const found = await queryRows<MessageRow>(
          db,
          sql`select id, idempotency_key, provider_message_id, status from messages
            where workspace_id = ${campaign.workspaceId}::uuid
              and idempotency_key in (select jsonb_array_elements_text(${JSON.stringify(
                missing.map((r) => keyOf(campaign.id, r.contact_id, fallback)),
              )}::jsonb))`,
        );
        for (const f of found) rows.set(f.idempotency_key, f);
      }
      const toSend: ToSend[] = [];
      slice.forEach((r, i) => {
        const row = rows.get(keyOf(campaign.id, r.contact_id, fallback))!;
        // Handed over before (a retry after a crash or an outage): never written again. A row
        // marked sent without a provider id is one whose answer was lost: it counts as sent.
        if (row.provider_message_id || row.status !== 'queued') {
          outcomes.push({
            contactId: r.contact_id,
            status: row.status === 'failed' ? 'failed' : 'sent',
            messageId: row.id,
          });
        } else toSend.push({ r, row, body: bodies[i]! });
      });
      return toSend;
    };

    const rate =
      campaign.ratePerSecond && campaign.ratePerSecond > 0
        ? campaign.ratePerSecond / Math.max(1, input.parallel ?? 1)
        : Infinity;
    const record = records(db);
    const journals = deps.journal ?? (defaultJournal ??= journalFromEnv());
    // What a killed attempt handed over is marked sent before anything here is sent again.
    await journals.recover(db);
    const journal = journals.start();
    const baseContext: SendContext = deps.dkimKey
      ? { dkimKey: (domain: string) => deps.dkimKey!(campaign.workspaceId, domain) }
      : {};
    const sendOne = async ({ r, row, body }: ToSend): Promise<Outcome> => {
      if (!driver) {
        const error = {
          code: 'CHANNEL_NOT_CONFIGURED',
          message: `The ${channel} channel has no provider connected`,
        };
        await record({ kind: 'failed', id: row.id, ...error });
        return { contactId: r.contact_id, status: 'failed', messageId: row.id };
      }
      // Journaled right before the provider write (see handOverTradeOff); the database hears of
      // it with the provider's answer.
      let journaled = false;
      const handingOver = () => {
        try {
          journal.handedOver(row.id);
        } catch (error) {
          // A journal that cannot be written (a full disk): nothing goes, the chunk is tried again.
          return Promise.reject(Object.assign(error as Error, { retryable: true }));
        }
        journaled = true;
        return handed;
      };
      try {
        const message: OutboundMessage = {
          to: r.address,
          ...body,
          idempotencyKey: keyOf(campaign.id, r.contact_id, fallback),
        };
        const outgoing = channel === 'email' ? emailToSend(message, row.id, deps.emailLinks) : message;
        if (!driver.announcesHandOver) await handingOver();
        const sent = await driver.send(outgoing, { ...baseContext, handingOver });
        // The provider's id, recorded as soon as it answers (answers at once share one statement).
        await record({
          kind: 'sent',
          id: row.id,
          providerMessageId: sent.providerMessageId,
          segments: sent.segments,
        });
        return { contactId: r.contact_id, status: 'sent', messageId: row.id };
      } catch (error) {
        const e = error as { code?: unknown; message?: unknown; retryable?: unknown };
        // A provider outage (retryable) fails the chunk so Temporal tries it again: a send never
        // handed over stays queued and goes then; one handed over is in doubt and does not.
        if (e.retryable === true) {
          // Journaled: in doubt now (sent, no provider id), not left for the next chunk's recovery.
          if (journaled) await record({ kind: 'handover', id: row.id });
          throw error;
        }
        await record({
          kind: 'failed',
          id: row.id,
          code: String(e.code ?? 'SEND_FAILED'),
          message: String(e.message ?? error),
        });
        return { contactId: r.contact_id, status: 'failed', messageId: row.id };
      }
    };

    // Lanes take sends off one queue, so the driver's own window (SMPP's unanswered submit_sm)
    // stays full with no pause between slices, and the next slice is prepared while this one
    // goes. A driver that cannot tell when it writes gets fewer at once: each was recorded as
    // handed over before `send`, and a crash loses those queued inside it (handOverTradeOff).
    const inFlight = Math.max(
      1,
      Math.min(driver?.announcesHandOver ? 1000 : 50, rate === Infinity ? Infinity : Math.ceil(rate)),
    );
    // A taken send's slot is cleared: its text and row go to the collector as soon as it is sent,
    // not when the whole chunk ends.
    const queue: (ToSend | undefined)[] = [];
    let taken = 0;
    let producing = true;
    let stop: unknown;
    // Resolved (and replaced) whenever the queue grows or the last slice is in.
    const waiter = () => {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      return { promise, resolve };
    };
    let grown = waiter();
    const signal = () => {
      const woken = grown;
      grown = waiter();
      woken.resolve();
    };
    const started = Date.now();
    const lane = async () => {
      while (stop === undefined) {
        if (taken >= queue.length) {
          if (!producing) return;
          await grown.promise;
          continue;
        }
        const at = taken++;
        const item = queue[at]!;
        // The campaign's own pace: never ahead of `rate` messages per second since the chunk began;
        // nor ahead of the account's slot.
        // Under a timer's millisecond the slot is as good as here: a fast account (thousands a
        // second) costs no timer turn per send.
        const slotMs = (item.notBefore ?? 0) - Date.now();
        const aheadMs = Math.max((at / rate) * 1000 - (Date.now() - started), slotMs >= 1 ? slotMs : 0);
        if (aheadMs > 0) await new Promise((resolve) => setTimeout(resolve, aheadMs));
        queue[at] = undefined;
        try {
          outcomes.push(await sendOne(item));
        } catch (error) {
          stop ??= error;
        }
        if (at % 500 === 499) deps.heartbeat?.({ handed: at + 1 });
      }
    };
    const lanes = Array.from({ length: inFlight }, lane);
    try {
      let prepared = prepare(ready.slice(0, sliceSize));
      for (let at = 0; at < ready.length; at += sliceSize) {
        const items = await prepared;
        if (stop !== undefined) break;
        if (at + sliceSize < ready.length) {
          prepared = prepare(ready.slice(at + sliceSize, at + 2 * sliceSize));
          // Awaited next turn; a failure there must not go unhandled if the lanes stop first.
          prepared.catch(() => undefined);
        }
        // On a limited account, reserved about a second at a time as it goes (account-rate.ts).
        const push = (part: ToSend[]) => {
          for (const item of part) queue.push(item);
          signal();
        };
        if (accountPace) await accountPace.feed(items, rate, push, () => stop !== undefined);
        else push(items);
      }
    } catch (error) {
      stop ??= error;
    } finally {
      producing = false;
      signal();
    }
    await Promise.all(lanes);
    // Reserved but never sent (the lanes stopped): the account's time goes back to other senders.
    await accountPace?.giveBack(queue.length - taken);
    // Every send of the chunk settled before the retry Temporal makes of it. The journal goes
    // once the database has every send in it; after any failure it stays, and the next chunk
    // (or a restarted worker) recovers it.
    if (stop !== undefined) {
      journal.abandon();
      await writeOutcomes(db, campaign.id, outcomes);
      throw stop;
    }
    journal.done();
  }
  await writeOutcomes(db, campaign.id, outcomes);
  for (const o of outcomes)
    result[o.status === 'sent' ? 'sent' : o.status === 'failed' ? 'failed' : 'skipped']++;
  return result;
}

/**
 * handOverTradeOff — why a worker killed mid-campaign sends no message twice, and what it costs.
 *
 * Right before the driver writes a message to the provider (SmppDriver: holding its window slot,
 * `announcesHandOver`), its row id is appended to the chunk's hand-over journal, a local file
 * (hand-over-journal.ts): in the kernel once `writeSync` returns, so a kill -9 cannot lose it. The
 * row becomes `sent` with the provider's id when the provider answers. A chunk retried after a
 * crash first marks every journaled row still `queued` as `sent` (no provider id), and resends
 * only rows still `queued`, which were never written. So:
 * - a message handed over whose answer was not recorded is not sent again: it is `sent` without a
 *   provider id, counted as sent ("in doubt"). Its receipt cannot be matched by id, so it never
 *   reaches `delivered` and is never charged to a quota: the customer is not billed for what we
 *   cannot show arrived. There are at most the driver's window of them per crash.
 * - A database record before the write would leave a gap of a round trip (the commit reaches us
 *   later) in which a kill loses journaled-but-unwritten messages; a record after it, the same gap
 *   sends them twice. The journal's gap is a few microtasks between the append and the socket
 *   write, in one event-loop turn.
 * - Not covered: a retry that runs on another host while the dead worker's host is down, or a
 *   host losing its page cache (power): the journal is not there, and messages written in the last
 *   moments go again (at least once). A driver that cannot say when it writes (the SMTP pool) is
 *   journaled before `send`: a kill loses what sat in its queue, so at most 50 are in flight.
 */
export const handOverTradeOff = 'exactly once across a killed process; at least once across a lost host';

let defaultJournal: HandOverJournal | undefined;
const handed = Promise.resolve();

type Record_ =
  | { kind: 'handover'; id: string }
  | { kind: 'sent'; id: string; providerMessageId: string; segments: number }
  | { kind: 'failed'; id: string; code: string; message: string };

const batchers = new WeakMap<Db, (item: Record_) => Promise<void>>();

/** One statement for the hand-overs, answers and failures of every chunk in flight in this process. */
function records(db: Db) {
  let run = batchers.get(db);
  if (!run) {
    const batcher = statementBatcher(async (items: Record_[]) => {
      await markSent(db, items);
      return items.map(() => undefined);
    }, 1000);
    run = async (item: Record_) => void (await batcher(item));
    batchers.set(db, run);
  }
  return run;
}

async function markSent(db: Db, items: Record_[]) {
  if (items.length === 0) return;
  const at = new Date().toISOString();
  const sentEntry = [entry('sent', at)];
  await db.execute(sql`update messages set
      provider_message_id = coalesce(v.p, messages.provider_message_id),
      segments = coalesce(v.n, messages.segments),
      status = case when v.k = 'failed' then 'failed'
        when messages.status = 'queued' then 'sent' else messages.status end,
      error_code = coalesce(v.e, messages.error_code),
      status_history = case when v.k <> 'failed' and messages.status <> 'queued' then messages.status_history
        else messages.status_history || v.h end,
      updated_at = now()
    from jsonb_to_recordset(${JSON.stringify(
      items.map((i) =>
        i.kind === 'handover'
          ? { k: i.kind, id: i.id, h: sentEntry }
          : i.kind === 'sent'
            ? { k: i.kind, id: i.id, p: i.providerMessageId, n: i.segments, h: sentEntry }
            : {
                k: i.kind,
                id: i.id,
                e: i.code,
                h: [entry('failed', at, { errorCode: i.code, errorMessage: i.message })],
              },
      ),
    )}::jsonb) as v(k text, id uuid, p text, n integer, e text, h jsonb)
    where messages.id = v.id`);
}

async function writeOutcomes(db: Db, campaignId: string, outcomes: Outcome[]) {
  if (outcomes.length === 0) return;
  await db.execute(sql`update campaign_recipients r set
      status = v.status, skip_reason = v.reason, message_id = coalesce(v.message_id, r.message_id),
      attempts = r.attempts + 1, updated_at = now()
    from jsonb_to_recordset(${JSON.stringify(
      outcomes.map((o) => ({
        contact_id: o.contactId,
        status: o.status,
        reason: 'reason' in o ? o.reason : null,
        message_id: 'messageId' in o ? o.messageId : null,
      })),
    )}::jsonb) as v(contact_id uuid, status text, reason text, message_id uuid)
    where r.campaign_id = ${campaignId}::uuid and r.contact_id = v.contact_id`);
}
