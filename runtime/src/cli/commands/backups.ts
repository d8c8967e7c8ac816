import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { Command } from 'commander';
import { openDb, type DbHandle } from '@omniflow/db';
import { lockEmbeddedDatabase } from '../../server/embedded-lock.ts';
import { backupSettingsFromEnv } from '../../backups/backup-settings.ts';
import { BackupError } from '../../backups/backup-error.ts';
import { fetchBackup, listConfiguredBackups } from '../../backups/backup-location.ts';
import type { RestoreTarget } from '../../backups/restore-backup.ts';
import { arg, t } from '../cli-i18n.ts';
import { progressBar } from '../progress-bar.ts';
import { bytesText } from '../bytes-text.ts';

type OpenForCommand = (purpose: string) => Promise<DbHandle & { release: () => void }>;

// The store (an S3 client, maybe) and the dump code load only when a command runs, as in main.ts.
const recordingStore = async () =>
  (await import('../../recordings/recording-store-from-env.ts')).recordingStoreFromEnv(process.env);

/** A bar made once the total is known (the first progress report says it). */
function lazyBar(label: string) {
  let bar: ReturnType<typeof progressBar> | undefined;
  return {
    update(done: number, total: number) {
      bar ??= progressBar(label, total);
      bar.update(done);
    },
    done: () => bar?.done(),
  };
}

/** `omniflow backup now|list` and `omniflow restore <backup> --yes`, on this machine's database. */
export function registerBackupCommands(program: Command, openForCommand: OpenForCommand) {
  const backup = program.command('backup').description(t('backup.description'));
  backup
    .command('now')
    .description(t('backup.now.description'))
    .option('--json', t('backup.option.json'))
    .action(async (flags: { json?: boolean }) => {
      const settings = backupSettingsFromEnv(process.env);
      const { createBackup } = await import('../../backups/create-backup.ts');
      const store = await recordingStore();
      const handle = await openForCommand('omniflow backup now');
      const bar = lazyBar(t('backup.progress'));
      try {
        const result = await createBackup(
          { db: handle.db, store, settings },
          { trigger: 'cli', onProgress: (done, total) => bar.update(done, total) },
        );
        bar.done();
        if (flags.json) {
          console.log(
            JSON.stringify(
              {
                file: result.path,
                bytes: result.bytes,
                sha256: result.sha256,
                pruned: result.pruned,
                ...(result.bucket ? { bucket: result.bucket } : {}),
              },
              null,
              2,
            ),
          );
          return;
        }
        console.log(
          t('backup.done', { path: result.path, size: bytesText(result.bytes), sha256: result.sha256 }),
        );
        if (result.manifest.missing.length > 0)
          console.log(t('backup.missing', { count: result.manifest.missing.length }));
        if (result.bucket)
          console.log(
            t('backup.uploaded', { bucket: result.bucket.where, files: result.bucket.uploaded.join(', ') }),
          );
        const pruned = [...new Set([...result.pruned, ...(result.bucket?.pruned ?? [])])];
        if (pruned.length > 0)
          console.log(t('backup.pruned', { keep: settings.keep, files: pruned.join(', ') }));
      } finally {
        await handle.close();
        handle.release();
      }
    });

  backup
    .command('list')
    .description(t('backup.list.description'))
    .option('--json', t('backup.option.json'))
    .action(async (flags: { json?: boolean }) => {
      const { where: dir, items: backups } = await listConfiguredBackups(backupSettingsFromEnv(process.env));
      if (flags.json) return console.log(JSON.stringify(backups, null, 2));
      if (backups.length === 0) return console.log(t('backup.list.empty', { dir }));
      console.log(t('backup.list.folder', { dir }));
      for (const b of backups)
        console.log(
          t('backup.list.line', {
            createdAt: b.createdAt,
            file: b.file,
            size: bytesText(b.bytes),
            database: b.databaseKind ?? '?',
            files: b.storedFiles,
          }),
        );
    });

  program
    .command(`restore ${arg('backup')}`)
    .description(t('restore.description'))
    .option('--yes', t('restore.option.yes'))
    .action(async (given: string, flags: { yes?: boolean }) => {
      const { restoreBackup, settleRestoredJobs } = await import('../../backups/restore-backup.ts');
      const store = await recordingStore();
      const dataDir = resolve(process.env.OMNIFLOW_HOME ?? '.omniflow', 'pglite');
      const url = process.env.DATABASE_URL;
      // The embedded database must not be open anywhere else while its folder is replaced.
      const release = url ? () => {} : lockEmbeddedDatabase(dataDir, 'omniflow restore');
      let fetched: Awaited<ReturnType<typeof fetchBackup>> | undefined;
      try {
        // Asked before a download that may be large; restoreBackup asks again for its other callers.
        if (flags.yes !== true) throw new BackupError({ code: 'BACKUP_NOT_CONFIRMED' });
        // From the bucket when backups go to one: downloaded, then checked like any archive.
        fetched = await fetchBackup(backupSettingsFromEnv(process.env), given);
        const archive = fetched.path;
        const target: RestoreTarget = url ? { kind: 'postgres', url } : { kind: 'pglite', dataDir };
        const bars = { verify: lazyBar(t('restore.verifying')), restore: lazyBar(t('restore.restoring')) };
        const manifest = await restoreBackup({
          archive,
          target,
          store,
          confirmed: flags.yes === true,
          onProgress: ({ phase, done, total }) => {
            if (phase === 'restore') bars.verify.done();
            bars[phase].update(done, total);
          },
        });
        bars.restore.done();
        // Migrations bring an older backup up to this code.
        const handle = await openDb(url ? { databaseUrl: url } : { dataDir });
        await settleRestoredJobs(handle.db, manifest, {
          file: basename(archive),
          bytes: (await stat(archive)).size,
        });
        await handle.close();
        console.log(t('restore.done', { file: basename(archive), createdAt: manifest.createdAt }));
      } finally {
        release();
        await fetched?.done();
      }
    });
}
