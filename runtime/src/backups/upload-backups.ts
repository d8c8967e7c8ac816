import { join } from 'node:path';
import { listBackups, sidecarOf } from './backup-archives.ts';
import { createBackupBucket, providerWords, type BackupBucket } from './backup-bucket.ts';
import { BackupError } from './backup-error.ts';
import type { BackupSettings } from './backup-settings.ts';

export interface BucketOutcome {
  /** `s3://bucket/prefix`. */
  where: string;
  /** Archives uploaded this time: the new one, and any kept locally that an earlier failure left behind. */
  uploaded: string[];
  /** Archives removed from the bucket to keep `keep`. */
  pruned: string[];
}

/** The settings' bucket, if backups go to one. */
export function bucketOf(settings: BackupSettings): BackupBucket | undefined {
  return settings.bucket ? createBackupBucket(settings.bucket) : undefined;
}

/**
 * Sends a finished backup to the bucket. An archive whose upload failed earlier is still in the
 * folder: any of the newest `keep` there that the bucket lacks goes up too, so the next backup
 * (the schedule's, or one started by hand) is the retry. Then the bucket keeps its newest `keep`.
 * A failure names the provider's reason and leaves every local file in place.
 */
export async function sendToBucket(
  bucket: BackupBucket,
  settings: BackupSettings,
  file: string,
): Promise<BucketOutcome> {
  const uploaded: string[] = [];
  let current = file;
  try {
    const inBucket = new Set((await bucket.list()).map((b) => b.file));
    const local = (await listBackups(settings.dir)).slice(0, settings.keep).map((b) => b.file);
    const due = [file, ...local.filter((name) => name !== file && !inBucket.has(name))];
    for (const name of due) {
      current = name;
      const path = join(settings.dir, name);
      await bucket.upload(path, sidecarOf(path), name);
      uploaded.push(name);
    }
    current = file;
    const pruned = await bucket.prune(settings.keep);
    return { where: bucket.where, uploaded, pruned };
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError({
      code: 'BACKUP_UPLOAD_FAILED',
      file: current,
      bucket: bucket.where,
      reason: providerWords(error),
      dir: settings.dir,
    });
  }
}
