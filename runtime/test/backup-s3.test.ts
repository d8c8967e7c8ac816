import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { sql } from 'drizzle-orm';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { dataJobs, openDb, type DbHandle } from '@omniflow/db';
import { OpenAPIHono } from '@hono/zod-openapi';
import { ApiError, errorBody } from '../src/api/api-error.ts';
import type { AppDeps, AppEnv } from '../src/api/app-deps.ts';
import { backupRoutes } from '../src/api/routes/backups.ts';
import { createBackup } from '../src/backups/create-backup.ts';
import { fetchBackup, listConfiguredBackups } from '../src/backups/backup-location.ts';
import type { BackupBucketSettings, BackupSettings } from '../src/backups/backup-settings.ts';
import { backupSettingsFromEnv } from '../src/backups/backup-settings.ts';
import { restoreBackup, settleRestoredJobs } from '../src/backups/restore-backup.ts';
import { verifyArchive } from '../src/backups/verify-archive.ts';
import { createFilesystemRecordingStore } from '../src/recordings/filesystem-recording-store.ts';
import { freshPostgresDatabase } from './support/postgres.ts';
import { seedWorkspaceData } from './support/seed-workspace-data.ts';
import { tableFingerprints } from './support/table-fingerprints.ts';

// The peer is s3rver: a real S3-protocol server on loopback (objects on disk, signatures and
// access keys checked, multipart uploads), so what the AWS SDK sends and gets is the wire's own.

const root = await mkdtemp(join(tmpdir(), 'omniflow-backup-s3-'));
const cleanups: (() => Promise<void>)[] = [];
let server: S3rver;
let endpoint: string;
const created: [event: string, key: string][] = [];

beforeAll(async () => {
  server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: join(root, 'objects'),
    configureBuckets: [{ name: 'backups', configs: [] }],
  });
  server.on('event', (event) => {
    for (const record of event.Records)
      created.push([record.eventName, decodeURIComponent(record.s3.object.key)]);
  });
  const address: AddressInfo = await server.run();
  endpoint = `http://127.0.0.1:${address.port}`;
});
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  await server?.close();
  await rm(root, { recursive: true, force: true });
});

const bucketSettings = (prefix: string, over: Partial<BackupBucketSettings> = {}): BackupBucketSettings => ({
  endpoint,
  bucket: 'backups',
  region: 'us-east-1',
  accessKeyId: 'S3RVER',
  secretAccessKey: 'S3RVER',
  prefix,
  forcePathStyle: true,
  ...over,
});

