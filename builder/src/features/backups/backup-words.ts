import type { MessageKey } from '../../i18n/catalog.ts';

/** The kind of database in words; null is an archive copied in with no manifest beside it. */
export function databaseWords(kind: 'postgres' | 'pglite' | null): MessageKey {
  return kind === 'postgres'
    ? 'backups.db.postgres'
    : kind === 'pglite'
      ? 'backups.db.pglite'
      : 'backups.db.unknown';
}

/** The start of a checksum is enough to compare by eye with `omniflow backup list`. */
export const shortChecksum = (sha256: string) => `${sha256.slice(0, 12)}…`;

/** The command a person runs on the server to restore one backup (README, "Restore"). */
export const restoreCommand = (file: string) => `omniflow restore ${file} --yes`;
