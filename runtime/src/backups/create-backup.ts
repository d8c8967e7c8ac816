import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { and, eq, gt } from 'drizzle-orm';
import {
  dataJobs,
  databaseSchemaVersion,
  dumpDatabase,
  dumpFileOf,
  dumpKindOf,
  newId,
  type DataJobTrigger,
  type Db,
} from '@omniflow/db';
import { RecordingError, type RecordingStore } from '../recordings/recording-store.ts';
import { manifestPath, omniflowVersion, type ArchiveManifest } from './archive-manifest.ts';
import { createArchiveWriter } from './archive-writer.ts';
import { backupNameAt, pruneBackups, sidecarOf, type BackupSidecar } from './backup-archives.ts';
import { BackupError } from './backup-error.ts';
import type { BackupSettings } from './backup-settings.ts';
import { storedObjectKeys } from './stored-objects.ts';
import type { BackupBucket } from './backup-bucket.ts';
import { bucketOf, sendToBucket, type BucketOutcome } from './upload-backups.ts';

export interface BackupDeps {
  db: Db;
  store: RecordingStore;
  settings: BackupSettings;
  now?: () => Date;
  /** Where finished archives are uploaded (default: settings.bucket's, when set). */
  bucket?: BackupBucket;
}

export interface BackupResult {
  jobId: string;
  file: string;
  path: string;
  bytes: number;
  sha256: string;
  manifest: ArchiveManifest;
  /** Older archives removed to keep `settings.keep`. */
  pruned: string[];
  /** What went to the bucket, when backups go to one. */
  bucket?: BucketOutcome;
}

// A backup that has said nothing for this long died with its process; another may start.
const staleAfterMs = 6 * 60 * 60 * 1000;

/** Refuses a second backup while one runs (in any process), so two never race for the folder. */
export async function claimBackup(db: Db, trigger: DataJobTrigger, now: Date): Promise<string> {
  const running = await db
    .select({ id: dataJobs.id })
    .from(dataJobs)
    .where(
      and(
        eq(dataJobs.kind, 'backup'),
        eq(dataJobs.status, 'running'),
        gt(dataJobs.startedAt, new Date(now.getTime() - staleAfterMs)),
      ),
    )
    .limit(1);
  if (running.length > 0) throw new BackupError({ code: 'BACKUP_RUNNING', jobId: running[0]!.id });
  const id = newId();
  await db.insert(dataJobs).values({ id, kind: 'backup', trigger, status: 'running', startedAt: now });
  return id;
}

/**
 * One backup of the whole install: a consistent database dump and every stored file the
 * database names (recordings, voice prompts, mail attachments) in one tar with a manifest of
 * sizes and sha256s, written under a partial name and renamed when whole; then the oldest
 * archives beyond `keep` are removed. The job row says how it went.
 */
export async function createBackup(
  deps: BackupDeps,
  options: { trigger: DataJobTrigger; onProgress?: (done: number, total: number) => void; jobId?: string },
): Promise<BackupResult> {
  const now = (deps.now ?? (() => new Date()))();
  const jobId = options.jobId ?? (await claimBackup(deps.db, options.trigger, now));
  const { dir } = deps.settings;
  const file = backupNameAt(now);
  const path = join(dir, file);
  const partial = `${path}.partial`;
  let scratch: string | undefined;
  let archive: ReturnType<typeof createArchiveWriter> | undefined;
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    scratch = await mkdtemp(join(dir, '.scratch-'));
    archive = createArchiveWriter(partial);
    const kind = dumpKindOf(deps.db);
    const schema = await databaseSchemaVersion(deps.db);
    const dumpFile = join(scratch, 'database');
    await dumpDatabase(deps.db, dumpFile);
    const keys = await storedObjectKeys(deps.db);
    const total = 1 + keys.length;
    const progress = async (done: number) => {
      options.onProgress?.(done, total);
      // Every 50 files is enough for a progress bar and spares the database a write per file.
      if (done === total || done % 50 === 1)
        await deps.db.update(dataJobs).set({ done, total }).where(eq(dataJobs.id, jobId));
    };
    await archive.addFile(dumpFileOf[kind], dumpFile);
    await rm(dumpFile);
    await progress(1);
    const missing: string[] = [];
    let done = 1;
    for (const key of keys) {
      const copy = join(scratch, 'object');
      try {
        const stream = await deps.store.get(key);
        await pipeline(
          Readable.fromWeb(stream as Parameters<typeof Readable.fromWeb>[0]),
          createWriteStream(copy),
        );
        await archive.addFile(`store/${key}`, copy);
      } catch (error) {
        // Gone from the store since the row was written (deleted by hand): noted, not fatal.
        if (!(error instanceof RecordingError && error.code === 'RECORDING_AUDIO_MISSING')) throw error;
        missing.push(key);
      } finally {
        await rm(copy, { force: true });
      }
      await progress(++done);
    }
    const manifest: ArchiveManifest = {
      format: 'omniflow-backup',
      formatVersion: 1,
      omniflowVersion,
      createdAt: now.toISOString(),
      jobId,
      database: { kind, file: dumpFileOf[kind], schema },
      files: archive.files,
      missing,
    };
    await archive.addText(manifestPath, JSON.stringify(manifest, null, 2));
    const whole = await archive.finish();
    await rename(partial, path);
    const sidecar: BackupSidecar = { archive: { file, ...whole }, manifest };
    await writeFile(sidecarOf(path), JSON.stringify(sidecar, null, 2), { mode: 0o600 });
    // Not done until it is in the bucket: a failed upload fails the job, the archive stays here.
    const bucket = deps.bucket ?? bucketOf(deps.settings);
    const sent = bucket ? await sendToBucket(bucket, deps.settings, file) : undefined;
    await deps.db
      .update(dataJobs)
      .set({
        status: 'done',
        file,
        bytes: whole.bytes,
        sha256: whole.sha256,
        summary: { files: manifest.files.length, missing: missing.length, databaseKind: kind },
        finishedAt: new Date(),
      })
      .where(eq(dataJobs.id, jobId));
    const pruned = await pruneBackups(dir, deps.settings.keep);
    return { jobId, file, path, ...whole, manifest, pruned, ...(sent ? { bucket: sent } : {}) };
  } catch (error) {
    archive?.abort();
    await rm(partial, { force: true });
    await deps.db
      .update(dataJobs)
      .set({
        status: 'failed',
        error: (error as Error).message,
        // The archive is whole and kept in the folder; only its upload failed.
        ...(error instanceof BackupError && error.code === 'BACKUP_UPLOAD_FAILED' ? { file } : {}),
        finishedAt: new Date(),
      })
      .where(eq(dataJobs.id, jobId))
      .catch(() => undefined);
    throw error;
  } finally {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  }
}
