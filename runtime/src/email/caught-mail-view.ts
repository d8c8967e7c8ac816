import type { caughtMails } from '@omniflow/db';
import { mailForDisplay } from '@omniflow/nodes/drivers/email';

type CaughtMailRow = typeof caughtMails.$inferSelect;

/** A caught mail as the Mail page shows it: the MIME parsed back into its parts, and its run. */
export async function caughtMailView(row: CaughtMailRow, runId: string | null) {
  const mail = await mailForDisplay(row.raw);
  return {
    ...mail,
    id: row.id,
    messageId: row.messageId,
    runId,
    from: mail.from || row.fromAddress,
    createdAt: row.createdAt.toISOString(),
  };
}
