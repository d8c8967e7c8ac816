import { sql, type SQL } from 'drizzle-orm';
import { newId, queryRows, type Db, type StatusEntry } from '@omniflow/db';
import type { MessagingChannel } from '@omniflow/nodes/drivers/messaging';
import { statementBatcher } from '../batching/statement-batcher.ts';
import { countAcceptedSql } from '../quotas/count-consumption.ts';

export interface OutboundToRecord {
  workspaceId: string;
  channel: MessagingChannel;
  contactAddress: string;
  ourAddress: string;
  /** Null for a message an application sent through the API (its row is written there). */
  runId: string | null;
  nodeId: string | null;
  idempotencyKey: string;
  body: unknown;
  queued: StatusEntry;
}

/** A send's row and what the address's consent says, as the send needs them. */
export interface RecordedOutbound {
  id: string;
  /** Set when an earlier attempt of the same step already handed the message over. */
  providerMessageId: string | null;
  segments: number;
  optedOutAt: Date | null;
  lastInboundAt: Date | null;
}

export interface SentOutbound {
  id: string;
  providerMessageId: string;
  segments: number;
  sent: StatusEntry;
  /** Counts against the workspace's email bag (an SMTP server accepted it; not a test). */
  countsAsAccepted?: boolean;
}

const keyOf = (workspaceId: string, idempotencyKey: string | null) => `${workspaceId} ${idempotencyKey}`;

interface RowWithConsent {
  id: string;
  workspace_id: string;
  idempotency_key: string | null;
  provider_message_id: string | null;
  segments: number | string;
  opted_out_at: Date | string | null;
  last_inbound_at: Date | string | null;
}

/** The rows of `rows` (a CTE of messages columns) with their address's consent. */
const withConsent = (rows: SQL) => sql`
  select r.id, r.workspace_id, r.idempotency_key, r.provider_message_id, r.segments,
    c.opted_out_at, c.last_inbound_at
  from ${rows} r
  left join contact_channels c
    on c.workspace_id = r.workspace_id and c.channel = r.channel and c.address = r.contact_address`;

type Job = { record: OutboundToRecord } | { sent: SentOutbound };

const recordValues = (items: OutboundToRecord[]) =>
  sql.join(
    items.map(
      (item) =>
        sql`(${newId()}::uuid, ${item.workspaceId}::uuid, ${item.channel}, 'outbound', ${item.contactAddress},
          ${item.ourAddress}, ${item.runId}::uuid, ${item.nodeId}, ${item.idempotencyKey},
          ${JSON.stringify(item.body)}::jsonb, 'queued', ${JSON.stringify([item.queued])}::jsonb)`,
    ),
    sql`, `,
  );

// A delivery report that beat this update keeps its later status. Accepted mail is counted
// against the workspace's bag by the same statement (quotas/count-consumption.ts).
const markSentCtes = (items: SentOutbound[]) => sql`
  marked as (
    update messages set
      provider_message_id = v.provider_message_id,
      segments = v.segments,
      status = case when messages.status = 'queued' then 'sent' else messages.status end,
      status_history = messages.status_history || v.entry,
      updated_at = now()
    from (values ${sql.join(
      items.map(
        (item) =>
          sql`(${item.id}::uuid, ${item.providerMessageId}::text, ${item.segments}::integer, ${JSON.stringify([item.sent])}::jsonb, ${newId()}::uuid, ${item.countsAsAccepted === true}::boolean)`,
      ),
      sql`, `,
    )}) as v(id, provider_message_id, segments, entry, ledger_id, counts)
    where messages.id = v.id
    returning messages.id, messages.workspace_id, messages.channel, messages.segments, messages.campaign_id,
      v.ledger_id, v.counts),
  counted as (${countAcceptedSql(sql`marked`)})`;

/**
 * The `messages` rows of outbound sends, written and marked sent a batch at a time: the sends a
 * worker has in flight share one statement per batch, which writes the new rows (with their
 * addresses' consent) and marks the sent ones, instead of three statements each (BENCHMARKS.md,
 * Email).
 */
export function createOutboundRows(db: Db) {
  const run = statementBatcher(async (jobs: Job[]): Promise<(RecordedOutbound | undefined)[]> => {
    const toRecord = jobs.flatMap((job) => ('record' in job ? [job.record] : []));
    const sent = jobs.flatMap((job) => ('sent' in job ? [job.sent] : []));
    if (toRecord.length === 0) {
      await db.execute(sql`with ${markSentCtes(sent)} select 1`);
      return jobs.map(() => undefined);
    }
    // The new rows, their addresses' consent and the sent marks in one round trip.
    const written = await queryRows<RowWithConsent>(
      db,
      sql`with ${sent.length > 0 ? sql`${markSentCtes(sent)}, ` : sql``}written as (
        insert into messages (id, workspace_id, channel, direction, contact_address, our_address, run_id,
          node_id, idempotency_key, body, status, status_history)
        values ${recordValues(toRecord)}
        on conflict do nothing
        returning id, workspace_id, channel, contact_address, idempotency_key, provider_message_id, segments)
      ${withConsent(sql`written`)}`,
    );
    const rows = new Map(written.map((row) => [keyOf(row.workspace_id, row.idempotency_key), row]));
    // A retried activity finds the row its first attempt wrote.
    const retried = toRecord.filter((item) => !rows.has(keyOf(item.workspaceId, item.idempotencyKey)));
    if (retried.length > 0) {
      const keys = sql.join(
        retried.map((item) => sql`(${item.workspaceId}::uuid, ${item.idempotencyKey})`),
        sql`, `,
      );
      const found = await queryRows<RowWithConsent>(
        db,
        sql`with found as (
          select id, workspace_id, channel, contact_address, idempotency_key, provider_message_id, segments
          from messages where (workspace_id, idempotency_key) in (${keys}))
        ${withConsent(sql`found`)}`,
      );
      for (const row of found) rows.set(keyOf(row.workspace_id, row.idempotency_key), row);
    }
    return jobs.map((job) => {
      if (!('record' in job)) return undefined;
      const item = job.record;
      const row = rows.get(keyOf(item.workspaceId, item.idempotencyKey));
      if (!row) throw new Error(`The message row of ${item.idempotencyKey} was neither written nor found`);
      return {
        id: row.id,
        providerMessageId: row.provider_message_id,
        segments: Number(row.segments),
        optedOutAt: row.opted_out_at == null ? null : new Date(row.opted_out_at),
        lastInboundAt: row.last_inbound_at == null ? null : new Date(row.last_inbound_at),
      };
    });
  });

  return {
    /** Writes a send's row (or finds the one an earlier attempt wrote), with the address's consent. */
    record: async (item: OutboundToRecord) => (await run({ record: item }))!,
    /** Records that the provider took the message. */
    markSent: async (item: SentOutbound) => void (await run({ sent: item })),
  };
}
