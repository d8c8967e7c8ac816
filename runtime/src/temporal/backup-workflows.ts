import { proxyActivities } from '@temporalio/workflow';
import type { BackupActivities, ScheduledBackupResult } from '../backups/backup-activities.ts';

const activities = proxyActivities<BackupActivities>({
  // A large install's recordings take a while; the heartbeat shows it is still copying.
  startToCloseTimeout: '12h',
  heartbeatTimeout: '10m',
  // A second try after a passing failure (disk, database blip); then the failed job row says why.
  retry: { initialInterval: '5m', maximumAttempts: 2 },
});

/** Started by the `omniflow-backup` schedule (weekly by default). */
export async function scheduledBackup(): Promise<ScheduledBackupResult> {
  return activities.runScheduledBackup();
}
