import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { workspaces } from './workspaces.ts';

/**
 * An outbound webhook (README "Outbound webhooks"): the events of the workspace an integrator
 * wants POSTed to `url`, signed with a secret that is shown once and stored only sealed.
 */
export const webhookSubscriptions = pgTable(
  'webhook_subscriptions',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    description: text('description').notNull().default(''),
    // Event type names (`message.delivered`); runtime/src/webhooks/webhook-event-types.ts lists them.
    events: text('events').array().notNull(),
    // Paused: no new event is kept for it and nothing pending is sent until it is active again.
    active: boolean('active').notNull().default(true),
    // `v1.<iv>.<tag>.<ciphertext>` of the signing secret, bound to the workspace and subscription.
    secretSealed: text('secret_sealed').notNull(),
    keyId: text('key_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('webhook_subscriptions_workspace_idx').on(t.workspaceId)],
);

export const webhookDeliveryStates = ['pending', 'delivered', 'failed'] as const;

/**
 * One event for one subscription: the outbox the worker sends from and the delivery log. The
 * body is kept as the exact bytes sent, so every attempt and a replay sign and send the same text.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    subscriptionId: uuid('subscription_id')
      .notNull()
      .references(() => webhookSubscriptions.id, { onDelete: 'cascade' }),
    eventId: uuid('event_id').notNull(),
    eventType: text('event_type').notNull(),
    body: text('body').notNull(),
    state: text('state', { enum: webhookDeliveryStates }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    // When the worker tries next; also its lease while it tries (pushed ahead when claimed).
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    // Past this, a failed attempt is the last one (a day after the event, or after a replay).
    giveUpAt: timestamp('give_up_at', { withTimezone: true }).notNull(),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // An event reported twice (a retried write) is kept, and sent, once per subscription.
    uniqueIndex('webhook_deliveries_event_unique').on(t.subscriptionId, t.eventId),
    index('webhook_deliveries_log_idx').on(t.subscriptionId, t.createdAt),
    index('webhook_deliveries_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.state} = 'pending'`),
  ],
);

/** Each POST of a delivery: what the receiver answered and how long it took. */
export const webhookDeliveryAttempts = pgTable(
  'webhook_delivery_attempts',
  {
    id: uuid('id').primaryKey(),
    deliveryId: uuid('delivery_id')
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    attemptedAt: timestamp('attempted_at', { withTimezone: true }).notNull(),
    // Null when no answer came (refused connection, timeout).
    statusCode: integer('status_code'),
    durationMs: integer('duration_ms').notNull(),
    error: text('error'),
  },
  (t) => [index('webhook_delivery_attempts_delivery_idx').on(t.deliveryId, t.attemptedAt)],
);
