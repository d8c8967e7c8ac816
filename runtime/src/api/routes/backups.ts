import { createReadStream } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { and, desc, eq } from 'drizzle-orm';
import { dataJobs, newId, type Db } from '@omniflow/db';
import { listConfiguredBackups } from '../../backups/backup-location.ts';
import { BackupError, backupRefusalText } from '../../backups/backup-error.ts';
import { backupSettingsFromEnv, type BackupSettings } from '../../backups/backup-settings.ts';
import { claimBackup, createBackup } from '../../backups/create-backup.ts';
import { exportWorkspace } from '../../workspace-export/export-workspace.ts';
import { auditWorkspaceExport } from '../../workspace-export/export-audit.ts';
import type { RecordingStore } from '../../recordings/recording-store.ts';
import { ApiError } from '../api-error.ts';
import { readerLanguage } from '../reader-language.ts';
import { actorOf } from '../audit-actor.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import { conflictResponse, errorResponses, idParam, json, notFoundResponse } from '../schemas.ts';

const jobSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['backup', 'export']),
    trigger: z.enum(['schedule', 'api', 'cli']),
    status: z.enum(['running', 'done', 'failed']),
    file: z.string().nullable(),
    bytes: z.number().nullable(),
    sha256: z.string().nullable(),
    done: z.number().int(),
    total: z.number().int().nullable(),
    error: z.string().nullable(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .openapi('DataJob');

const backupSchema = z
  .object({
    file: z.string(),
    bytes: z.number(),
    sha256: z.string().nullable(),
    createdAt: z.string(),
    databaseKind: z.enum(['postgres', 'pglite']).nullable(),
    schemaTag: z.string().nullable(),
    storedFiles: z.number().int(),
    missing: z.number().int(),
  })
  .openapi('Backup');

const forbidden = {
  403: json(z.object({ error: z.object({ code: z.string(), message: z.string() }) }), 'Not an admin'),
};

const routes = {
  list: createRoute({
    method: 'get',
    path: '/backups',
    tags: ['backups'],
    summary:
      'The backups in the backup folder, or bucket when set (newest first), the settings and the last result (admin)',
    responses: {
      200: json(
        z.object({
          settings: z.object({ keep: z.number().int(), everyDays: z.number().int() }),
          items: z.array(backupSchema),
          last: jobSchema.nullable(),
        }),
        'Backups and the last backup job',
      ),
      ...errorResponses,
      ...forbidden,
    },
  }),
  start: createRoute({
    method: 'post',
    path: '/backups',
    tags: ['backups'],
    summary: 'Start a backup now; follow it with GET /backups/jobs/{id} (admin)',
    responses: {
      202: json(jobSchema, 'The backup started'),
      ...errorResponses,
      ...forbidden,
      ...conflictResponse,
    },
  }),
  job: createRoute({
    method: 'get',
    path: '/backups/jobs/{id}',
    tags: ['backups'],
    summary: 'One backup job: its progress, and its archive or error once it ends (admin)',
    request: { params: idParam },
    responses: { 200: json(jobSchema, 'The job'), ...errorResponses, ...forbidden, ...notFoundResponse },
  }),
  startExport: createRoute({
    method: 'post',
    path: '/workspace-exports',
    tags: ['backups'],
    summary: 'Export this workspace whole (JSON lines, CSV, WAV and a manifest in one .tar) (admin)',
    responses: { 202: json(jobSchema, 'The export started'), ...errorResponses, ...forbidden },
  }),
  exportJob: createRoute({
    method: 'get',
    path: '/workspace-exports/{id}',
    tags: ['backups'],
    summary: 'One workspace export: its progress, and its size and checksum once written (admin)',
    request: { params: idParam },
    responses: { 200: json(jobSchema, 'The export'), ...errorResponses, ...forbidden, ...notFoundResponse },
  }),
  exportArchive: createRoute({
    method: 'get',
    path: '/workspace-exports/{id}/archive',
    tags: ['backups'],
    summary: 'Download a finished workspace export (application/x-tar) (admin)',
    request: { params: idParam },
    responses: {
      200: { description: 'The archive', content: { 'application/x-tar': { schema: z.string() } } },
      ...errorResponses,
      ...forbidden,
      ...notFoundResponse,
      ...conflictResponse,
    },
  }),
};

type Job = typeof dataJobs.$inferSelect;
const view = (job: Job) => ({
  id: job.id,
  kind: job.kind,
  trigger: job.trigger,
  status: job.status,
  file: job.file,
  bytes: job.bytes,
  sha256: job.sha256,
  done: job.done,
  total: job.total,
  error: job.error,
  startedAt: job.startedAt.toISOString(),
  finishedAt: job.finishedAt?.toISOString() ?? null,
});

/** A refusal in the caller's language, with its status; anything else is not the caller's doing. */
function apiErrorOf(error: unknown, acceptLanguage: string | undefined): unknown {
  if (!(error instanceof BackupError)) return error;
  const status =
    error.code === 'BACKUP_RUNNING'
      ? 409
      : error.code === 'WORKSPACE_NOT_FOUND'
        ? 404
        : error.code === 'BACKUP_BUCKET_UNREACHABLE'
          ? 502
          : 422;
  return new ApiError(status, error.code, backupRefusalText(error.refusal, readerLanguage(acceptLanguage)));
}

async function jobOf(db: Db, id: string, where: { kind: 'backup' | 'export'; workspaceId?: string }) {
  const [job] = await db
    .select()
    .from(dataJobs)
    .where(
      and(
        eq(dataJobs.id, id),
        eq(dataJobs.kind, where.kind),
        ...(where.workspaceId ? [eq(dataJobs.workspaceId, where.workspaceId)] : []),
      ),
    );
  if (!job)
    throw new ApiError(404, 'NOT_FOUND', {
      en: `There is no ${where.kind === 'backup' ? 'backup job' : 'workspace export'} ${id}`,
      es: `No hay ninguna ${where.kind === 'backup' ? 'copia de seguridad' : 'exportación del espacio de trabajo'} ${id}`,
    });
  return job;
}

/**
 * Backups of the install and exports of the caller's workspace, for admins. Both run in this
 * process in the background and are followed through their job row; a restore is not offered
 * here, as it needs Omniflow stopped (`omniflow restore`).
 */
export function backupRoutes(deps: AppDeps & { recordingStore: RecordingStore }) {
  const { db } = deps;
  const settings = (): BackupSettings => deps.backupSettings ?? backupSettingsFromEnv(process.env);

  return new OpenAPIHono<AppEnv>()
    .openapi(routes.list, async (c) => {
      const current = settings();
      const { keep, everyDays } = current;
      const [last] = await db
        .select()
        .from(dataJobs)
        .where(eq(dataJobs.kind, 'backup'))
        .orderBy(desc(dataJobs.startedAt))
        .limit(1);
      return c.json(
        {
          settings: { keep, everyDays },
          items: await listConfiguredBackups(current).then(
            (listed) => listed.items,
            (error: unknown) => {
              throw apiErrorOf(error, c.req.header('accept-language'));
            },
          ),
          last: last ? view(last) : null,
        },
        200,
      );
    })
    .openapi(routes.start, async (c) => {
      let jobId: string;
      try {
        jobId = await claimBackup(db, 'api', new Date());
      } catch (error) {
        throw apiErrorOf(error, c.req.header('accept-language'));
      }
      // The job row records how it ends; nobody waits on the promise.
      void createBackup(
        { db, store: deps.recordingStore, settings: settings() },
        { trigger: 'api', jobId },
      ).catch((error: unknown) => console.warn(`Backup ${jobId} failed: ${(error as Error).message}`));
      return c.json(view(await jobOf(db, jobId, { kind: 'backup' })), 202);
    })
    .openapi(routes.job, async (c) => {
      return c.json(view(await jobOf(db, c.req.valid('param').id, { kind: 'backup' })), 200);
    })
    .openapi(routes.startExport, async (c) => {
      const principal = c.get('principal');
      const { exportDir } = settings();
      await mkdir(exportDir, { recursive: true, mode: 0o700 });
      const id = newId();
      const file = `omniflow-export-${principal.workspaceId}-${id}.tar`;
      await db
        .insert(dataJobs)
        .values({ id, kind: 'export', workspaceId: principal.workspaceId, trigger: 'api', file });
      let reported = 0;
      void exportWorkspace(
        { db, store: deps.recordingStore },
        {
          workspaceId: principal.workspaceId,
          out: join(exportDir, file),
          onProgress: (done, total) => {
            // A write per 50 units is enough for a progress bar.
            if (done - reported < 50 && done !== total) return;
            reported = done;
            void db
              .update(dataJobs)
              .set({ done, total })
              .where(eq(dataJobs.id, id))
              .catch(() => undefined);
          },
        },
      )
        .then(async (result) => {
          await db
            .update(dataJobs)
            .set({
              status: 'done',
              bytes: result.bytes,
              sha256: result.sha256,
              summary: { files: result.manifest.files.length, missing: result.manifest.missing.length },
              finishedAt: new Date(),
            })
            .where(eq(dataJobs.id, id));
          await auditWorkspaceExport(db, {
            workspaceId: principal.workspaceId,
            actor: await actorOf(db, principal),
            file,
            bytes: result.bytes,
            sha256: result.sha256,
          });
        })
        .catch(async (error: unknown) => {
          await db
            .update(dataJobs)
            .set({ status: 'failed', error: (error as Error).message, finishedAt: new Date() })
            .where(eq(dataJobs.id, id))
            .catch(() => undefined);
        });
      return c.json(view(await jobOf(db, id, { kind: 'export' })), 202);
    })
    .openapi(routes.exportJob, async (c) => {
      const principal = c.get('principal');
      return c.json(
        view(
          await jobOf(db, c.req.valid('param').id, { kind: 'export', workspaceId: principal.workspaceId }),
        ),
        200,
      );
    })
    .openapi(routes.exportArchive, async (c) => {
      const principal = c.get('principal');
      const job = await jobOf(db, c.req.valid('param').id, {
        kind: 'export',
        workspaceId: principal.workspaceId,
      });
      if (job.status !== 'done' || !job.file)
        throw new ApiError(409, 'EXPORT_NOT_READY', {
          en: `The export is ${job.status}: download it once it is done`,
          es: `La exportación aún no está lista (${job.status}): descárgala cuando termine`,
        });
      const path = join(settings().exportDir, job.file);
      const size = await stat(path).then(
        (s) => s.size,
        () => {
          throw new ApiError(404, 'EXPORT_GONE', {
            en: `The export's file is no longer in ${settings().exportDir}`,
            es: `El archivo de la exportación ya no está en ${settings().exportDir}`,
          });
        },
      );
      const body = Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>;
      return c.body(body, 200, {
        'content-type': 'application/x-tar',
        'content-length': String(size),
        'content-disposition': `attachment; filename="${job.file}"`,
      });
    });
}
