import { and, eq } from 'drizzle-orm';
import { mailAttachments, type Db } from '@omniflow/db';
import { NodeError } from '@omniflow/nodes/sdk';
import type { RecordingStore } from '../recordings/recording-store.ts';

/**
 * The bytes of an attachment a mail brought in, for a flow that sends it on: only the
 * workspace's own (a flow cannot attach another workspace's file by guessing its id).
 */
export async function openMailAttachment(
  db: Db,
  store: RecordingStore,
  workspaceId: string,
  attachmentId: string,
): Promise<Buffer> {
  const [row] = await db
    .select({ storageKey: mailAttachments.storageKey })
    .from(mailAttachments)
    .where(and(eq(mailAttachments.id, attachmentId), eq(mailAttachments.workspaceId, workspaceId)));
  if (!row)
    throw new NodeError(
      'EMAIL_ATTACHMENT_NOT_FOUND',
      `No attachment ${attachmentId} was received by this workspace (it may have been deleted)`,
      false,
    );
  const chunks: Uint8Array[] = [];
  for await (const chunk of await store.get(row.storageKey)) chunks.push(chunk);
  return Buffer.concat(chunks);
}
