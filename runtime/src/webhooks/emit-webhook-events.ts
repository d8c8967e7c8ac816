import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { newId, type Db } from '@omniflow/db';
import { statementBatcher } from '../batching/statement-batcher.ts';
import type { WebhookEventType } from './webhook-event-types.ts';

/** Something that happened in a workspace, as the places that change state report it. */
export interface WebhookEvent {
  workspaceId: string;
  type: WebhookEventType;
  /**
   * What makes this event itself (a message id for its `delivered`): the same key gives the same
   * event id, so a write that is retried, or a receipt a provider sends twice, is sent once.
   * Without one, every report is a new event.
   */
  key?: string;
  data: Record<string, unknown>;
  at?: Date;
}

/** The envelope every receiver gets (README "Outbound webhooks"). */
export interface WebhookEnvelope {
  id: string;
  type: WebhookEventType;
  createdAt: string;
  workspaceId: string;
  data: Record<string, unknown>;
}

/** A uuid made of a hash (RFC 9562 version 8): stable for one type and key. */
function eventIdOf(type: string, key: string): string {
  const hex = createHash('sha256').update(`${type}\n${key}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function envelopeOf(event: WebhookEvent): WebhookEnvelope {
  return {
    id: event.key === undefined ? newId() : eventIdOf(event.type, event.key),
    type: event.type,
    createdAt: (event.at ?? new Date()).toISOString(),
    workspaceId: event.workspaceId,
    data: event.data,
  };
}

/**
 * One delivery per event and active subscription that wants it, in one statement for the whole
 * batch: a workspace with no subscription costs a statement that inserts nothing, never a row.
 */
export function outboxStatement(events: WebhookEvent[]) {
  const rows = events.map((event) => {
    const envelope = envelopeOf(event);
    return {
      event_id: envelope.id,
      workspace_id: envelope.workspaceId,
      type: envelope.type,
      body: JSON.stringify(envelope),
      created_at: envelope.createdAt,
    };
  });
  return sql`
    insert into webhook_deliveries (id, workspace_id, subscription_id, event_id, event_type, body,
      state, next_attempt_at, give_up_at, created_at)
    select gen_random_uuid(), s.workspace_id, s.id, e.event_id, e.type, e.body,
      'pending', now(), now() + interval '24 hours', e.created_at
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as e(
      event_id uuid, workspace_id uuid, type text, body text, created_at timestamptz)
    join webhook_subscriptions s
      on s.workspace_id = e.workspace_id and s.active and e.type = any(s.events)
    on conflict (subscription_id, event_id) do nothing`;
}

// One batcher per database: events reported in the same turn of the event loop (a campaign's
// burst of receipts) share one statement instead of a round trip each.
const batchers = new WeakMap<Db, (event: WebhookEvent) => Promise<void>>();

/**
 * Keeps the events for every subscription that wants them; the worker's dispatcher sends them
 * (webhook-dispatcher.ts). Awaited by the caller, so a failed write fails (and retries) the
 * state change that reported it rather than losing the event quietly.
 */
export async function emitWebhookEvents(db: Db, events: WebhookEvent[]): Promise<void> {
  if (events.length === 0) return;
  let emit = batchers.get(db);
  if (!emit) {
    const batched = statementBatcher(async (items: WebhookEvent[]) => {
      await db.execute(outboxStatement(items));
      return items.map(() => undefined);
    });
    emit = batched;
    batchers.set(db, batched);
  }
  await Promise.all(events.map(emit));
}
