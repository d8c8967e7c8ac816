import { eq, sql } from 'drizzle-orm';
import { newId, queryRows, templates, type Db } from '@omniflow/db';
import type {
  MessagingChannel,
  MessagingDriver,
  OutboundMessage,
  SendContext,
} from '@omniflow/nodes/drivers/messaging';
import { emailToSend } from '../email/email-to-send.ts';
import type { EmailLinkSettings } from '../email/email-links.ts';
import { contactScopes, ownFieldsScope, readsOwnFieldsOnly, renderContent } from './campaign-content.ts';
import { inQuietHours, pastQuietHours, validZone } from './local-time.ts';
import { loadCampaignContext } from './campaign-targeting.ts';
import { planSms } from '@omniflow/nodes/drivers/messaging';
import { cappedContacts } from './frequency-cap.ts';
import { openWhatsAppWindows } from './whatsapp-windows.ts';
import { journalFromEnv, type HandOverJournal } from './hand-over-journal.ts';
import { accountPacer } from './account-rate.ts';
import { messageRecorder, writeQueued, type CampaignMessage } from './campaign-message-rows.ts';

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
  /** The contact row's own fields (campaign-content.ts ownFieldsScope). */
  first_name: string | null;
  last_name: string | null;
  display_name: string | null;
  language: string | null;
  address: string;
  variant: string | null;
  timezone: string | null;
  /** The person's message row when an earlier attempt of the chunk wrote it (campaign-message-rows.ts). */
  message_id: string | null;
  provider_message_id: string | null;
  message_status: string | null;
}

type Outcome =
  | { contactId: string; status: 'sent'; messageId: string }
  | { contactId: string; status: 'failed'; messageId: string | null }
  | { contactId: string; status: 'skipped'; reason: 'opted_out' | 'quota' | 'frequency_cap' };

/** People prepared at once (fields, texts, rows) while the slice before goes out. */
const sliceSize = 500;

