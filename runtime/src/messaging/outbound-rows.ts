import { sql, type SQL } from 'drizzle-orm';
import { newId, queryRows, type Db, type StatusEntry } from '@omniflow/db';
import type { MessagingChannel } from '@omniflow/nodes/drivers/messaging';
import { statementBatcher } from '../batching/statement-batcher.ts';

export interface OutboundToRecord {
  workspaceId: string;
  channel: MessagingChannel;
  contactAddress: string;
  ourAddress: string;
  runId: string;
  nodeId: string;
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

/**
 * The `messages` rows of outbound sends, written and marked sent a batch at a time: the sends a
 * worker has in flight together share two statements (the rows with consent, then sent) instead
 * of paying three each (BENCHMARKS.md, Email).
 */
export function createOutboundRows(db: Db) {
  const record = statementBatcher(async (items: OutboundToRecord[]): Promise<RecordedOutbound[]> => {
    const values = sql.join(
      items.map(
        (item) =>
          sql`(${newId()}::uuid, ${item.workspaceId}::uuid, ${item.channel}, 'outbound', ${item.contactAddress},
            ${item.ourAddress}, ${item.runId}::uuid, ${item.nodeId}, ${item.idempotencyKey},
            ${JSON.stringify(item.body)}::jsonb, 'queued', ${JSON.stringify([item.queued])}::jsonb)`,
      ),
      sql`, `,
    );
    // The rows and their addresses' consent in one statement: one round trip for the batch.
    const written = await queryRows<RowWithConsent>(
      db,
      sql`with written as (
        insert into messages (id, workspace_id, channel, direction, contact_address, our_address, run_id,
          node_id, idempotency_key, body, status, status_history)
        values ${values}
        on conflict do nothing
        returning id, workspace_id, channel, contact_address, idempotency_key, provider_message_id, segments)
      ${withConsent(sql`written`)}`,
    );
    const rows = new Map(written.map((row) => [keyOf(row.workspace_id, row.idempotency_key), row]));
    // A retried activity finds the row its first attempt wrote.
    const retried = items.filter((item) => !rows.has(keyOf(item.workspaceId, item.idempotencyKey)));
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
    return items.map((item) => {
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

  const markSent = statementBatcher(async (items: SentOutbound[]): Promise<void[]> => {
    const values = sql.join(
      items.map(
        (item) =>
          sql`(${item.id}::uuid, ${item.providerMessageId}::text, ${item.segments}::integer, ${JSON.stringify([item.sent])}::jsonb)`,
      ),
      sql`, `,
    );
    // A delivery report that beat this update keeps its later status.
    await db.execute(sql`
      update messages set
        provider_message_id = v.provider_message_id,
        segments = v.segments,
        status = case when messages.status = 'queued' then 'sent' else messages.status end,
        status_history = messages.status_history || v.entry,
        updated_at = now()
      from (values ${values}) as v(id, provider_message_id, segments, entry)
      where messages.id = v.id`);
    return items.map(() => undefined);
  });

  return { record, markSent };
}
