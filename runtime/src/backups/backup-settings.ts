import { resolve } from 'node:path';

/** Where backups go, how often they are made and how many are kept. */
export interface BackupSettings {
  /** The folder archives are written to (default `<data dir>/backups`). */
  dir: string;
  /** Archives kept; older ones are removed after each new backup (default 8: two months of weeks). */
  keep: number;
  /** Days between scheduled backups (default 7: the tender documents ask for weekly). */
  everyDays: number;
  /** Where workspace exports asked for through the API are written (default `<data dir>/exports`). */
  exportDir: string;
  /** When set, each finished backup is also uploaded here, and listing, retention and restore use it. */
  bucket?: BackupBucketSettings;
}

/** An S3-compatible bucket for backups (OMNIFLOW_BACKUP_S3_*), apart from the recordings' bucket. */
export interface BackupBucketSettings {
  /** An S3-compatible endpoint (MinIO, Ceph, Garage…); absent means AWS itself. */
  endpoint?: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Put before every object name, so one bucket can hold other things too. */
  prefix: string;
  /** `https://host/bucket/key`: most self-hosted servers need it (default on). */
  forcePathStyle: boolean;
}

function bucketSettingsFromEnv(env: Record<string, string | undefined>): BackupBucketSettings | undefined {
  if (!env.OMNIFLOW_BACKUP_S3_ENDPOINT && !env.OMNIFLOW_BACKUP_S3_BUCKET) return undefined;
  const missing = [
    'OMNIFLOW_BACKUP_S3_BUCKET',
    'OMNIFLOW_BACKUP_S3_ACCESS_KEY_ID',
    'OMNIFLOW_BACKUP_S3_SECRET_ACCESS_KEY',
  ].filter((name) => !env[name]);
  if (missing.length > 0)
    throw new Error(
      `Backups go to S3 but ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set`,
    );
  return {
    ...(env.OMNIFLOW_BACKUP_S3_ENDPOINT ? { endpoint: env.OMNIFLOW_BACKUP_S3_ENDPOINT } : {}),
    bucket: env.OMNIFLOW_BACKUP_S3_BUCKET!,
    region: env.OMNIFLOW_BACKUP_S3_REGION || 'us-east-1',
    accessKeyId: env.OMNIFLOW_BACKUP_S3_ACCESS_KEY_ID!,
    secretAccessKey: env.OMNIFLOW_BACKUP_S3_SECRET_ACCESS_KEY!,
    prefix: env.OMNIFLOW_BACKUP_S3_PREFIX ?? '',
    forcePathStyle: env.OMNIFLOW_BACKUP_S3_FORCE_PATH_STYLE !== 'false',
  };
}

function positiveInt(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1)
    throw new Error(`${name} must be a whole number of at least 1, not "${value}"`);
  return parsed;
}

/** OMNIFLOW_BACKUP_DIR, _KEEP, _EVERY_DAYS, _S3_* and OMNIFLOW_EXPORT_DIR, with their defaults. */
export function backupSettingsFromEnv(
  env: Record<string, string | undefined>,
  cwd = process.cwd(),
): BackupSettings {
  const home = resolve(cwd, env.OMNIFLOW_HOME ?? '.omniflow');
  const bucket = bucketSettingsFromEnv(env);
  return {
    dir: resolve(cwd, env.OMNIFLOW_BACKUP_DIR ?? resolve(home, 'backups')),
    keep: positiveInt(env.OMNIFLOW_BACKUP_KEEP, 8, 'OMNIFLOW_BACKUP_KEEP'),
    everyDays: positiveInt(env.OMNIFLOW_BACKUP_EVERY_DAYS, 7, 'OMNIFLOW_BACKUP_EVERY_DAYS'),
    exportDir: resolve(cwd, env.OMNIFLOW_EXPORT_DIR ?? resolve(home, 'exports')),
    ...(bucket ? { bucket } : {}),
  };
}