interface ToSend {
  r: DueRow;
  /** The message row's id, chosen before the send (an email's links carry it). */
  id: string;
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
const values = (rows: ReturnType<typeof sql>[]) => sql.join(rows, sql`, `);

/**
 * Sends the next chunk of a campaign's due recipients, slice by slice: a slice's texts are
 * rendered while the slice before it is sent, the driver's window is kept full at the campaign's
 * rate, and each message's row (keyed `campaign:<id>:<contact>`: a retried chunk finds the rows of
 * its first attempt and resends only what was never handed to the provider) is written once, with
 * the provider's answer, in statements shared by every send in flight; the recipients' outcomes
 * in one at the end.
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
  const journals = deps.journal ?? (defaultJournal ??= journalFromEnv());
  // What a killed attempt handed over is written (sent, in doubt) before the due people are read,
  // so none of it is sent again.
  await journals.recover(db);
  const due = await queryRows<DueRow>(
    db,
    sql`select r.contact_id, r.address, r.variant, c.timezone,
        c.first_name, c.last_name, c.display_name, c.language,
        m.id as message_id, m.provider_message_id, m.status as message_status
      from campaign_recipients r join contacts c on c.id = r.contact_id
      -- One index probe per person (a hash join would read every message of the workspace).
      left join lateral (select m.id, m.provider_message_id, m.status from messages m
        where m.workspace_id = ${campaign.workspaceId}::uuid and m.idempotency_key is not null
          and m.idempotency_key = ${keyOf(campaign.id, '')}::text || r.contact_id::text ${fallback ? sql`|| ${`:${fallback}`}` : sql``}
        limit 1) m on true
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
  const outcomes: Outcome[] = [];
  let ready = due.filter((r) => {
    if (quietIds.has(r.contact_id)) return false;
    // Handed over before (a retry after a crash or an outage): never written again. A row
    // sent without a provider id is one whose answer was lost: it counts as sent. A row still
    // queued was written before its send by an older version, and goes now.
    if (r.message_id && (r.provider_message_id || r.message_status !== 'queued')) {
      outcomes.push(
        r.message_status === 'failed'
          ? { contactId: r.contact_id, status: 'failed', messageId: r.message_id }
          : { contactId: r.contact_id, status: 'sent', messageId: r.message_id },
      );
      return false;
    }
    return true;
  });

  // Opt-outs that arrived since the recipient was written (a STOP, an unsubscribe click); the
  // addresses as one JSON parameter, not thousands of them, made an array so each is one probe
  // of the address index (`in (select …)` read every address of the channel: 26 ms a chunk).
  if (ready.length > 0) {
    const refused = await queryRows<{ address: string }>(
      db,
      sql`select address from contact_channels where workspace_id = ${campaign.workspaceId}::uuid
        and channel = ${channel} and opted_out_at is not null
        and address = any(array(select jsonb_array_elements_text(${JSON.stringify(ready.map((r) => r.address))}::jsonb)))`,
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
    // Texts that read only the contact row's own fields take them from the due people's row.
    const ownFieldsOnly = readsOwnFieldsOnly(
      campaign.variants.map((v) => v.content),
      channel,
    );
    const queued = [{ status: 'queued' as const, at: input.now }];
    const rowOf = ({ r, id, body }: ToSend): CampaignMessage => ({
      id,
      w: campaign.workspaceId,
      cp: campaign.id,
      ch: channel,
      a: r.address,
      c: r.contact_id,
      k: keyOf(campaign.id, r.contact_id, fallback),
      b: body,
      h: queued,
    });

    /** A slice of the chunk made ready to send: its people's fields read, its texts rendered. */
    const prepare = async (slice: DueRow[]): Promise<ToSend[]> => {
      const scopes = ownFieldsOnly
        ? undefined
        : await contactScopes(
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
            scopes
              ? (scopes.get(r.contact_id) ?? {})
              : ownFieldsScope({
                  id: r.contact_id,
                  firstName: r.first_name,
                  lastName: r.last_name,
                  displayName: r.display_name,
                  language: r.language,
                }),
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
      // No row yet: it is written once, with the provider's answer (campaign-message-rows.ts).
      const toSend = slice.map((r, i): ToSend => ({ r, id: r.message_id ?? newId(), body: bodies[i]! }));
      // The sandbox's mail catcher keeps each mail beside its row, found by key: mail rows are
      // written (queued) before the send, and the answer updates them.
      if (channel === 'email')
        await writeQueued(
          db,
          toSend.filter((t) => !t.r.message_id).map((t) => rowOf(t)),
        );
      return toSend;
    };

    const rate =
      campaign.ratePerSecond && campaign.ratePerSecond > 0
        ? campaign.ratePerSecond / Math.max(1, input.parallel ?? 1)
        : Infinity;
    const record = messageRecorder(db);
    const journal = journals.start();
    const baseContext: SendContext = deps.dkimKey
      ? { dkimKey: (domain: string) => deps.dkimKey!(campaign.workspaceId, domain) }
      : {};
    /**
     * Hands one message to the driver; answers, once the provider has answered, its row's write
     * (the outcome once that statement has run) boxed, so the lane can send on while it runs.
     */
    const sendOne = async (item: ToSend): Promise<{ recorded: Promise<Outcome> }> => {
      const { r, id, body } = item;
      const row = rowOf(item);
      if (!driver) {
        const error = {
          code: 'CHANNEL_NOT_CONFIGURED',
          message: `The ${channel} channel has no provider connected`,
        };
        await record({ kind: 'failed', row, ...error });
        return { recorded: Promise.resolve({ contactId: r.contact_id, status: 'failed', messageId: id }) };
      }
      // Journaled right before the provider write (see handOverTradeOff); the database hears of
      // it with the provider's answer.
      let journaled = false;
      const handingOver = () =>
        // A mail's row is already written (queued): its id is enough, and a rendered mail is large.
        journal.handedOver(channel === 'email' ? id : row).then(
          () => {
            journaled = true;
          },
          (error: unknown) => {
            // A journal that cannot be written (a full disk): nothing goes, the chunk is tried again.
            throw Object.assign(error as Error, { retryable: true });
          },
        );
      try {
        const message: OutboundMessage = {
          to: r.address,
          ...body,
          idempotencyKey: row.k,
        };
        const outgoing = channel === 'email' ? emailToSend(message, id, deps.emailLinks) : message;
        if (!driver.announcesHandOver) await handingOver();
        const sent = await driver.send(outgoing, { ...baseContext, handingOver });
        // The row, written as soon as the provider answers (answers at once share one statement).
        const recorded = record({
          kind: 'sent',
          row,
          providerMessageId: sent.providerMessageId,
          segments: sent.segments,
        }).then((): Outcome => ({ contactId: r.contact_id, status: 'sent', messageId: id }));
        return { recorded };
      } catch (error) {
        const e = error as { code?: unknown; message?: unknown; retryable?: unknown };
        // A provider outage (retryable) fails the chunk so Temporal tries it again: a send never
        // handed over stays queued and goes then; one handed over is in doubt and does not.
        if (e.retryable === true) {
          // Journaled: in doubt now (sent, no provider id), not left for the next chunk's recovery.
          if (journaled) await record({ kind: 'handover', row });
          throw error;
        }
        await record({
          kind: 'failed',
          row,
          code: String(e.code ?? 'SEND_FAILED'),
          message: String(e.message ?? error),
        });
        return { recorded: Promise.resolve({ contactId: r.contact_id, status: 'failed', messageId: id }) };
      }
    };

    // Lanes take sends off one queue, so the driver's own window (SMPP's unanswered submit_sm)
    // stays full with no pause between slices, and the next slice is prepared while this one
    // goes. A driver that cannot tell when it writes gets fewer at once: each was recorded as
    // handed over before `send`, and a crash loses those queued inside it (handOverTradeOff).
    // A lane does not wait for its message's row to be written (one statement serves every send
    // answered meanwhile): so a few lanes more than a provider's window keep it full, and a
    // message lives in the worker from its preparation to its row's statement, not across the
    // hundreds of others a lane per unanswered send kept waiting for a window slot (each outliving
    // young-generation collections: most of the worker's garbage collector time).
    const inFlight = Math.max(
      1,
      Math.min(driver?.announcesHandOver ? 200 : 50, rate === Infinity ? Infinity : Math.ceil(rate)),
    );
    // Sends whose rows are not written yet, per lane: past this many the lane waits for its
    // oldest, so a slow database holds back the sends instead of piling up rows in memory.
    const unrecordedPerLane = 10;
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
      const unrecorded: Promise<Outcome>[] = [];
      const settle = async (recorded: Promise<Outcome>) => {
        try {
          outcomes.push(await recorded);
        } catch (error) {
          stop ??= error;
        }
      };
      while (stop === undefined) {
        if (taken >= queue.length) {
          if (!producing) break;
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
          const { recorded } = await sendOne(item);
          // Handled now; awaited in order below or when the lane ends.
          recorded.catch(() => undefined);
          unrecorded.push(recorded);
          if (unrecorded.length >= unrecordedPerLane) await settle(unrecorded.shift()!);
        } catch (error) {
          stop ??= error;
        }
        if (at % 500 === 499) deps.heartbeat?.({ handed: at + 1 });
      }
      for (const recorded of unrecorded) await settle(recorded);
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
 * `announcesHandOver`), its row — id, address, contact, key, body — is appended to the chunk's
 * hand-over journal, a local file (hand-over-journal.ts): in the kernel once `writeSync` returns,
 * so a kill -9 cannot lose it. The row is written to the database, `sent` with the provider's id,
 * when the provider answers (campaign-message-rows.ts). A chunk retried after a crash first
 * writes every journaled row not in the database as `sent` (no provider id), and resends only the
 * people with no row, whose messages were never written. So:
 * - a message handed over whose answer was not recorded is not sent again: it is `sent` without a
 *   provider id, counted as sent ("in doubt"). Its receipt cannot be matched by id, so it never
 *   reaches `delivered` and is never charged to a quota: the customer is not billed for what we
 *   cannot show arrived. There are at most the driver's window of them per crash.
 * - A database record before the write would leave a gap of a round trip (the commit reaches us
 *   later) in which a kill loses journaled-but-unwritten messages; a record after it, the same gap
 *   sends them twice. (A row inserted `queued` before the send and updated after, as this did
 *   before, costs two writes per person, the second one to every index of `messages`.) The journal's gap is a few microtasks between the append and the socket
 *   write, in one event-loop turn.
 * - Not covered: a retry that runs on another host while the dead worker's host is down, or a
 *   host losing its page cache (power): the journal is not there, and messages written in the last
 *   moments go again (at least once). A driver that cannot say when it writes (the SMTP pool) is
 *   journaled before `send`: a kill loses what sat in its queue, so at most 50 are in flight.
 */
export const handOverTradeOff = 'exactly once across a killed process; at least once across a lost host';

let defaultJournal: HandOverJournal | undefined;

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
