import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { and, eq, ne } from 'drizzle-orm';
import {
  codeSchemaVersion,
  dataJobs,
  otherPostgresSessions,
  restorePgliteDump,
  restorePostgresDump,
  type Db,
} from '@omniflow/db';
import type { RecordingStore } from '../recordings/recording-store.ts';
import { manifestPath, type ArchiveManifest } from './archive-manifest.ts';
import { readArchive } from './archive-reader.ts';
import { BackupError } from './backup-error.ts';
import { verifyArchive } from './verify-archive.ts';

/** Which database a restore replaces. */
export type RestoreTarget = { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };

export interface RestoreProgress {
  /** Checking counts bytes read; restoring counts files put back. */
  phase: 'verify' | 'restore';
  done: number;
  total: number;
}

const contentTypeOf = (key: string) => (key.endsWith('.wav') ? 'audio/wav' : 'application/octet-stream');

/**
 * Puts a backup back: the whole archive is checked against its manifest first (a mismatch
 * refuses with BACKUP_CORRUPT and touches nothing), then the stored files are written back to
 * the store and the database is replaced in one step. No process may use the database
 * meanwhile. The caller migrates afterwards, so an older backup is brought up to this code.
 */
export async function restoreBackup(options: {
  archive: string;
  target: RestoreTarget;
  store: RecordingStore;
  confirmed: boolean;
  onProgress?: (progress: RestoreProgress) => void;
}): Promise<ArchiveManifest> {
  if (!options.confirmed) throw new BackupError({ code: 'BACKUP_NOT_CONFIRMED' });
  const manifest = await verifyArchive(options.archive, (done, total) =>
    options.onProgress?.({ phase: 'verify', done, total }),
  );
  const database = manifest.database;
  if (manifest.format !== 'omniflow-backup' || !database)
    throw new BackupError({
      code: 'BACKUP_CORRUPT',
      file: basename(options.archive),
      reason: 'not-a-backup',
    });
  if (database.kind !== options.target.kind)
    throw new BackupError({
      code: 'BACKUP_WRONG_DATABASE',
      backup: database.kind,
      install: options.target.kind,
    });
  const code = codeSchemaVersion();
  if (database.schema.lastAt > code.lastAt)
    throw new BackupError({
      code: 'BACKUP_TOO_NEW',
      backup: database.schema.lastTag ?? String(database.schema.migrations),
      current: code.lastTag ?? String(code.migrations),
    });
  if (options.target.kind === 'postgres') {
    // The embedded database has its lock file; PostgreSQL is asked who else is connected.
    // A process just stopped may still be listed for a moment: asked again for up to 5 s.
    let sessions = await otherPostgresSessions(options.target.url);
    for (let waited = 0; sessions > 0 && waited < 5000; waited += 250) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      sessions = await otherPostgresSessions(options.target.url);
    }
    if (sessions > 0) throw new BackupError({ code: 'BACKUP_DATABASE_IN_USE', sessions });
  }
  const scratch = await mkdtemp(join(dirname(options.archive), '.restore-'));
  try {
    const dumpFile = join(scratch, 'database');
    let done = 0;
    await readArchive(options.archive, async (path, _size, stream) => {
      if (path === manifestPath) return;
      if (path === database.file) {
        await pipeline(stream, createWriteStream(dumpFile, { mode: 0o600 }));
      } else if (path.startsWith('store/')) {
        const copy = join(scratch, 'object');
        await pipeline(stream, createWriteStream(copy));
        const key = path.slice('store/'.length);
        await options.store.put(key, copy, contentTypeOf(key));
        await rm(copy, { force: true });
      }
      options.onProgress?.({ phase: 'restore', done: ++done, total: manifest.files.length });
    });
    // The stored files first: were they to fail, the database still names what it named before.
    if (options.target.kind === 'postgres') await restorePostgresDump(options.target.url, dumpFile);
    else await restorePgliteDump(options.target.dataDir, dumpFile);
    return manifest;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/**
 * The restored database was dumped while its own backup ran: that job is marked done, and any
 * other job caught running at that moment failed (its process is not coming back).
 */
export async function settleRestoredJobs(
  db: Db,
  manifest: ArchiveManifest,
  archive: { file: string; bytes: number },
): Promise<void> {
  const finishedAt = new Date(manifest.createdAt);
  if (manifest.jobId) {
    const archived = manifest.database
      ? {
          summary: {
            files: manifest.files.length,
            missing: manifest.missing.length,
            databaseKind: manifest.database.kind,
          },
        }
      : {};
    await db
      .update(dataJobs)
      .set({ status: 'done', finishedAt, file: archive.file, bytes: archive.bytes, ...archived })
      .where(and(eq(dataJobs.id, manifest.jobId), eq(dataJobs.status, 'running')));
  }
  await db
    .update(dataJobs)
    .set({
      status: 'failed',
      error: 'Cut short: the database was restored from a backup taken while it ran',
      finishedAt,
    })
    .where(
      and(
        eq(dataJobs.status, 'running'),
        ne(dataJobs.id, manifest.jobId ?? '00000000-0000-0000-0000-000000000000'),
      ),
    );
}
