import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ParsedInboundMail } from '@omniflow/nodes/drivers/email';
import { mailAttachments, newId, type Db } from '@omniflow/db';
import type { InboundEmail } from '@omniflow/nodes/drivers/messaging';
import type { RecordingStore } from '../recordings/recording-store.ts';

/** Default limit per attached file: larger ones are named on the message but not kept. */
export const defaultMaxAttachmentBytes = 10_000_000;

export interface MailAttachmentStorage {
  /** Where the bytes go: the recordings store (a folder or an S3 bucket), under `mail/`. */
  store: RecordingStore;
  maxAttachmentBytes?: number;
}

/** `workspace/mail/yyyy/mm/dd/id`: beside the recordings, by day, so an operator can back them up. */
const storageKeyOf = (workspaceId: string, id: string, at: Date) =>
  `${workspaceId}/mail/${at.toISOString().slice(0, 10).replaceAll('-', '/')}/${id}`;

/**
 * Keeps a mail's attachments for one workspace like call recordings (a `mail_attachments` row and
 * the bytes in the store) and answers the list to put on the message, with each kept file's id.
 * A file over the limit is listed without an id: the flow knows it came, the store is spared it.
 */
export async function storeMailAttachments(
  db: Db,
  storage: MailAttachmentStorage,
  workspaceId: string,
  attachments: ParsedInboundMail['attachments'],
  at = new Date(),
): Promise<InboundEmail['attachments']> {
  if (attachments.length === 0) return [];
  const max = storage.maxAttachmentBytes ?? defaultMaxAttachmentBytes;
  const scratch = await mkdtemp(join(tmpdir(), 'omniflow-mail-'));
  try {
    const kept: InboundEmail['attachments'] = [];
    for (const attachment of attachments) {
      const listed = {
        filename: attachment.filename ?? 'attachment',
        contentType: attachment.contentType,
        bytes: attachment.size,
      };
      if (attachment.size > max) {
        kept.push(listed);
        continue;
      }
      const id = newId();
      const key = storageKeyOf(workspaceId, id, at);
      const file = join(scratch, id);
      await writeFile(file, attachment.content);
      const { bytes } = await storage.store.put(key, file, attachment.contentType);
      try {
        await db.insert(mailAttachments).values({
          id,
          workspaceId,
          filename: listed.filename,
          contentType: listed.contentType,
          bytes,
          storageKey: key,
          createdAt: at,
        });
      } catch (error) {
        // No row names the object: remove it, or it would fill the store unseen.
        await storage.store.delete(key);
        throw error;
      }
      kept.push({ id, ...listed, bytes });
    }
    return kept;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
