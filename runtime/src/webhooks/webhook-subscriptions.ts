import { randomBytes } from 'node:crypto';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import {
  newId,
  webhookDeliveries,
  webhookDeliveryAttempts,
  webhookSubscriptions,
  type Db,
} from '@omniflow/db';
import { openSecrets, sealSecrets } from '../credentials/secret-box.ts';
import type { SecretKeyring } from '../credentials/secret-keyring.ts';
import type { WebhookEventType } from './webhook-event-types.ts';

export type WebhookSubscriptionRow = typeof webhookSubscriptions.$inferSelect;
export type WebhookSubscription = Omit<WebhookSubscriptionRow, 'secretSealed' | 'keyId'>;

/** The secret is bound to its workspace and subscription (AES-GCM associated data). */
export const contextOf = (workspaceId: string, id: string) => `${workspaceId}/webhook/${id}`;

const visible = {
  id: webhookSubscriptions.id,
  workspaceId: webhookSubscriptions.workspaceId,
  url: webhookSubscriptions.url,
  description: webhookSubscriptions.description,
  events: webhookSubscriptions.events,
  active: webhookSubscriptions.active,
  createdAt: webhookSubscriptions.createdAt,
  updatedAt: webhookSubscriptions.updatedAt,
};

/** A signing secret: 32 random bytes, prefixed so people recognise it in a config file. */
export const newSigningSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

/** A workspace's outbound webhooks, their delivery log and replay; every query is workspace-scoped. */
export function createWebhookSubscriptions(db: Db, keyring: () => SecretKeyring) {
  const one = async (workspaceId: string, id: string) =>
    (
      await db
        .select(visible)
        .from(webhookSubscriptions)
        .where(and(eq(webhookSubscriptions.workspaceId, workspaceId), eq(webhookSubscriptions.id, id)))
    )[0];

  return {
    list: (workspaceId: string): Promise<WebhookSubscription[]> =>
      db
        .select(visible)
        .from(webhookSubscriptions)
        .where(eq(webhookSubscriptions.workspaceId, workspaceId))
        .orderBy(webhookSubscriptions.createdAt),

    get: one,

    /** Made with a new secret, answered this once and stored only sealed. */
    async create(
      workspaceId: string,
      input: { url: string; events: WebhookEventType[]; description?: string; active?: boolean },
    ): Promise<WebhookSubscription & { secret: string }> {
      const id = newId();
      const secret = newSigningSecret();
      const sealed = sealSecrets(keyring(), { secret }, contextOf(workspaceId, id));
      const [row] = await db
        .insert(webhookSubscriptions)
        .values({
          id,
          workspaceId,
          url: input.url,
          description: input.description ?? '',
          events: [...new Set(input.events)],
          active: input.active ?? true,
          secretSealed: sealed.sealed,
          keyId: sealed.keyId,
        })
        .returning(visible);
      return { ...row!, secret };
    },

    /** Changes what is given; `newSecret` replaces the secret at once and answers the new one. */
    async update(
      workspaceId: string,
      id: string,
      input: {
        url?: string;
        events?: WebhookEventType[];
        description?: string;
        active?: boolean;
        newSecret?: boolean;
      },
    ): Promise<(WebhookSubscription & { secret?: string }) | undefined> {
      const secret = input.newSecret ? newSigningSecret() : undefined;
      const sealed = secret ? sealSecrets(keyring(), { secret }, contextOf(workspaceId, id)) : undefined;
      const [row] = await db
        .update(webhookSubscriptions)
        .set({
          ...(input.url !== undefined ? { url: input.url } : {}),
          ...(input.events !== undefined ? { events: [...new Set(input.events)] } : {}),
          ...(input.description !== undefined ? { description: input.description } : {}),
          ...(input.active !== undefined ? { active: input.active } : {}),
          ...(sealed ? { secretSealed: sealed.sealed, keyId: sealed.keyId } : {}),
          updatedAt: new Date(),
        })
        .where(and(eq(webhookSubscriptions.workspaceId, workspaceId), eq(webhookSubscriptions.id, id)))
        .returning(visible);
      return row ? { ...row, ...(secret ? { secret } : {}) } : undefined;
    },

    /** Gone with its pending deliveries and log. */
    async remove(workspaceId: string, id: string): Promise<boolean> {
      const gone = await db
        .delete(webhookSubscriptions)
        .where(and(eq(webhookSubscriptions.workspaceId, workspaceId), eq(webhookSubscriptions.id, id)))
        .returning({ id: webhookSubscriptions.id });
      return gone.length > 0;
    },

    /** The newest deliveries of a subscription with their attempts, newest first. */
    async deliveries(workspaceId: string, subscriptionId: string, limit: number) {
      const rows = await db
        .select({
          id: webhookDeliveries.id,
          eventId: webhookDeliveries.eventId,
          eventType: webhookDeliveries.eventType,
          state: webhookDeliveries.state,
          attemptCount: webhookDeliveries.attempts,
          nextAttemptAt: webhookDeliveries.nextAttemptAt,
          lastStatusCode: webhookDeliveries.lastStatusCode,
          lastError: webhookDeliveries.lastError,
          deliveredAt: webhookDeliveries.deliveredAt,
          createdAt: webhookDeliveries.createdAt,
          body: webhookDeliveries.body,
        })
        .from(webhookDeliveries)
        .where(
          and(
            eq(webhookDeliveries.workspaceId, workspaceId),
            eq(webhookDeliveries.subscriptionId, subscriptionId),
          ),
        )
        .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
        .limit(limit);
      const attempts =
        rows.length === 0
          ? []
          : await db
              .select()
              .from(webhookDeliveryAttempts)
              .where(
                inArray(
                  webhookDeliveryAttempts.deliveryId,
                  rows.map((r) => r.id),
                ),
              )
              .orderBy(webhookDeliveryAttempts.attemptedAt);
      return rows.map((row) => ({
        ...row,
        attempts: attempts.filter((a) => a.deliveryId === row.id),
      }));
    },

    /**
     * Sends a delivery again now, with the same event id and body (a receiver deduplicating by
     * id sees the same event); it is retried for another day if the receiver is down.
     */
    async replay(workspaceId: string, subscriptionId: string, deliveryId: string) {
      const [row] = await db
        .update(webhookDeliveries)
        .set({
          state: 'pending',
          nextAttemptAt: sql`now()`,
          giveUpAt: sql`now() + interval '24 hours'`,
        })
        .where(
          and(
            eq(webhookDeliveries.workspaceId, workspaceId),
            eq(webhookDeliveries.subscriptionId, subscriptionId),
            eq(webhookDeliveries.id, deliveryId),
          ),
        )
        .returning({ id: webhookDeliveries.id, eventId: webhookDeliveries.eventId });
      return row;
    },

    /** URLs and opened secrets of these subscriptions, for signing (the dispatcher's). */
    async targets(ids: string[]): Promise<Map<string, { url: string; secret: string }>> {
      if (ids.length === 0) return new Map();
      const rows = await db.select().from(webhookSubscriptions).where(inArray(webhookSubscriptions.id, ids));
      return new Map(
        rows.map((row) => {
          const { secret } = openSecrets(
            keyring(),
            { sealed: row.secretSealed, keyId: row.keyId },
            contextOf(row.workspaceId, row.id),
          );
          return [row.id, { url: row.url, secret: secret! }];
        }),
      );
    },
  };
}

export type WebhookSubscriptions = ReturnType<typeof createWebhookSubscriptions>;
