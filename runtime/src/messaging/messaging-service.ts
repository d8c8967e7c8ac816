import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { contactChannels, messages, newId, queryRows, type Db, type StatusEntry } from '@omniflow/db';
import { runOwner } from './workspace-of-run.ts';
import { sandboxDrivers } from './sandbox-drivers.ts';
import { lastMailOfRun } from './last-mail-of-run.ts';
import { createOutboundRows } from './outbound-rows.ts';
import { NodeError, type NodeMessaging } from '@omniflow/nodes/sdk';
import type {
  DkimSigningKey,
  InboundMessage,
  MessagingChannel,
  MessagingDriver,
  OutboundMessage,
  SendContext,
  StatusUpdate,
} from '@omniflow/nodes/drivers/messaging';
import { suppressAddress } from '../email/suppress-address.ts';
import { openMailAttachment } from '../email/open-mail-attachment.ts';
import type { RecordingStore } from '../recordings/recording-store.ts';
import { SandboxDriver } from '@omniflow/nodes/drivers/messaging';
import { needsTemplate, serviceWindow } from '@omniflow/nodes/drivers/whatsapp';
import { emailToSend } from '../email/email-to-send.ts';
import type { EmailLinkSettings } from '../email/email-links.ts';
import { planSms } from '@omniflow/nodes/drivers/messaging';
import { statementBatcher } from '../batching/statement-batcher.ts';
import { emitWebhookEvents } from '../webhooks/emit-webhook-events.ts';
import {
  messageFactsColumns,
  messageWebhookEvent,
  receiptWebhookEvents,
  type ReceiptApplied,
} from '../webhooks/message-webhook-events.ts';
import { countDeliveredSql } from '../quotas/count-consumption.ts';
import { quotaGate, quotaExhaustedCode, type QuotaGate } from '../quotas/quota-gate.ts';
import { createSendSlots, type SendSlots } from './send-slots.ts';
import type { ReplyNumbers } from './reply-numbers.ts';

export interface MessagingServiceDeps {
  db: Db;
  /** The driver behind each channel: a provider's, or the sandbox. */
  drivers: Partial<Record<MessagingChannel, MessagingDriver>>;
  /** A workspace's own driver for a channel (its saved settings); `drivers` when absent. */
  resolve?: (workspaceId: string, channel: MessagingChannel) => Promise<MessagingDriver | undefined>;
  /** Signed open/click/unsubscribe links for mail (email/decorate-email.ts). */
  emailLinks?: EmailLinkSettings;
  /** Where received mail's attachments are kept, so a flow can send them on. */
  attachmentStore?: RecordingStore;
  /** A workspace's DKIM key for a sending domain (runtime/src/email/dkim-key-store.ts). */
  dkimKey?: (workspaceId: string, domain: string) => Promise<DkimSigningKey | undefined>;
  /** The workspaces' bags per channel (default: one of the service's own over `db`). */
  quotas?: QuotaGate;
  /** The sending accounts' shared slots (default: the service's own over `db`). */
  sendSlots?: SendSlots;
  /** The further number a flow's reply goes out from (reply-numbers.ts); the channel's own when absent. */
  replyNumber?: ReplyNumbers;
}

// Mail addresses are compared lower-cased everywhere (parseMail, suppressAddress): Ana@X and
// ana@x are one person's consent.
const normalizeAddress = (channel: MessagingChannel, address: string) =>
  channel === 'email' ? address.trim().toLowerCase() : address;

/** An SMTP 5.1.x refusal (the address does not exist): the driver marks it `bounce: 'hard'`. */
function isHardBounce(error: unknown): boolean {
  if (!(error instanceof NodeError)) return false;
  const details: unknown = error.details;
  return typeof details === 'object' && details !== null && 'bounce' in details && details.bounce === 'hard';
}

/** Provider failures that cannot get better by trying again (bad number, policy refusal). */
function isPermanent(error: unknown): boolean {
  const e = error as { retryable?: unknown; status?: unknown };
  if (typeof e?.retryable === 'boolean') return !e.retryable;
  return typeof e?.status === 'number' && e.status >= 400 && e.status < 500 && e.status !== 429;
}

