import { sql } from 'drizzle-orm';
import { queryRows, type CampaignChannel, type Db } from '@omniflow/db';

export interface LedgerLine {
  id: string;
  at: Date;
  delta: number;
  reason: string;
  messageId: string | null;
  campaignId: string | null;
  note: string | null;
  /** `at` to the microsecond, as PostgreSQL keeps it (a Date has milliseconds): pages start here. */
  cursorAt: string;
}

interface Row {
  id: string;
  at: Date | string;
  delta: number | string;
  reason: string;
  message_id: string | null;
  campaign_id: string | null;
  note: string | null;
  at_text: string;
}

/** Where a page of the ledger starts: after this line, in time order. */
export interface LedgerCursor {
  at: string;
  id: string;
}

/**
 * A channel's ledger lines from `since`, oldest first (so a running balance can be added line by
 * line), `limit` at a time after `after`; keyset-paged on (at, id) by the ledger's index.
 */
export async function ledgerPage(
  db: Db,
  workspaceId: string,
  channel: CampaignChannel,
  options: { since: Date; after?: LedgerCursor; limit: number },
): Promise<LedgerLine[]> {
  const after = options.after
    ? sql`and (l.at, l.id) > (${options.after.at}::timestamptz, ${options.after.id}::uuid)`
    : sql``;
  const rows = await queryRows<Row>(
    db,
    sql`select l.id, l.at, l.at::text as at_text, l.delta, l.reason, l.message_id, l.campaign_id, l.note from quota_ledger l
      where l.workspace_id = ${workspaceId}::uuid and l.channel = ${channel}
        and l.at >= ${options.since.toISOString()}::timestamptz ${after}
      order by l.at, l.id limit ${options.limit}`,
  );
  return rows.map((r) => ({
    id: r.id,
    at: new Date(r.at),
    delta: Number(r.delta),
    reason: r.reason,
    messageId: r.message_id,
    campaignId: r.campaign_id,
    note: r.note,
    cursorAt: r.at_text,
  }));
}

export const encodeLedgerCursor = (line: LedgerLine) =>
  Buffer.from(`${line.cursorAt}|${line.id}`).toString('base64url');

export function decodeLedgerCursor(cursor: string): LedgerCursor | undefined {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!at || !id || !/^[0-9a-f-]{36}$/.test(id) || !/^[\d :.+-]{19,40}$/.test(at)) return undefined;
  return { at, id };
}
