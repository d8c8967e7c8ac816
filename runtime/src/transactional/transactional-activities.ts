import { emitWebhookEvents } from '../webhooks/emit-webhook-events.ts';
import { messageFactsColumns, messageWebhookEvent } from '../webhooks/message-webhook-events.ts';
import { eq, sql } from 'drizzle-orm';
import { ApplicationFailure } from '@temporalio/activity';
import { messages, type Db } from '@omniflow/db';
import { NodeError } from '@omniflow/nodes/sdk';
import type { OutboundMessage } from '@omniflow/nodes/drivers/messaging';
import type { MessagingService } from '../messaging/messaging-service.ts';

/** What the `transactionalSend` workflow calls: the send of an accepted message, and its end. */
export function createTransactionalActivities({ db, messaging }: { db: Db; messaging: MessagingService }) {
  return {
    /**
     * Sends an accepted message through the messaging service (bag, consent, driver, status) under
     * the row's own key, so a retried attempt finds what the last one did. A failure that cannot
     * get better (refused number, bag used up) ends the retries; the service marked the row.
     */
    async sendAcceptedMessage(messageId: string): Promise<string> {
      const [row] = await db.select().from(messages).where(eq(messages.id, messageId));
      if (!row) return 'missing';
      if (row.status !== 'queued' || row.channel === 'webchat' || !row.idempotencyKey) return row.status;
      try {
        await messaging
          .forApplication({ workspaceId: row.workspaceId, idempotencyKey: row.idempotencyKey })
          .send(row.channel, row.body as Omit<OutboundMessage, 'idempotencyKey'>);
        return 'sent';
      } catch (error) {
        if (error instanceof NodeError && !error.retryable)
          throw ApplicationFailure.nonRetryable(error.message, error.code);
        throw error;
      }
    },

    /** After the last retry: the message is failed, where the caller and reports look for it. */
    async failAcceptedMessage(messageId: string, code: string, message: string): Promise<void> {
      const entry = {
        status: 'failed',
        at: new Date().toISOString(),
        errorCode: code,
        errorMessage: message,
      };
      const failed = await db
        .update(messages)
        .set({
          status: 'failed',
          errorCode: code,
          statusHistory: sql`${messages.statusHistory} || ${JSON.stringify([entry])}::jsonb`,
          updatedAt: new Date(),
        })
        .where(sql`${messages.id} = ${messageId} and ${messages.status} = 'queued'`)
        .returning(messageFactsColumns);
      for (const row of failed)
        await emitWebhookEvents(db, messageWebhookEvent(row, 'failed', { errorCode: code }));
    },
  };
}

export type TransactionalActivities = ReturnType<typeof createTransactionalActivities>;
