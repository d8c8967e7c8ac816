import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backupNamePattern, listBackups, locateBackup, type BackupListing } from './backup-archives.ts';
import { BackupError } from './backup-error.ts';
import type { BackupSettings } from './backup-settings.ts';
import { providerWords } from './backup-bucket.ts';
import { bucketOf } from './upload-backups.ts';

/** Where the install's backups are listed from: the bucket when backups go to one, else the folder. */
export async function listConfiguredBackups(
  settings: BackupSettings,
): Promise<{ where: string; items: BackupListing[] }> {
  const bucket = bucketOf(settings);
  if (!bucket) return { where: settings.dir, items: await listBackups(settings.dir) };
  try {
    return { where: bucket.where, items: await bucket.list() };
  } catch (error) {
    throw new BackupError({
      code: 'BACKUP_BUCKET_UNREACHABLE',
      bucket: bucket.where,
      reason: providerWords(error),
    });
  }
}

/**
 * The archive a restore reads. A path is read where it is; a bare name comes from the bucket when
 * backups go to one (downloaded to a private temporary folder, removed by `done`), else, or when
 * the bucket lacks it (an upload that failed), from the folder.
 */
export async function fetchBackup(
  settings: BackupSettings,
  given: string,
): Promise<{ path: string; done: () => Promise<void> }> {
  const bucket = bucketOf(settings);
  const bare = !given.includes('/');
  if (bucket && bare && backupNamePattern.test(given)) {
    const scratch = await mkdtemp(join(tmpdir(), 'omniflow-restore-'));
    const path = join(scratch, given);
    const done = () => rm(scratch, { recursive: true, force: true });
    try {
      await bucket.download(given, path);
      return { path, done };
    } catch (error) {
      await done();
      if (!(error instanceof BackupError && error.code === 'BACKUP_NOT_FOUND')) throw error;
      const local = await locateBackup(settings.dir, given).catch(() => {
        throw error;
      });
      return { path: local, done: async () => {} };
    }
  }
  return { path: await locateBackup(settings.dir, given), done: async () => {} };
}
