import { and, desc, eq } from 'drizzle-orm';
import { caughtMails, messages, type Db } from '@omniflow/db';
import type { CaughtMail } from '@omniflow/nodes/drivers/email';
import { NodeError } from '@omniflow/nodes/sdk';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Where the mail catcher keeps what it built: `caught_mails`, beside the `messages` row the send
 * path wrote before calling it (found by the send's idempotency key). The caught mail takes that
 * row's id, so a retried send keeps one mail, not two.
 */
export function keepCaughtMail(db: Db) {
  return async (mail: CaughtMail): Promise<void> => {
    // A flow's keys begin with the run id (`runId:nodeId:seq`), which the run index finds.
    const runId = mail.idempotencyKey.split(':', 1)[0] ?? '';
    const [row] = await db
      .select({ id: messages.id, workspaceId: messages.workspaceId })
      .from(messages)
      .where(
        and(
          ...(uuid.test(runId) ? [eq(messages.runId, runId)] : []),
          eq(messages.idempotencyKey, mail.idempotencyKey),
          eq(messages.channel, 'email'),
          eq(messages.direction, 'outbound'),
        ),
      )
      .orderBy(desc(messages.id))
      .limit(1);
    if (!row)
      throw new NodeError(
        'MESSAGE_NOT_RECORDED',
        `The mail catcher keeps mail sent through a flow's messages; none was recorded for ${mail.idempotencyKey}`,
        false,
      );
    await db
      .insert(caughtMails)
      .values({
        id: row.id,
        workspaceId: row.workspaceId,
        messageId: row.id,
        fromAddress: mail.from,
        toAddresses: mail.to,
        subject: mail.subject,
        raw: mail.raw,
      })
      .onConflictDoNothing();
  };
}
