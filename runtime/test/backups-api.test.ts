import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataJobs, newId, workspaces } from '@omniflow/db';
import { createApiKey } from '../src/api/api-keys.ts';
import { listBackups } from '../src/backups/backup-archives.ts';
import { backupScheduleId, ensureBackupSchedule } from '../src/backups/backup-schedule.ts';
import { verifyArchive } from '../src/backups/verify-archive.ts';
import { createFilesystemRecordingStore } from '../src/recordings/filesystem-recording-store.ts';
import { eventually, startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';
import { seedWorkspaceData } from './support/seed-workspace-data.ts';

const day = 24 * 60 * 60 * 1000;

describe('backups API, workspace export API and the backup schedule', () => {
  let omni: TestOmniflow;
  let root: string;
  let workspaceId: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'omniflow-backups-api-'));
    const settings = { dir: join(root, 'backups'), keep: 8, everyDays: 7, exportDir: join(root, 'exports') };
    const recordingStore = createFilesystemRecordingStore({ dir: join(root, 'recordings') });
    omni = await startTestOmniflow({
      // The worker (the schedule's backups) and the API share one folder, as on one server.
      env: { OMNIFLOW_BACKUP_DIR: settings.dir, OMNIFLOW_RECORDINGS_DIR: join(root, 'recordings') },
      appDeps: { backupSettings: settings, recordingStore },
    });
    workspaceId = (await omni.handle.db.query.workspaces.findFirst())!.id;
    await seedWorkspaceData(omni.handle.db, recordingStore, { workspaceId, contacts: 12 });
  });
  afterAll(async () => {
    await omni?.close();
    await rm(root, { recursive: true, force: true });
  });

  async function finished(path: string) {
    return eventually(async () => {
      const job = await omni.call('GET', path);
      return job.body.status === 'running' ? undefined : job.body;
    }, 60_000);
  }

  it('starts a backup, follows it to the end and lists it with the last result', async () => {
    const empty = await omni.call('GET', '/api/v1/backups');
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({ settings: { keep: 8, everyDays: 7 }, items: [], last: null });

    const started = await omni.call('POST', '/api/v1/backups');
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ kind: 'backup', trigger: 'api', status: 'running' });
    const job = await finished(`/api/v1/backups/jobs/${started.body.id}`);
    expect(job).toMatchObject({ status: 'done', error: null });
    expect(job.sha256).toMatch(/^[0-9a-f]{64}$/);

    const listed = await omni.call('GET', '/api/v1/backups');
    expect(listed.body.items).toHaveLength(1);
    expect(listed.body.items[0]).toMatchObject({
      file: job.file,
      sha256: job.sha256,
      databaseKind: 'pglite',
      storedFiles: 4,
    });
    expect(listed.body.last).toMatchObject({ id: job.id, status: 'done' });
  });

  it('answers 409 while a backup runs, in the caller’s language', async () => {
    const id = newId();
    await omni.handle.db.insert(dataJobs).values({ id, kind: 'backup', trigger: 'cli' });
    try {
      const refused = await omni.call('POST', '/api/v1/backups', undefined, { 'accept-language': 'es' });
      expect(refused.status).toBe(409);
      expect(refused.body.error).toMatchObject({
        code: 'BACKUP_RUNNING',
        message: 'Ya hay una copia de seguridad en curso; espere a que termine',
      });
    } finally {
      await omni.handle.db.delete(dataJobs).where(eq(dataJobs.id, id));
    }
  });

  it('exports the workspace as a job with progress, and serves the archive the manifest vouches for', async () => {
    const started = await omni.call('POST', '/api/v1/workspace-exports');
    expect(started.status).toBe(202);
    const job = await finished(`/api/v1/workspace-exports/${started.body.id}`);
    expect(job).toMatchObject({ status: 'done', kind: 'export' });
    expect(job.done).toBe(job.total);
    const response = await omni.app.request(`/api/v1/workspace-exports/${job.id}/archive`, {
      headers: { authorization: `Bearer ${omni.apiKey}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-tar');
    const file = join(root, 'downloaded.tar');
    await writeFile(file, Buffer.from(await response.arrayBuffer()));
    const manifest = await verifyArchive(file);
    expect(manifest.workspace?.id).toBe(workspaceId);
    expect(manifest.files.find((f) => f.path === 'contacts.jsonl')?.rows).toBe(12);
  });

  it('refuses bad input, other workspaces’ exports and non-admins with a 4xx', async () => {
    expect((await omni.call('GET', '/api/v1/backups/jobs/not-an-id')).status).toBe(400);
    expect((await omni.call('GET', `/api/v1/backups/jobs/${randomUUID()}`)).status).toBe(404);
    expect((await omni.call('GET', '/api/v1/workspace-exports/1; drop table x')).status).toBe(400);
    // Another workspace's export is not there for this one.
    const otherWorkspace = newId();
    await omni.handle.db.insert(workspaces).values({ id: otherWorkspace, name: 'Other' });
    const foreign = newId();
    await omni.handle.db.insert(dataJobs).values({
      id: foreign,
      kind: 'export',
      workspaceId: otherWorkspace,
      trigger: 'api',
      status: 'done',
      file: 'x.tar',
    });
    expect((await omni.call('GET', `/api/v1/workspace-exports/${foreign}`)).status).toBe(404);
    expect((await omni.call('GET', `/api/v1/workspace-exports/${foreign}/archive`)).status).toBe(404);
    const running = newId();
    await omni.handle.db
      .insert(dataJobs)
      .values({ id: running, kind: 'export', workspaceId, trigger: 'api' });
    const notReady = await omni.call('GET', `/api/v1/workspace-exports/${running}/archive`);
    expect(notReady.status).toBe(409);
    expect(notReady.body.error.code).toBe('EXPORT_NOT_READY');
    // A backup job id is not an export, nor the other way round.
    expect((await omni.call('GET', `/api/v1/backups/jobs/${running}`)).status).toBe(404);

    const { key } = await createApiKey(omni.handle.db, workspaceId, 'operator', null, 'supervisor');
    for (const [method, path] of [
      ['GET', '/api/v1/backups'],
      ['POST', '/api/v1/backups'],
      ['POST', '/api/v1/workspace-exports'],
      ['GET', `/api/v1/workspace-exports/${running}`],
    ] as const) {
      const response = await omni.app.request(path, { method, headers: { authorization: `Bearer ${key}` } });
      expect(response.status, `${method} ${path}`).toBe(403);
    }
  });

  it('runs on a Temporal schedule every 7 days by default, changed by the setting', async () => {
    const scheduleId = `${backupScheduleId}-${randomUUID()}`;
    await ensureBackupSchedule(omni.temporal, omni.taskQueue, { everyDays: 7 }, scheduleId);
    await ensureBackupSchedule(omni.temporal, omni.taskQueue, { everyDays: 7 }, scheduleId); // idempotent
    const schedule = omni.temporal.schedule.getHandle(scheduleId);
    try {
      expect((await schedule.describe()).spec.intervals).toEqual([
        { every: 7 * day, offset: 3 * 3600_000 + 47 * 60_000 },
      ]);
      await ensureBackupSchedule(omni.temporal, omni.taskQueue, { everyDays: 3 }, scheduleId);
      const described = await schedule.describe();
      expect(described.spec.intervals?.[0]?.every).toBe(3 * day);
      expect(described.action).toMatchObject({ type: 'startWorkflow', workflowType: 'scheduledBackup' });

      const before = (await listBackups(join(root, 'backups'))).length;
      await schedule.trigger();
      const job = await eventually(async () => {
        const [row] = await omni.handle.db.select().from(dataJobs).where(eq(dataJobs.trigger, 'schedule'));
        return row?.status === 'done' ? row : undefined;
      }, 60_000);
      expect(job.file).toMatch(/^omniflow-backup-/);
      expect(await listBackups(join(root, 'backups'))).toHaveLength(before + 1);
    } finally {
      await schedule.delete();
    }
  });
});
