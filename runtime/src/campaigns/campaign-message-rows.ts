import { sql } from 'drizzle-orm';
import type { Db, StatusEntry } from '@omniflow/db';
import { statementBatcher } from '../batching/statement-batcher.ts';
import type { JournaledMessage } from './hand-over-journal.ts';
import { emitWebhookEvents } from '../webhooks/emit-webhook-events.ts';
import { campaignMessageWebhookEvents } from '../webhooks/campaign-webhook-events.ts';
import { wantedEventTypes } from '../webhooks/wanted-event-types.ts';

/** A campaign message's row before it is written: as journaled, plus its workspace. */
export interface CampaignMessage extends JournaledMessage {
  w: string;
}

export type MessageRecord =
  /** Handed over, the answer lost (a provider outage after the write): sent, in doubt. */
  | { kind: 'handover'; row: CampaignMessage }
  | { kind: 'sent'; row: CampaignMessage; providerMessageId: string; segments: number }
  | { kind: 'failed'; row: CampaignMessage; code: string; message: string };

const recorders = new WeakMap<Db, (item: MessageRecord) => Promise<void>>();

/**
 * Writes a campaign message's row once, when its fate is known: with the provider's id, or
 * failed, or sent in doubt. One statement for every chunk in flight in this process.
 *
 * Before, the row was inserted queued and updated with the provider's answer: two writes per
 * person, and the update could not be HOT (it changes indexed columns), so every index of
 * `messages` got a second entry. What a crash between the hand-over and this write needs is in
 * the hand-over journal (hand-over-journal.ts), which holds the whole row.
 */
export function messageRecorder(db: Db) {
  let run = recorders.get(db);
  if (!run) {
    const batcher = statementBatcher(async (items: MessageRecord[]) => {
      await writeMessages(db, items);
      return items.map(() => undefined);
    }, 1000);
    run = async (item: MessageRecord) => void (await batcher(item));
    recorders.set(db, run);
  }
  return run;
}

async function writeMessages(db: Db, items: MessageRecord[]) {
  if (items.length === 0) return;
  const at = new Date().toISOString();
  const sent = [{ status: 'sent', at }];
  const rows = items.map((i) =>
    i.kind === 'handover'
      ? { ...i.row, s: 'sent', x: sent }
      : i.kind === 'sent'
        ? { ...i.row, s: 'sent', p: i.providerMessageId, n: i.segments, x: sent }
        : {
            ...i.row,
            s: 'failed',
            e: i.code,
            x: [{ status: 'failed', at, errorCode: i.code, errorMessage: i.message } satisfies StatusEntry],
          },
  );
  // A row still queued under the same key was written before its send by an older version: it
  // takes the answer. Any other conflict is a row already written, which keeps what it says.
  const insert =
    db.execute(sql`insert into messages (id, workspace_id, channel, direction, contact_address, our_address,
      contact_id, campaign_id, idempotency_key, body, segments, status, status_history, error_code, provider_message_id)
    select v.id, v.w, v.ch, 'outbound', v.a, '', v.c, v.cp, v.k, v.b, coalesce(v.n, 1), v.s, v.h || v.x, v.e, v.p
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as v(id uuid, w uuid, cp uuid, ch text, a text, c uuid, k text, b jsonb, h jsonb, s text, p text, n integer, e text, x jsonb)
    on conflict (workspace_id, idempotency_key) where idempotency_key is not null do update set
      provider_message_id = excluded.provider_message_id, segments = excluded.segments, status = excluded.status,
      error_code = excluded.error_code, status_history = excluded.status_history, updated_at = now()
    where messages.status = 'queued'`);
  // Asked beside the insert: a workspace with no subscription for these events gets no envelope
  // built, hashed and parsed per message (most campaigns).
  // Both settled before either's failure is thrown: the batch fails (and is retried) whole.
  const [written, asked] = await Promise.allSettled([
    insert,
    wantedEventTypes(db, [...new Set(items.map((i) => i.row.w))]),
  ]);
  if (written.status === 'rejected') throw written.reason;
  if (asked.status === 'rejected') throw asked.reason;
  const wanted = asked.value;
  const heard = items.filter((i) =>
    wanted.has(`${i.row.w} ${i.kind === 'failed' ? 'message.failed' : 'message.sent'}`),
  );
  await emitWebhookEvents(db, campaignMessageWebhookEvents(heard, at));
}

/**
 * Rows written queued before their sends, for drivers that look for the row while sending (the
 * sandbox's mail catcher); `messageRecorder` then takes them to the provider's answer.
 */
export async function writeQueued(db: Db, rows: CampaignMessage[]) {
  if (rows.length === 0) return;
  await db.execute(sql`insert into messages (id, workspace_id, channel, direction, contact_address, our_address,
      contact_id, campaign_id, idempotency_key, body, status, status_history)
    select v.id, v.w, v.ch, 'outbound', v.a, '', v.c, v.cp, v.k, v.b, 'queued', v.h
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as v(id uuid, w uuid, cp uuid, ch text, a text, c uuid, k text, b jsonb, h jsonb)
    on conflict do nothing`);
}
