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
}

function positiveInt(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1)
    throw new Error(`${name} must be a whole number of at least 1, not "${value}"`);
  return parsed;
}

/** OMNIFLOW_BACKUP_DIR, _KEEP, _EVERY_DAYS and OMNIFLOW_EXPORT_DIR, with their defaults. */
export function backupSettingsFromEnv(
  env: Record<string, string | undefined>,
  cwd = process.cwd(),
): BackupSettings {
  const home = resolve(cwd, env.OMNIFLOW_HOME ?? '.omniflow');
  return {
    dir: resolve(cwd, env.OMNIFLOW_BACKUP_DIR ?? resolve(home, 'backups')),
    keep: positiveInt(env.OMNIFLOW_BACKUP_KEEP, 8, 'OMNIFLOW_BACKUP_KEEP'),
    everyDays: positiveInt(env.OMNIFLOW_BACKUP_EVERY_DAYS, 7, 'OMNIFLOW_BACKUP_EVERY_DAYS'),
    exportDir: resolve(cwd, env.OMNIFLOW_EXPORT_DIR ?? resolve(home, 'exports')),
  };
}