const entry = (status: StatusEntry['status'], extra: Partial<StatusEntry> = {}): StatusEntry => ({
  status,
  at: new Date().toISOString(),
  ...extra,
});

/**
 * Sends and records messages. Every message is a `messages` row written before the provider is
 * called, keyed by the activity's idempotency key: a retried activity finds the row and, if the
 * provider already took the message, returns that result instead of sending it again.
 */
export function createMessagingService({
  db,
  drivers,
  resolve,
  dkimKey,
  emailLinks,
  attachmentStore,
  quotas = quotaGate(db),
  sendSlots = createSendSlots(db),
  replyNumber,
}: MessagingServiceDeps) {
  const testDrivers = sandboxDrivers({ db });
  const outbound = createOutboundRows(db);
  async function driverFor(workspaceId: string, channel: MessagingChannel) {
    return resolve ? await resolve(workspaceId, channel) : drivers[channel];
  }

  const notConfigured = (channel: MessagingChannel) =>
    `The ${channel} channel has no provider connected, and this server does not send to the sandbox (omniflow api/worker): connect one in Settings → Channels (PUT /api/v1/channels/${channel}) or with environment settings, or start the server with OMNIFLOW_SANDBOX=1 to record sends that reach no one`;

  /** The copies of a mail that may still go: addresses that opted out of email are left off. */
  async function consentingCopies<M extends Omit<OutboundMessage, 'idempotencyKey'>>(
    workspaceId: string,
    message: M,
  ): Promise<M> {
    const cc = message.email?.cc?.map((a) => normalizeAddress('email', a));
    if (!message.email || !cc?.length) return message;
    const out = await db
      .select({ address: contactChannels.address })
      .from(contactChannels)
      .where(
        and(
          eq(contactChannels.workspaceId, workspaceId),
          eq(contactChannels.channel, 'email'),
          inArray(contactChannels.address, cc),
          isNotNull(contactChannels.optedOutAt),
        ),
      );
    const refused = new Set(out.map((r) => r.address));
    return { ...message, email: { ...message.email, cc: cc.filter((a) => !refused.has(a)) } };
  }

  // Whose a run is never changes: a run sending many messages asks the database once.
  const owners = new Map<string, Promise<{ workspaceId: string; test: boolean }>>();
  function ownerOf(runId: string) {
    let owner = owners.get(runId);
    if (!owner) {
      if (owners.size >= 10_000) owners.clear();
      owner = runOwner(db, runId);
      owners.set(runId, owner);
      owner.catch(() => owners.delete(runId));
    }
    return owner;
  }

  const sendContext = (workspaceId: string): SendContext => ({
    ...(dkimKey ? { dkimKey: (domain: string) => dkimKey(workspaceId, domain) } : {}),
    ...(attachmentStore
      ? { openAttachment: (id: string) => openMailAttachment(db, attachmentStore, workspaceId, id) }
      : {}),
  });

  /**
   * Sends a message an application handed to the API (transactional/accept-message.ts wrote its
   * row under `idempotencyKey`): the same checks, bag and driver as a flow's, no run.
   */
  function forApplication(send: { workspaceId: string; idempotencyKey: string }) {
    return {
      send: (channel: MessagingChannel, given: Omit<OutboundMessage, 'idempotencyKey'>) =>
        sendAs({ runId: null, nodeId: null, idempotencyKey: send.idempotencyKey }, channel, given, {
          workspaceId: send.workspaceId,
          test: false,
        }),
    };
  }

  /** A NodeMessaging bound to one step of one run. */
  function forStep(step: { runId: string; nodeId: string; idempotencyKey: string }): NodeMessaging {
    return {
      lastMail: () => lastMailOfRun(db, step.runId),
      send: async (channel, given) => sendAs(step, channel, given, await ownerOf(step.runId)),
    };
  }

  async function sendAs(
    step: SendStep,
    channel: MessagingChannel,
    given: Omit<OutboundMessage, 'idempotencyKey'>,
    { workspaceId, test }: { workspaceId: string; test: boolean },
  ) {
    let message = { ...given, to: normalizeAddress(channel, given.to) };
    // A flow's reply goes out from the number the person wrote to, unless the node names one.
    const number =
      !test && step.runId && !message.from
        ? await replyNumber?.(workspaceId, channel, message.to)
        : undefined;
    if (number) message = { ...message, from: number.from };
    // A test run of a draft (the builder's simulator) never writes to real people.
    const driver = test ? testDrivers[channel]! : (number?.driver ?? (await driverFor(workspaceId, channel)));
    // Sandboxes (and so test runs) reach no one and never count against the bag. Admitted
    // before the row is written, so the balance read (sends in flight) never counts it twice.
    const counted = driver !== undefined && !(driver instanceof SandboxDriver);
    const units = unitsOf(channel, message);
    const refusal = counted ? await admission(workspaceId, channel, units) : undefined;
    const admitted = counted && !refusal;
    try {
      return await sendRecorded(step, channel, message, workspaceId, driver, refusal, admitted);
    } catch (error) {
      if (admitted) await quotas.release(workspaceId, channel, units);
      throw error;
    }
  }

  async function admission(workspaceId: string, channel: MessagingChannel, units: number) {
    try {
      await quotas.admit(workspaceId, channel, units);
      return undefined;
    } catch (error) {
      if (error instanceof NodeError && error.code === quotaExhaustedCode) return error;
      throw error;
    }
  }

  async function sendRecorded(
    step: SendStep,
    channel: MessagingChannel,
    message: Omit<OutboundMessage, 'idempotencyKey'>,
    workspaceId: string,
    driver: MessagingDriver | undefined,
    refusal: NodeError | undefined,
    counted: boolean,
  ) {
    const row = await outbound.record({
      workspaceId,
      channel,
      contactAddress: message.to,
      ourAddress: message.from ?? '',
      runId: step.runId,
      nodeId: step.nodeId,
      idempotencyKey: step.idempotencyKey,
      body: message,
      queued: entry('queued'),
    });
    if (row.providerMessageId) {
      return { messageId: row.id, providerMessageId: row.providerMessageId, segments: row.segments };
    }
    if (!driver) {
      // Recorded as failed where people look for their messages, never as delivered.
      await markFailed(row.id, 'CHANNEL_NOT_CONFIGURED', notConfigured(channel));
      throw new NodeError('CHANNEL_NOT_CONFIGURED', notConfigured(channel), false);
    }
    if (channel !== 'webchat' && row.optedOutAt) {
      await markFailed(row.id, 'OPTED_OUT', `${message.to} opted out of ${channel}`);
      throw new NodeError('OPTED_OUT', `${message.to} opted out of ${channel}; nothing was sent`, false);
    }
    if (channel === 'whatsapp' && !(driver instanceof SandboxDriver)) {
      // Checked here too, not only by Meta: a refused send should not cost a request.
      const closed = needsTemplate(message, serviceWindow(row.lastInboundAt ?? undefined, new Date()));
      if (closed) {
        await markFailed(row.id, closed.code, closed.message);
        throw new NodeError(closed.code, closed.message, false);
      }
    }
    if (refusal) {
      await markFailed(row.id, refusal.code, refusal.message);
      throw refusal;
    }
    let outgoing = message;
    if (channel === 'email') {
      try {
        // After the row exists: its id is in every tracking and unsubscribe link.
        outgoing = emailToSend(message, row.id, emailLinks);
      } catch (error) {
        if (error instanceof NodeError) await markFailed(row.id, error.code, error.message);
        throw error;
      }
    }
    try {
      const toSend = channel === 'email' ? await consentingCopies(workspaceId, outgoing) : outgoing;
      // The account's messages per second (or hour) hold for flows and applications as for campaigns.
      if (!(driver instanceof SandboxDriver)) await sendSlots.take(workspaceId, channel);
      const sent = await driver.send(
        { ...toSend, idempotencyKey: step.idempotencyKey },
        sendContext(workspaceId),
      );
      await outbound.markSent({
        id: row.id,
        providerMessageId: sent.providerMessageId,
        segments: sent.segments,
        sent: entry('sent'),
        countsAsAccepted: counted && channel === 'email',
      });
      const facts = { id: row.id, workspaceId, channel, contactAddress: message.to, runId: step.runId };
      await emitWebhookEvents(db, messageWebhookEvent(facts, 'sent'));
      return { messageId: row.id, ...sent };
    } catch (error) {
      const code = String((error as { code?: unknown }).code ?? 'SEND_FAILED');
      const text = error instanceof Error ? error.message : String(error);
      if (channel === 'email' && isHardBounce(error)) {
        // The server says the address does not exist: no later mail of the workspace goes there.
        await markFailed(row.id, code, text, 'bounced');
        await suppressAddress(db, workspaceId, message.to, 'hard-bounce');
        throw new NodeError(code, text, false);
      }
      if (isPermanent(error)) {
        await markFailed(row.id, code, text);
        throw new NodeError(code, text, false);
      }
      // Kept queued: the activity retries with the same key and finds this row.
      throw error;
    }
  }

  async function markFailed(id: string, code: string, text: string, status: 'failed' | 'bounced' = 'failed') {
    const [failed] = await db
      .update(messages)
      .set({
        status,
        errorCode: code,
        statusHistory: sql`${messages.statusHistory} || ${JSON.stringify([entry(status, { errorCode: code, errorMessage: text })])}::jsonb`,
        updatedAt: new Date(),
      })
      .where(eq(messages.id, id))
      .returning(messageFactsColumns);
    if (failed) await emitWebhookEvents(db, messageWebhookEvent(failed, status, { errorCode: code }));
  }

  /** Records a message a person sent; false when the provider delivered it before (a duplicate). */
  /** `contactId`: the person the address belongs to, so their timeline finds the message by id. */
  async function recordInbound(
    workspaceId: string,
    inbound: InboundMessage,
    runId?: string,
    contactId?: string,
  ) {
    const inserted = await db
      .insert(messages)
      .values({
        id: newId(),
        workspaceId,
        channel: inbound.channel,
        direction: 'inbound',
        contactAddress: inbound.from,
        ourAddress: inbound.to,
        runId: runId ?? null,
        contactId: contactId ?? null,
        providerMessageId: inbound.providerMessageId,
        body: {
          ...(inbound.text !== undefined ? { text: inbound.text } : {}),
          ...(inbound.choiceId !== undefined ? { choiceId: inbound.choiceId } : {}),
          ...(inbound.media ? { media: inbound.media } : {}),
          ...(inbound.email ? { email: inbound.email } : {}),
        },
        status: 'received',
        statusHistory: [{ status: 'received', at: inbound.receivedAt.toISOString() }],
      })
      .onConflictDoNothing()
      .returning(messageFactsColumns);
    const text = inbound.text !== undefined ? { text: inbound.text } : {};
    for (const row of inserted)
      await emitWebhookEvents(db, messageWebhookEvent(row, 'received', { at: inbound.receivedAt, ...text }));
    return inserted.length > 0;
  }

  /**
   * Applies a delivery report: kept in the history, the status only ever moves forward. A report
   * can beat our own record of the send (fast providers); it is tried again for a few seconds.
   */
  async function applyStatus(
    channel: MessagingChannel,
    update: StatusUpdate,
    workspaceId?: string,
  ): Promise<boolean> {
    for (let attempt = 0; attempt < 6; attempt++) {
      if (await applyStatusOnce(channel, update, workspaceId)) return true;
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
    }
    return false;
  }

  // Receipts come in bursts (an SMSC's delivery reports): those that arrive together are applied,
  // and their delivered messages counted against the bag, by one statement.
  const applyReceipt = statementBatcher(async (items: Receipt[]) => {
    const matched = new Set<string>();
    for (const round of roundsOfDistinct(items)) {
      const rows = await queryRows<ReceiptApplied>(db, applyReceiptsStatement(round));
      for (const row of rows) matched.add(`${row.channel} ${row.provider_message_id}`);
      await emitWebhookEvents(db, rows.flatMap(receiptWebhookEvents));
    }
    return items.map((item) => matched.has(`${item.channel} ${item.update.providerMessageId}`));
  });

  const applyStatusOnce = (channel: MessagingChannel, update: StatusUpdate, workspaceId?: string) =>
    applyReceipt({ channel, update, ...(workspaceId ? { workspaceId } : {}) });

  // Drivers that learn statuses over their own connection (SMPP, the sandbox) report them here;
  // those built from saved settings are wired by attachChannelLinks instead.
  for (const driver of Object.values(drivers))
    driver.onStatus?.((update) => void applyStatus(driver.channel, update).catch(() => undefined));

  // `quotas` is the gate this service admits sends by: a campaign reserving chunks in the same
  // process uses it too, so both count the same grants.
  return { forStep, forApplication, recordInbound, applyStatus, quotas };
}

