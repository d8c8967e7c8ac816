import { and, eq, gte, inArray, lt } from 'drizzle-orm';
import { recordings, type Db } from '@omniflow/db';
import type { RecordingStore } from './recording-store.ts';

/** Deletes one recording, audio first; answers false when the workspace has no such recording. */
export async function deleteRecording(
  deps: { db: Db; store: RecordingStore },
  workspaceId: string,
  id: string,
): Promise<boolean> {
  const [row] = await deps.db
    .select({ storageKey: recordings.storageKey })
    .from(recordings)
    .where(and(eq(recordings.workspaceId, workspaceId), eq(recordings.id, id)));
  if (!row) return false;
  // Audio before row: a failure in between leaves a row whose audio is missing (visible, and
  // deletable again), never audio that no row points at (invisible, and counted by the store).
  await deps.store.delete(row.storageKey);
  await deps.db.delete(recordings).where(eq(recordings.id, id));
  return true;
}

/** Deletes every recording made in [from, to); answers how many. Works in pages of 500. */
export async function deleteRecordingsBetween(
  deps: { db: Db; store: RecordingStore },
  workspaceId: string,
  range: { from?: Date; to: Date },
): Promise<number> {
  const conditions = [eq(recordings.workspaceId, workspaceId), lt(recordings.createdAt, range.to)];
  if (range.from) conditions.push(gte(recordings.createdAt, range.from));
  let deleted = 0;
  for (;;) {
    const page = await deps.db
      .select({ id: recordings.id, storageKey: recordings.storageKey })
      .from(recordings)
      .where(and(...conditions))
      .limit(500);
    if (page.length === 0) return deleted;
    for (const row of page) await deps.store.delete(row.storageKey);
    await deps.db.delete(recordings).where(
      inArray(
        recordings.id,
        page.map((r) => r.id),
      ),
    );
    deleted += page.length;
  }
}
