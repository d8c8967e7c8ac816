import { Context } from '@temporalio/activity';
import type { Db } from '@omniflow/db';
import type { RecordingStore } from '../recordings/recording-store.ts';
import { createBackup } from './create-backup.ts';
import type { BackupSettings } from './backup-settings.ts';

/** What the scheduled backup workflow reports: the archive written and the ones removed. */
export interface ScheduledBackupResult {
  file: string;
  bytes: number;
  sha256: string;
  pruned: string[];
}

export function createBackupActivities(deps: {
  db: Db;
  store: () => RecordingStore;
  settings: () => BackupSettings;
}) {
  return {
    async runScheduledBackup(): Promise<ScheduledBackupResult> {
      const result = await createBackup(
        { db: deps.db, store: deps.store(), settings: deps.settings() },
        { trigger: 'schedule', onProgress: (done, total) => Context.current().heartbeat({ done, total }) },
      );
      return { file: result.file, bytes: result.bytes, sha256: result.sha256, pruned: result.pruned };
    },
  };
}

export type BackupActivities = ReturnType<typeof createBackupActivities>;