/** Who sends: a step of a run (its key `runId:nodeId:seq`), or an application (no run). */
interface SendStep {
  runId: string | null;
  nodeId: string | null;
  idempotencyKey: string;
}

interface Receipt {
  channel: MessagingChannel;
  update: StatusUpdate;
  /** A webhook of one workspace's number reports on that workspace's messages only. */
  workspaceId?: string;
}

/** Receipts in rounds with one per message each: an UPDATE … FROM changes a row once. */
function roundsOfDistinct(items: Receipt[]): Receipt[][] {
  const rounds: { keys: Set<string>; items: Receipt[] }[] = [];
  for (const item of items) {
    const key = `${item.channel} ${item.update.providerMessageId}`;
    let round = rounds.find((r) => !r.keys.has(key));
    if (!round) rounds.push((round = { keys: new Set(), items: [] }));
    round.keys.add(key);
    round.items.push(item);
  }
  return rounds.map((r) => r.items);
}

/**
 * Kept in the history (once), the status only moves forward; delivered messages are counted
 * against the workspace's bag in the same statement (quotas/count-consumption.ts).
 */
function applyReceiptsStatement(items: Receipt[]) {
  const values = sql.join(
    items.map(({ channel, update, workspaceId }) => {
      const record: StatusEntry = {
        status: update.status,
        at: update.at.toISOString(),
        ...(update.errorCode ? { errorCode: update.errorCode } : {}),
        ...(update.errorMessage ? { errorMessage: update.errorMessage } : {}),
      };
      return sql`(${channel}::text, ${update.providerMessageId}::text, ${update.status}::text,
        ${JSON.stringify([record])}::jsonb, ${update.errorCode ?? null}::text, ${newId()}::uuid,
        ${workspaceId ?? null}::uuid)`;
    }),
    sql`, `,
  );
  return sql`
    with v(channel, provider_message_id, status, entry, error_code, ledger_id, workspace_id) as (values ${values}),
    updated as (
      update messages set
        status_history = case when messages.status_history @> v.entry then messages.status_history
          else messages.status_history || v.entry end,
        status = case when ${rankSql(sql`messages.status`)} < ${rankSql(sql`v.status`)} then v.status else messages.status end,
        error_code = coalesce(v.error_code, messages.error_code),
        updated_at = now()
      from v
      where messages.channel = v.channel and messages.provider_message_id = v.provider_message_id
        and (v.workspace_id is null or messages.workspace_id = v.workspace_id)
      returning messages.id, messages.workspace_id, messages.channel, messages.segments, messages.campaign_id,
        messages.run_id, messages.status, messages.provider_message_id, v.status as reported, v.ledger_id,
        messages.contact_address, messages.contact_id, v.error_code),
    counted as (${countDeliveredSql(sql`updated`)})
    select channel, provider_message_id, id, workspace_id, contact_address, contact_id, run_id, campaign_id,
      status, reported, error_code from updated`;
}

/** What a send takes off the bag: an SMS's segments, one of anything else. */
function unitsOf(channel: MessagingChannel, message: Omit<OutboundMessage, 'idempotencyKey'>): number {
  if (channel !== 'sms' || !message.text) return 1;
  return planSms(message.text).parts.length;
}

/** queued < sent < delivered < read < failed/undelivered/expired, as in statusRank. */
function rankSql(status: ReturnType<typeof sql>) {
  return sql`(case ${status} when 'queued' then 0 when 'sent' then 1 when 'delivered' then 2
    when 'read' then 3 when 'received' then 1 else 4 end)`;
}

export type MessagingService = ReturnType<typeof createMessagingService>;
