import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { archiveManifestSchema, type ArchiveManifest } from './archive-manifest.ts';
import { BackupError } from './backup-error.ts';

/** Backups are `omniflow-backup-<UTC time>.tar`, so their names sort by age. */
export const backupNamePattern = /^omniflow-backup-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z\.tar$/;

export const backupNameAt = (at: Date) => `omniflow-backup-${at.toISOString().replace(/[:.]/g, '-')}.tar`;

/** Beside each archive, `<name>.json`: its manifest and its own size and checksum, for listing. */
export const sidecarOf = (archive: string) => `${archive}.json`;

export interface BackupListing {
  file: string;
  bytes: number;
  sha256: string | null;
  createdAt: string;
  databaseKind: 'postgres' | 'pglite' | null;
  schemaTag: string | null;
  storedFiles: number;
  missing: number;
}

export interface BackupSidecar {
  archive: { file: string; bytes: number; sha256: string };
  manifest: ArchiveManifest;
}

/** A backup's listing from its `.json` (absent or unreadable: from what the archive itself shows). */
export function listingFromSidecar(
  file: string,
  bytes: number,
  sidecarText: string | undefined,
  modifiedAt: Date,
): BackupListing {
  try {
    const sidecar = JSON.parse(sidecarText ?? '') as BackupSidecar;
    const manifest = archiveManifestSchema.parse(sidecar.manifest);
    return {
      file,
      bytes,
      sha256: sidecar.archive.sha256,
      createdAt: manifest.createdAt,
      databaseKind: manifest.database?.kind ?? null,
      schemaTag: manifest.database?.schema.lastTag ?? null,
      storedFiles: manifest.files.filter((f) => f.path.startsWith('store/')).length,
      missing: manifest.missing.length,
    };
  } catch {
    // No readable sidecar (copied in by hand): listed by what the file itself shows.
    return {
      file,
      bytes,
      sha256: null,
      createdAt: modifiedAt.toISOString(),
      databaseKind: null,
      schemaTag: null,
      storedFiles: 0,
      missing: 0,
    };
  }
}

async function listingOf(dir: string, file: string): Promise<BackupListing> {
  const { size, mtime } = await stat(join(dir, file));
  const sidecar = await readFile(join(dir, sidecarOf(file)), 'utf8').catch(() => undefined);
  return listingFromSidecar(file, size, sidecar, mtime);
}

/** The backups in `dir`, newest first. */
export async function listBackups(dir: string): Promise<BackupListing[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const archives = names
    .filter((name) => backupNamePattern.test(name))
    .sort()
    .reverse();
  return Promise.all(archives.map((file) => listingOf(dir, file)));
}

/** Removes all but the newest `keep` backups; answers the names removed. */
export async function pruneBackups(dir: string, keep: number): Promise<string[]> {
  const old = (await listBackups(dir)).slice(keep).map((b) => b.file);
  for (const file of old) {
    await rm(join(dir, file), { force: true });
    await rm(join(dir, sidecarOf(file)), { force: true });
  }
  return old;
}

/** A backup named on the command line: a path, or a name in the backup folder. */
export async function locateBackup(dir: string, given: string): Promise<string> {
  const candidates =
    isAbsolute(given) || given.includes('/') ? [resolve(given)] : [join(dir, given), resolve(given)];
  for (const path of candidates) {
    if (
      await stat(path).then(
        (s) => s.isFile(),
        () => false,
      )
    )
      return path;
  }
  throw new BackupError({ code: 'BACKUP_NOT_FOUND', name: basename(given), dir });
}
