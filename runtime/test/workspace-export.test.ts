import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openDb } from '@omniflow/db';
import { readArchive } from '../src/backups/archive-reader.ts';
import { verifyArchive } from '../src/backups/verify-archive.ts';
import { exportWorkspace } from '../src/workspace-export/export-workspace.ts';
import { exportTables } from '../src/workspace-export/export-tables.ts';
import { createFilesystemRecordingStore } from '../src/recordings/filesystem-recording-store.ts';
import { freshPostgresDatabase } from './support/postgres.ts';
import { seedWorkspaceData } from './support/seed-workspace-data.ts';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** Every entry of an archive, whole (the test archives are small). */
async function entriesOf(file: string): Promise<Map<string, Buffer>> {
  const entries = new Map<string, Buffer>();
  await readArchive(file, async (path, _size, stream) => {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    entries.set(path, Buffer.concat(chunks));
  });
  return entries;
}

/** RFC 4180 records, quoted cells with commas, quotes and line breaks included. */
function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(cell);
      records.push(record);
      record = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return records;
}

for (const kind of ['pglite', 'postgres'] as const) {
  describe(`workspace export (${kind})`, () => {
    it('writes every table, recording and file of one workspace, and the manifest vouches for each', async () => {
      const root = await mkdtemp(join(tmpdir(), 'omniflow-export-'));
      cleanups.push(() => rm(root, { recursive: true, force: true }));
      let handle;
      if (kind === 'postgres') {
        const fresh = await freshPostgresDatabase(inject('postgresUrl'));
        cleanups.push(fresh.drop);
        handle = await openDb({ databaseUrl: fresh.url });
      } else {
        handle = await openDb({ dataDir: 'memory://' });
      }
      cleanups.push(() => handle.close());
      const store = createFilesystemRecordingStore({ dir: join(root, 'recordings') });
      const seeded = await seedWorkspaceData(handle.db, store, { contacts: 1200 });
      // Another workspace's rows must stay out.
      const other = await seedWorkspaceData(handle.db, store, { contacts: 7 });

      const out = join(root, 'handover.tar');
      const progress: [number, number][] = [];
      const result = await exportWorkspace(
        { db: handle.db, store },
        { workspaceId: seeded.workspaceId, out, onProgress: (done, total) => progress.push([done, total]) },
      );
      expect(progress.at(-1)).toEqual([exportTables.length + 4, exportTables.length + 4]);
      expect(await readdir(root)).not.toContain('handover.tar.partial');

      const manifest = await verifyArchive(out);
      expect(manifest).toMatchObject({
        format: 'omniflow-workspace-export',
        workspace: { id: seeded.workspaceId },
        missing: [],
      });
      expect(manifest.files).toEqual(result.manifest.files);
      const entries = await entriesOf(out);
      for (const [table, count] of Object.entries(seeded.counts)) {
        const listed = manifest.files.find((f) => f.path === `${table}.jsonl`);
        expect(listed?.rows, table).toBe(count);
        const lines = entries.get(`${table}.jsonl`)!.toString('utf8').split('\n').filter(Boolean);
        expect(lines, table).toHaveLength(count);
        for (const line of lines) expect(JSON.parse(line).workspace_id).toBe(seeded.workspaceId);
      }
      const contactsCsv = csvRecords(entries.get('contacts.csv')!.toString('utf8'));
      expect(contactsCsv).toHaveLength(1 + 1200);
      expect(contactsCsv[0]).toContain('display_name');
      const nameColumn = contactsCsv[0]!.indexOf('display_name');
      expect(contactsCsv.slice(1).map((r) => r[nameColumn])).toContain(
        'Persona 7 «ñandú», "comillas"\nsalto',
      );
      expect(manifest.files.find((f) => f.path === 'contacts.csv')?.rows).toBe(1200);

      // Every stored file of the workspace, byte for byte, under its row's id.
      const recordingRows = entries
        .get('recordings.jsonl')!
        .toString('utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { id: string; storage_key: string });
      for (const row of recordingRows) {
        const audio = entries.get(`recordings/${row.id}.wav`)!;
        expect(audio.subarray(0, 4).toString()).toBe('RIFF');
        expect(audio.equals(seeded.stored.get(row.storage_key)!)).toBe(true);
      }
      const promptRow = JSON.parse(entries.get('voice_prompts.jsonl')!.toString('utf8')) as {
        id: string;
        storage_key: string;
      };
      expect(
        entries.get(`voice_prompts/${promptRow.id}.wav`)!.equals(seeded.stored.get(promptRow.storage_key)!),
      ).toBe(true);
      const attachmentRow = JSON.parse(entries.get('mail_attachments.jsonl')!.toString('utf8')) as {
        id: string;
        storage_key: string;
      };
      expect(
        entries
          .get(`mail_attachments/${attachmentRow.id}`)!
          .equals(seeded.stored.get(attachmentRow.storage_key)!),
      ).toBe(true);
      const everything = [...entries.values()].map((b) => b.toString('latin1')).join('');
      expect(everything).not.toContain(other.workspaceId);
      // Secrets stay behind: no sealed value, nor the tables that hold them.
      for (const value of seeded.sealed) expect(everything).not.toContain(value);
      for (const table of ['hook_secrets', 'ai_providers'])
        expect([...entries.keys()].filter((p) => p.startsWith(table))).toEqual([]);
      // Every file but the manifest is listed, and nothing the manifest lists is absent.
      expect(new Set(manifest.files.map((f) => f.path))).toEqual(
        new Set([...entries.keys()].filter((p) => p !== 'manifest.json')),
      );
    });

    it('refuses a workspace that does not exist', async () => {
      const handle = await openDb({ dataDir: 'memory://' });
      const store = createFilesystemRecordingStore({ dir: join(tmpdir(), 'omniflow-export-none') });
      for (const workspaceId of ['0190f0f0-0000-7000-8000-000000000000', "x'; drop table contacts; --"]) {
        await expect(
          exportWorkspace({ db: handle.db, store }, { workspaceId, out: join(tmpdir(), 'never.tar') }),
        ).rejects.toMatchObject({ code: 'WORKSPACE_NOT_FOUND' });
      }
      await handle.close();
    });
  });
}
