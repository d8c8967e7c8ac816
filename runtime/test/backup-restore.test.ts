import { copyFile, mkdtemp, open, readdir, readFile, rm, stat, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { dataJobs, openDb, type DbHandle } from '@omniflow/db';
import { createBackup } from '../src/backups/create-backup.ts';
import { listBackups } from '../src/backups/backup-archives.ts';
import { BackupError } from '../src/backups/backup-error.ts';
import { restoreBackup, settleRestoredJobs, type RestoreTarget } from '../src/backups/restore-backup.ts';
import { createFilesystemRecordingStore } from '../src/recordings/filesystem-recording-store.ts';
import { bootstrapAdmin } from '../src/auth/bootstrap-admin.ts';
import { freshPostgresDatabase } from './support/postgres.ts';
import { seedWorkspaceData } from './support/seed-workspace-data.ts';
import { tableFingerprints } from './support/table-fingerprints.ts';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function readStore(dir: string, keys: Iterable<string>) {
  const out = new Map<string, Buffer>();
  for (const key of keys) out.set(key, await readFile(join(dir, key)));
  return out;
}

async function bytesOf(path: string) {
  return (await stat(path)).size;
}

/** One database of each kind, opened, wiped and reopened the way the CLI does. */
async function installOf(kind: 'pglite' | 'postgres') {
  const root = await mkdtemp(join(tmpdir(), `omniflow-backup-${kind}-`));
  cleanups.push(() => rm(root, { recursive: true, force: true }));
  let target: RestoreTarget;
  if (kind === 'postgres') {
    const fresh = await freshPostgresDatabase(inject('postgresUrl'));
    cleanups.push(fresh.drop);
    target = { kind, url: fresh.url };
  } else {
    target = { kind, dataDir: join(root, 'pglite') };
  }
  const open = () =>
    openDb(target.kind === 'postgres' ? { databaseUrl: target.url } : { dataDir: target.dataDir });
  const storeDir = join(root, 'recordings');
  return {
    root,
    target,
    open,
    storeDir,
    store: createFilesystemRecordingStore({ dir: storeDir }),
    settings: { dir: join(root, 'backups'), keep: 2, everyDays: 7, exportDir: join(root, 'exports') },
    /** Everything gone: the database's schemas (or the PGlite folder) and the stored files. */
    async wipe(handle: DbHandle) {
      if (target.kind === 'postgres') {
        await handle.db.execute(sql`drop schema drizzle cascade`);
        await handle.db.execute(sql`drop schema public cascade`);
        await handle.db.execute(sql`create schema public`);
        await handle.close();
      } else {
        await handle.close();
        await rm(target.dataDir, { recursive: true, force: true });
      }
      await rm(storeDir, { recursive: true, force: true });
    },
  };
}

for (const kind of ['pglite', 'postgres'] as const) {
  describe(`backup and restore (${kind})`, () => {
    it('backup → wipe → restore gives the same tables and the same stored bytes', async () => {
      const install = await installOf(kind);
      let handle = await install.open();
      await bootstrapAdmin(handle.db, {
        OMNIFLOW_ADMIN_EMAIL: 'a@example.test',
        OMNIFLOW_ADMIN_PASSWORD: 'correct horse battery',
      });
      const seeded = await seedWorkspaceData(handle.db, install.store);
      await seedWorkspaceData(handle.db, install.store, { contacts: 3 });
      // data_jobs changes while the backup runs (running → done): compared on its own below.
      const before = await tableFingerprints(handle.db, ['data_jobs']);
      const storedBefore = await readStore(install.storeDir, seeded.stored.keys());
      const progress: number[] = [];
      const backup = await createBackup(
        { db: handle.db, store: install.store, settings: install.settings },
        { trigger: 'cli', onProgress: (done) => progress.push(done) },
      );
      expect(backup.manifest.database?.kind).toBe(kind);
      expect(backup.manifest.files.filter((f) => f.path.startsWith('store/'))).toHaveLength(8);
      expect(backup.manifest.files.map((f) => f.path)).toContain(
        `store/${[...seeded.stored.keys()].find((k) => k.startsWith('prompts/'))}`,
      );
      expect(backup.manifest.missing).toEqual([]);
      expect(progress.at(-1)).toBe(9);
      const [job] = await handle.db.select().from(dataJobs);
      expect(job).toMatchObject({ status: 'done', file: backup.file, sha256: backup.sha256, trigger: 'cli' });
      const listed = await listBackups(install.settings.dir);
      expect(listed).toMatchObject([
        { file: backup.file, sha256: backup.sha256, databaseKind: kind, storedFiles: 8 },
      ]);

      await install.wipe(handle);
      await expect(stat(install.storeDir)).rejects.toThrow();

      await expect(
        restoreBackup({
          archive: backup.path,
          target: install.target,
          store: install.store,
          confirmed: false,
        }),
      ).rejects.toMatchObject({ code: 'BACKUP_NOT_CONFIRMED' });
      const phases = new Set<string>();
      await restoreBackup({
        archive: backup.path,
        target: install.target,
        store: install.store,
        confirmed: true,
        onProgress: (p) => phases.add(p.phase),
      });
      expect([...phases]).toEqual(['verify', 'restore']);
      handle = await install.open();
      await settleRestoredJobs(handle.db, backup.manifest, backup);
      expect(await tableFingerprints(handle.db, ['data_jobs'])).toEqual(before);
      expect(await readStore(install.storeDir, seeded.stored.keys())).toEqual(storedBefore);
      const [restoredJob] = await handle.db.select().from(dataJobs);
      expect(restoredJob).toMatchObject({ id: backup.jobId, status: 'done', file: backup.file });
      await handle.close();
    });

    it('refuses a damaged or cut-short archive and changes nothing', async () => {
      const install = await installOf(kind);
      let handle = await install.open();
      const seeded = await seedWorkspaceData(handle.db, install.store, { contacts: 5 });
      const backup = await createBackup(
        { db: handle.db, store: install.store, settings: install.settings },
        { trigger: 'api' },
      );
      if (kind === 'postgres') {
        // Omniflow still connected (this handle's pool): refused before anything changes.
        await expect(
          restoreBackup({
            archive: backup.path,
            target: install.target,
            store: install.store,
            confirmed: true,
          }),
        ).rejects.toMatchObject({ code: 'BACKUP_DATABASE_IN_USE' });
      }
      // A change after the backup: a refused restore must leave it in place.
      await handle.db.execute(
        sql`update contacts set display_name = 'después' where workspace_id = ${seeded.workspaceId}`,
      );
      const before = await tableFingerprints(handle.db);
      await handle.close();
      const storedBefore = await readStore(install.storeDir, seeded.stored.keys());

      // One byte flipped inside a stored recording (past the first headers).
      const recording = backup.manifest.files.find((f) => f.path.endsWith('.wav'))!;
      const damaged = join(install.root, 'damaged.tar');
      await writeCopyWithFlippedByte(backup.path, damaged, recording.path);
      const refused = await restoreBackup({
        archive: damaged,
        target: install.target,
        store: install.store,
        confirmed: true,
      }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(BackupError);
      expect(refused).toMatchObject({ code: 'BACKUP_DAMAGED' });
      expect((refused as Error).message).toContain(`${recording.path} does not match its checksum`);
      expect((refused as Error).message).toContain('Nothing was changed');

      const cut = join(install.root, 'cut.tar');
      await writeCopy(backup.path, cut);
      await truncate(cut, Math.floor((await bytesOf(cut)) / 2));
      await expect(
        restoreBackup({ archive: cut, target: install.target, store: install.store, confirmed: true }),
      ).rejects.toMatchObject({ code: 'BACKUP_CORRUPT' });
      await expect(
        restoreBackup({
          archive: join(install.root, 'nope.tar'),
          target: install.target,
          store: install.store,
          confirmed: true,
        }),
      ).rejects.toMatchObject({ code: 'BACKUP_NOT_FOUND' });

      handle = await install.open();
      expect(await tableFingerprints(handle.db)).toEqual(before);
      expect(await readStore(install.storeDir, seeded.stored.keys())).toEqual(storedBefore);
      await handle.close();
    });

    it.runIf(kind === 'postgres')('records a failed backup and leaves no partial archive', async () => {
      const install = await installOf(kind);
      const handle = await install.open();
      const path = process.env.PATH;
      // No pg_dump to be found: the failure a machine without postgresql-client meets.
      process.env.PATH = '/nonexistent';
      const failed = await createBackup(
        { db: handle.db, store: install.store, settings: install.settings },
        { trigger: 'schedule' },
      ).catch((e: unknown) => e);
      process.env.PATH = path;
      expect(failed).toMatchObject({ code: 'DUMP_TOOL_MISSING' });
      const [job] = await handle.db.select().from(dataJobs);
      expect(job).toMatchObject({ status: 'failed', file: null });
      expect(job!.error).toContain('postgresql-client');
      expect(await readdir(install.settings.dir)).toEqual([]);
      // The failed job does not block the next backup.
      const next = await createBackup(
        { db: handle.db, store: install.store, settings: install.settings },
        { trigger: 'schedule' },
      );
      expect(next.manifest.database?.kind).toBe('postgres');
      await handle.close();
    });

    it('keeps the newest N backups', async () => {
      const install = await installOf(kind);
      const handle = await install.open();
      const made: string[] = [];
      for (let day = 1; day <= 4; day++) {
        const result = await createBackup(
          {
            db: handle.db,
            store: install.store,
            settings: install.settings,
            now: () => new Date(Date.UTC(2026, 11, day, 3)),
          },
          { trigger: 'schedule' },
        );
        made.push(result.file);
        if (day >= 3) expect(result.pruned).toEqual([made[day - 3]]);
      }
      expect((await listBackups(install.settings.dir)).map((b) => b.file)).toEqual([made[3], made[2]]);
      const left = (await readdir(install.settings.dir)).sort();
      expect(left).toEqual([made[2], `${made[2]}.json`, made[3], `${made[3]}.json`].sort());
      await handle.close();
    });
  });
}

const writeCopy = (from: string, to: string) => copyFile(from, to);

/** Copies the archive and flips one byte in the middle of the named entry's data. */
async function writeCopyWithFlippedByte(from: string, to: string, entry: string) {
  await writeCopy(from, to);
  const bytes = await readFile(to);
  const at = bytes.indexOf(Buffer.from(entry));
  expect(at).toBeGreaterThanOrEqual(0);
  // The entry's data starts at the next 512-byte block after its header; flip a byte 100 in.
  const dataStart = Math.floor(at / 512) * 512 + 512;
  const file = await open(to, 'r+');
  const position = dataStart + 100;
  const one = Buffer.alloc(1);
  await file.read(one, 0, 1, position);
  one[0] = one[0]! ^ 0xff;
  await file.write(one, 0, 1, position);
  await file.close();
}