/** The bucket as a stranger sees it: raw keys under a prefix. */
function raw() {
  const client = new S3Client({
    region: 'us-east-1',
    endpoint,
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  return {
    async keys(prefix: string) {
      const page = await client.send(new ListObjectsV2Command({ Bucket: 'backups', Prefix: prefix }));
      return (page.Contents ?? []).map((o) => o.Key!).sort();
    },
    async bytes(key: string) {
      const answer = await client.send(new GetObjectCommand({ Bucket: 'backups', Key: key }));
      return Buffer.from(await answer.Body!.transformToByteArray());
    },
    put: (key: string, body: Buffer) =>
      client.send(new PutObjectCommand({ Bucket: 'backups', Key: key, Body: body })),
  };
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Each stored file's sha256 by key (comparing 9 MiB buffers byte by byte in expect is slow). */
async function readStore(dir: string, keys: Iterable<string>) {
  const out = new Map<string, string>();
  for (const key of keys) out.set(key, sha256(await readFile(join(dir, key))));
  return out;
}

/** A PostgreSQL install whose backups go to the bucket under `prefix`. */
async function installOf(prefix: string, keep = 2) {
  const dir = await mkdtemp(join(root, 'install-'));
  const fresh = await freshPostgresDatabase(inject('postgresUrl'));
  cleanups.push(fresh.drop);
  const storeDir = join(dir, 'recordings');
  const settings: BackupSettings = {
    dir: join(dir, 'backups'),
    keep,
    everyDays: 7,
    exportDir: join(dir, 'exports'),
    bucket: bucketSettings(prefix),
  };
  return {
    url: fresh.url,
    storeDir,
    store: createFilesystemRecordingStore({ dir: storeDir }),
    settings,
    open: () => openDb({ databaseUrl: fresh.url }),
    async wipe(handle: DbHandle) {
      await handle.db.execute(sql`drop schema drizzle cascade`);
      await handle.db.execute(sql`drop schema public cascade`);
      await handle.db.execute(sql`create schema public`);
      await handle.close();
      await rm(storeDir, { recursive: true, force: true });
      // The local copies too: the restore below can only come from the bucket.
      await rm(settings.dir, { recursive: true, force: true });
    },
  };
}

describe('backups in an S3-compatible bucket (PostgreSQL)', () => {
  it('reads its settings from OMNIFLOW_BACKUP_S3_* and names what is missing', () => {
    expect(backupSettingsFromEnv({}).bucket).toBeUndefined();
    expect(
      backupSettingsFromEnv({
        OMNIFLOW_BACKUP_S3_ENDPOINT: 'http://127.0.0.1:9000',
        OMNIFLOW_BACKUP_S3_BUCKET: 'b',
        OMNIFLOW_BACKUP_S3_ACCESS_KEY_ID: 'k',
        OMNIFLOW_BACKUP_S3_SECRET_ACCESS_KEY: 's',
        OMNIFLOW_BACKUP_S3_PREFIX: 'omniflow/',
        OMNIFLOW_BACKUP_S3_FORCE_PATH_STYLE: 'false',
      }).bucket,
    ).toEqual({
      endpoint: 'http://127.0.0.1:9000',
      bucket: 'b',
      region: 'us-east-1',
      accessKeyId: 'k',
      secretAccessKey: 's',
      prefix: 'omniflow/',
      forcePathStyle: false,
    });
    expect(() => backupSettingsFromEnv({ OMNIFLOW_BACKUP_S3_BUCKET: 'b' })).toThrow(
      'Backups go to S3 but OMNIFLOW_BACKUP_S3_ACCESS_KEY_ID, OMNIFLOW_BACKUP_S3_SECRET_ACCESS_KEY are not set',
    );
  });

  it('backup → archive and manifest in the bucket → wipe → restore from the bucket gives the same data', async () => {
    const install = await installOf('site-a/');
    let handle = await install.open();
    const seeded = await seedWorkspaceData(handle.db, install.store, { contacts: 20 });
    // One recording of 9 MiB, so the archive goes up in more than one part (parts are 8 MiB).
    const big = [...seeded.stored.keys()].find((key) => key.endsWith('.wav'))!;
    await writeFile(join(install.storeDir, big), randomBytes(9 * 1024 * 1024));
    const before = await tableFingerprints(handle.db, ['data_jobs']);
    const storedBefore = await readStore(install.storeDir, seeded.stored.keys());

    const backup = await createBackup(
      { db: handle.db, store: install.store, settings: install.settings },
      { trigger: 'cli' },
    );
    expect(backup.bytes).toBeGreaterThan(9 * 1024 * 1024);
    expect(backup.bucket).toEqual({ where: 's3://backups/site-a/', uploaded: [backup.file], pruned: [] });
    const bucket = raw();
    expect(await bucket.keys('site-a/')).toEqual([`site-a/${backup.file}`, `site-a/${backup.file}.json`]);
    expect(sha256(await bucket.bytes(`site-a/${backup.file}`))).toBe(backup.sha256);
    // The archive went up as a multipart upload (completed by a POST); its small manifest copy in one PUT.
    expect(created.filter(([, key]) => key.startsWith('site-a/'))).toEqual([
      ['ObjectCreated:Post', `site-a/${backup.file}`],
      ['ObjectCreated:Put', `site-a/${backup.file}.json`],
    ]);
    const sidecar = JSON.parse((await bucket.bytes(`site-a/${backup.file}.json`)).toString('utf8'));
    expect(sidecar).toMatchObject({ archive: { file: backup.file, sha256: backup.sha256 } });
    expect(sidecar.manifest.files).toEqual(backup.manifest.files);
    const [job] = await handle.db.select().from(dataJobs);
    expect(job).toMatchObject({ status: 'done', file: backup.file, error: null });
    expect(await listConfiguredBackups(install.settings)).toEqual({
      where: 's3://backups/site-a/',
      items: [
        expect.objectContaining({
          file: backup.file,
          bytes: backup.bytes,
          sha256: backup.sha256,
          databaseKind: 'postgres',
          storedFiles: backup.manifest.files.filter((f) => f.path.startsWith('store/')).length,
        }),
      ],
    });

    await install.wipe(handle);
    const fetched = await fetchBackup(install.settings, backup.file);
    expect(fetched.path.startsWith(install.settings.dir)).toBe(false);
    const manifest = await restoreBackup({
      archive: fetched.path,
      target: { kind: 'postgres', url: install.url },
      store: install.store,
      confirmed: true,
    });
    await fetched.done();
    await expect(stat(fetched.path)).rejects.toThrow();
    handle = await install.open();
    await settleRestoredJobs(handle.db, manifest, backup);
    expect(await tableFingerprints(handle.db, ['data_jobs'])).toEqual(before);
    expect(await readStore(install.storeDir, seeded.stored.keys())).toEqual(storedBefore);
    await handle.close();
  });

  it('keeps the newest N backups in the bucket too, and only under its own prefix', async () => {
    const install = await installOf('site-b/', 2);
    await raw().put('site-b-other/keep-me.txt', Buffer.from('not ours'));
    const handle = await install.open();
    await seedWorkspaceData(handle.db, install.store, { contacts: 2 });
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
      if (day >= 3) expect(result.bucket?.pruned).toEqual([made[day - 3]]);
    }
    expect((await listConfiguredBackups(install.settings)).items.map((b) => b.file)).toEqual([
      made[3],
      made[2],
    ]);
    expect(await raw().keys('site-b/')).toEqual(
      [made[2]!, `${made[2]}.json`, made[3]!, `${made[3]}.json`].map((name) => `site-b/${name}`).sort(),
    );
    expect(await raw().keys('site-b-other/')).toEqual(['site-b-other/keep-me.txt']);
    await handle.close();
  });

  it('wrong credentials: the backup fails in the provider’s words, the archive stays, the next backup uploads it', async () => {
    const install = await installOf('site-c/', 3);
    const handle = await install.open();
    await seedWorkspaceData(handle.db, install.store, { contacts: 2 });
    const wrong: BackupSettings = {
      ...install.settings,
      bucket: bucketSettings('site-c/', { accessKeyId: 'NOT-OURS' }),
    };
    const failed = await createBackup(
      { db: handle.db, store: install.store, settings: wrong, now: () => new Date(Date.UTC(2026, 11, 1, 3)) },
      { trigger: 'schedule' },
    ).catch((e: unknown) => e);
    expect(failed).toMatchObject({ code: 'BACKUP_UPLOAD_FAILED' });
    const message = (failed as Error).message;
    expect(message).toMatch(
      /^Could not upload omniflow-backup-2026-12-01T03-00-00-000Z\.tar to s3:\/\/backups\/site-c\/: /,
    );
    expect(message).toMatch(/Access Key Id you provided does not exist/);
    expect(message).toContain(`The backup is kept in ${install.settings.dir}`);
    const [job] = await handle.db.select().from(dataJobs);
    expect(job).toMatchObject({
      status: 'failed',
      error: message,
      file: 'omniflow-backup-2026-12-01T03-00-00-000Z.tar',
    });
    // Nothing lost here: the archive and its manifest copy are whole.
    const kept = join(install.settings.dir, job!.file!);
    expect((await readdir(install.settings.dir)).sort()).toEqual([job!.file!, `${job!.file!}.json`]);
    await verifyArchive(kept);
    expect(await raw().keys('site-c/')).toEqual([]);
    // Listing the bucket with wrong keys says so instead of showing an empty list.
    await expect(listConfiguredBackups(wrong)).rejects.toMatchObject({ code: 'BACKUP_BUCKET_UNREACHABLE' });

    const next = await createBackup(
      {
        db: handle.db,
        store: install.store,
        settings: install.settings,
        now: () => new Date(Date.UTC(2026, 11, 8, 3)),
      },
      { trigger: 'schedule' },
    );
    expect(next.bucket?.uploaded).toEqual([next.file, job!.file!]);
    expect((await listConfiguredBackups(install.settings)).items.map((b) => b.file)).toEqual([
      next.file,
      job!.file!,
    ]);
    expect(sha256(await raw().bytes(`site-c/${job!.file!}`))).toBe(sha256(await readFile(kept)));
    await handle.close();
  });

  it('refuses a corrupted object at restore and changes nothing; a name not in the bucket is not found', async () => {
    const install = await installOf('site-d/');
    let handle = await install.open();
    const seeded = await seedWorkspaceData(handle.db, install.store, { contacts: 3 });
    const backup = await createBackup(
      { db: handle.db, store: install.store, settings: install.settings },
      { trigger: 'api' },
    );
    await handle.db.execute(
      sql`update contacts set display_name = 'después' where workspace_id = ${seeded.workspaceId}`,
    );
    const before = await tableFingerprints(handle.db);
    await handle.close();
    const storedBefore = await readStore(install.storeDir, seeded.stored.keys());

    // One byte flipped inside a stored recording's data, in the bucket's copy only.
    const bucket = raw();
    const bytes = await bucket.bytes(`site-d/${backup.file}`);
    const entry = backup.manifest.files.find((f) => f.path.endsWith('.wav'))!.path;
    const at = Math.floor(bytes.indexOf(Buffer.from(entry)) / 512) * 512 + 512 + 100;
    bytes[at] = bytes[at]! ^ 0xff;
    await bucket.put(`site-d/${backup.file}`, bytes);

    const fetched = await fetchBackup(install.settings, backup.file);
    const refused = await restoreBackup({
      archive: fetched.path,
      target: { kind: 'postgres', url: install.url },
      store: install.store,
      confirmed: true,
    }).catch((e: unknown) => e);
    await fetched.done();
    expect(refused).toMatchObject({ code: 'BACKUP_DAMAGED' });
    expect((refused as Error).message).toContain(`${entry} does not match its checksum`);
    expect((refused as Error).message).toContain('Nothing was changed');

    await expect(
      fetchBackup(install.settings, 'omniflow-backup-2020-01-01T00-00-00-000Z.tar'),
    ).rejects.toMatchObject({
      code: 'BACKUP_NOT_FOUND',
      message: expect.stringContaining('s3://backups/site-d/'),
    });

    handle = await install.open();
    expect(await tableFingerprints(handle.db)).toEqual(before);
    expect(await readStore(install.storeDir, seeded.stored.keys())).toEqual(storedBefore);
    await handle.close();
  });
  it('GET /backups lists the bucket, and says in the caller’s language when the bucket cannot be read', async () => {
    const install = await installOf('site-e/');
    const handle = await install.open();
    await seedWorkspaceData(handle.db, install.store, { contacts: 1 });
    const backup = await createBackup(
      { db: handle.db, store: install.store, settings: install.settings },
      { trigger: 'api' },
    );
    // Only the local copy of the next one: the listing must come from the bucket, not the folder.
    await rm(join(install.settings.dir, backup.file));
    // The backups routes as create-app mounts them, with its way of answering an ApiError.
    const api = (settings: BackupSettings) => {
      const app = new OpenAPIHono<AppEnv>();
      app.route(
        '/',
        backupRoutes({ db: handle.db, backupSettings: settings, recordingStore: install.store } as AppDeps & {
          recordingStore: typeof install.store;
        }),
      );
      app.onError((error, c) =>
        error instanceof ApiError
          ? c.json(errorBody(error.code, error.message), error.status)
          : c.json(errorBody('INTERNAL', error.message), 500),
      );
      return app;
    };
    const listed = await api(install.settings).request('/backups');
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as { items: unknown[] }).items).toEqual([
      expect.objectContaining({ file: backup.file, sha256: backup.sha256, databaseKind: 'postgres' }),
    ]);
    const wrong = { ...install.settings, bucket: bucketSettings('site-e/', { accessKeyId: 'NOT-OURS' }) };
    const refused = await api(wrong).request('/backups', { headers: { 'accept-language': 'es' } });
    expect(refused.status).toBe(502);
    expect(await refused.json()).toMatchObject({
      error: {
        code: 'BACKUP_BUCKET_UNREACHABLE',
        message: expect.stringMatching(
          /^No se pudo leer el bucket de copias s3:\/\/backups\/site-e\/: The AWS Access Key Id you provided does not exist/,
        ),
      },
    });
    await handle.close();
  });
});
