import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdtemp, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { eq, sql } from 'drizzle-orm';
import { databaseSchemaVersion, queryRows, workspaces, type Db } from '@omniflow/db';
import { RecordingError, type RecordingStore } from '../recordings/recording-store.ts';
import { manifestPath, omniflowVersion, type ArchiveManifest } from '../backups/archive-manifest.ts';
import { createArchiveWriter } from '../backups/archive-writer.ts';
import { BackupError } from '../backups/backup-error.ts';
import { csvLine } from './csv-line.ts';
import { exportTables, type ExportTable } from './export-tables.ts';

export interface WorkspaceExportResult {
  file: string;
  bytes: number;
  sha256: string;
  manifest: ArchiveManifest;
}

const batchRows = 500;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A file written line by line, waiting when the disk is behind (so memory stays flat). */
function lineFile(path: string) {
  const out: WriteStream = createWriteStream(path, { mode: 0o600 });
  return {
    async write(line: string) {
      if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    },
    close: () =>
      new Promise<void>((resolve, reject) =>
        out.end((error?: Error | null) => (error ? reject(error) : resolve())),
      ),
  };
}

async function columnsOf(db: Db, table: string): Promise<string[] | undefined> {
  const rows = await queryRows<{ name: string }>(
    db,
    sql`select column_name as name from information_schema.columns
        where table_schema = 'public' and table_name = ${table} order by ordinal_position`,
  );
  return rows.length > 0 ? rows.map((r) => r.name) : undefined;
}

/** How many stored files the export will copy, for the progress total. */
async function storedFileCount(db: Db, workspaceId: string): Promise<number> {
  let total = 0;
  for (const { table } of exportTables.filter((t) => t.files)) {
    const [row] = await queryRows<{ n: number | string }>(
      db,
      sql`select count(*) as n from ${sql.identifier(table)} where workspace_id = ${workspaceId}`,
    );
    total += Number(row?.n ?? 0);
  }
  return total;
}

/**
 * The contract-end handover of one workspace: every exported table as JSON lines (and CSV where
 * marked), the recordings, voice prompts and mail attachments as files, and a manifest with every
 * file's size, sha256 and row count. Rows are read through cursors in one read-only,
 * repeatable-read transaction (one consistent moment) and written straight to disk: a large
 * workspace never sits in memory. Written under a partial name, renamed when whole.
 */
export async function exportWorkspace(
  deps: { db: Db; store: RecordingStore; now?: () => Date },
  options: { workspaceId: string; out: string; onProgress?: (done: number, total: number) => void },
): Promise<WorkspaceExportResult> {
  const { workspaceId, out } = options;
  if (!uuidPattern.test(workspaceId)) throw new BackupError({ code: 'WORKSPACE_NOT_FOUND', id: workspaceId });
  const [workspace] = await deps.db.select().from(workspaces).where(eq(workspaces.id, workspaceId));
  if (!workspace) throw new BackupError({ code: 'WORKSPACE_NOT_FOUND', id: workspaceId });
  const total = exportTables.length + (await storedFileCount(deps.db, workspaceId));
  let done = 0;
  const tick = () => options.onProgress?.(++done, total);
  const partial = `${out}.partial`;
  const scratch = await mkdtemp(join(dirname(out), '.export-'));
  const archive = createArchiveWriter(partial);
  const missing: string[] = [];
  try {
    const schema = await databaseSchemaVersion(deps.db);
    await deps.db.transaction(
      async (tx) => {
        for (const table of exportTables) {
          await exportTable(tx, table);
          tick();
        }
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );

    async function exportTable(tx: Db, spec: ExportTable) {
      const columns = await columnsOf(tx, spec.table);
      // A table this install's schema does not have yet: nothing to export.
      if (!columns) return;
      const jsonPath = join(scratch, `${spec.table}.jsonl`);
      const csvPath = join(scratch, `${spec.table}.csv`);
      const json = lineFile(jsonPath);
      const csv = spec.csv ? lineFile(csvPath) : undefined;
      await csv?.write(csvLine(columns));
      let rows = 0;
      // The id was checked to be a uuid above; a cursor's query cannot take bind parameters everywhere.
      await tx.execute(
        sql.raw(
          `declare export_rows no scroll cursor for select * from "${spec.table}" where workspace_id = '${workspaceId}'`,
        ),
      );
      for (;;) {
        const batch = await queryRows<Record<string, unknown>>(
          tx,
          sql.raw(`fetch ${batchRows} from export_rows`),
        );
        // One write per batch: a write per row made the export CPU-bound on the awaits.
        await json.write(batch.map((row) => `${JSON.stringify(row)}\n`).join(''));
        await csv?.write(batch.map((row) => csvLine(columns.map((c) => row[c]))).join(''));
        if (spec.files) for (const row of batch) await copyStoredFile(spec, row);
        rows += batch.length;
        if (batch.length < batchRows) break;
      }
      await tx.execute(sql.raw('close export_rows'));
      await json.close();
      await csv?.close();
      await archive.addFile(`${spec.table}.jsonl`, jsonPath, { rows });
      await rm(jsonPath);
      if (csv) {
        await archive.addFile(`${spec.table}.csv`, csvPath, { rows });
        await rm(csvPath);
      }
    }

    async function copyStoredFile(spec: ExportTable, row: Record<string, unknown>) {
      const key = String(row[spec.files!.column]);
      const copy = join(scratch, 'object');
      try {
        const stream = await deps.store.get(key);
        await pipeline(
          Readable.fromWeb(stream as Parameters<typeof Readable.fromWeb>[0]),
          createWriteStream(copy),
        );
        await archive.addFile(`${spec.table}/${String(row.id)}${spec.files!.ext(row)}`, copy);
      } catch (error) {
        if (!(error instanceof RecordingError && error.code === 'RECORDING_AUDIO_MISSING')) throw error;
        missing.push(key);
      } finally {
        await rm(copy, { force: true });
      }
      tick();
    }

    const manifest: ArchiveManifest = {
      format: 'omniflow-workspace-export',
      formatVersion: 1,
      omniflowVersion,
      createdAt: (deps.now ?? (() => new Date()))().toISOString(),
      workspace: { id: workspace.id, name: workspace.name },
      schema,
      files: archive.files,
      missing,
    };
    await archive.addText(manifestPath, JSON.stringify(manifest, null, 2));
    const whole = await archive.finish();
    await rename(partial, out);
    return { file: basename(out), ...whole, manifest };
  } catch (error) {
    archive.abort();
    await rm(partial, { force: true });
    throw error;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
