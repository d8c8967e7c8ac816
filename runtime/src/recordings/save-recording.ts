import { readFile, stat } from 'node:fs/promises';
import { and, eq } from 'drizzle-orm';
import { newId, recordings, workspaces, type Db } from '@omniflow/db';
import { readWavInfo } from '@omniflow/nodes/drivers/voice';
import { normalizeContact } from '../runs/run-filter.ts';
import { RecordingError, type RecordingStore } from './recording-store.ts';
import { recordingsUsage } from './recordings-usage.ts';

export type RecordingRow = typeof recordings.$inferSelect;

export interface SaveRecordingInput {
  workspaceId: string;
  /** The WAV the driver wrote (`RecordResult.path`); it is copied, not moved. */
  file: string;
  from: string;
  to: string;
  callRecordId?: string | null;
  runId?: string | null;
  flowId?: string | null;
  nodeId?: string | null;
  /** What the driver measured; read from the WAV header when absent. */
  durationMs?: number;
  /** The activity's `runId:nodeId:seq`: a retried save answers the row it saved before. */
  idempotencyKey?: string;
  /** When it was recorded (default now). */
  at?: Date;
}

/** `workspace/yyyy/mm/dd/id.wav`: a folder per day, so an operator can find and back up by date. */
function storageKeyOf(workspaceId: string, id: string, at: Date): string {
  const day = at.toISOString().slice(0, 10).replaceAll('-', '/');
  return `${workspaceId}/${day}/${id}.wav`;
}

/**
 * Stores a call recording and its row, within the workspace's quota (issue #6). The quota is
 * checked before the upload (so a full workspace costs no transfer) and again under a lock on
 * the workspace row, so two calls ending together cannot both slip past the last bytes.
 */
export async function saveRecording(
  deps: { db: Db; store: RecordingStore },
  input: SaveRecordingInput,
): Promise<RecordingRow> {
  const { db, store } = deps;
  const earlier = await findByKey(db, input.workspaceId, input.idempotencyKey);
  if (earlier) return earlier;

  const bytes = (await stat(input.file)).size;
  const wav = readWavInfo(await readFile(input.file));
  if (!wav) throw new RecordingError('RECORDING_INVALID', `${input.file} is not a WAV file`);
  const before = await recordingsUsage(db, input.workspaceId);
  if (before.bytes + bytes > before.quotaBytes) throw quotaExceeded(before.bytes, before.quotaBytes, bytes);

  const id = newId();
  const at = input.at ?? new Date();
  const storageKey = storageKeyOf(input.workspaceId, id, at);
  await store.put(storageKey, input.file, 'audio/wav');
  try {
    return await db
      .transaction(async (tx) => {
        await tx
          .select({ id: workspaces.id })
          .from(workspaces)
          .where(eq(workspaces.id, input.workspaceId))
          .for('update');
        const now = await recordingsUsage(tx, input.workspaceId);
        if (now.bytes + bytes > now.quotaBytes) throw quotaExceeded(now.bytes, now.quotaBytes, bytes);
        const [row] = await tx
          .insert(recordings)
          .values({
            id,
            workspaceId: input.workspaceId,
            callRecordId: input.callRecordId ?? null,
            runId: input.runId ?? null,
            flowId: input.flowId ?? null,
            nodeId: input.nodeId ?? null,
            fromNumber: normalizeContact(input.from),
            toNumber: normalizeContact(input.to),
            storageKey,
            contentType: 'audio/wav',
            bytes,
            durationMs: input.durationMs ?? wav.durationMs,
            idempotencyKey: input.idempotencyKey ?? null,
            createdAt: at,
          })
          .onConflictDoNothing()
          .returning();
        return row;
      })
      .then(async (row) => {
        if (row) return row;
        // Another attempt of the same step saved first: keep its row, drop our copy.
        await store.delete(storageKey);
        return (await findByKey(db, input.workspaceId, input.idempotencyKey))!;
      });
  } catch (error) {
    // No row points at the object: remove it, or it would fill the store unseen.
    await store.delete(storageKey);
    throw error;
  }
}

function quotaExceeded(used: number, quota: number, bytes: number) {
  return new RecordingError(
    'RECORDING_QUOTA_EXCEEDED',
    `The recordings quota is full (${used} of ${quota} bytes used, this recording needs ${bytes}); ` +
      'delete old recordings (POST /recordings/delete) or raise the quota',
    { usedBytes: used, quotaBytes: quota, bytes },
  );
}

async function findByKey(db: Db, workspaceId: string, key: string | undefined) {
  if (!key) return undefined;
  const [row] = await db
    .select()
    .from(recordings)
    .where(and(eq(recordings.workspaceId, workspaceId), eq(recordings.idempotencyKey, key)));
  return row;
}
