import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '@omniflow/db';
import { createFilesystemRecordingStore } from '../src/recordings/filesystem-recording-store.ts';
import { verifyArchive } from '../src/backups/verify-archive.ts';
import { seedWorkspaceData } from './support/seed-workspace-data.ts';
import { tableFingerprints } from './support/table-fingerprints.ts';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../bin/omniflow.mjs', import.meta.url));
type Failure = { code: number; stdout: string; stderr: string };

// The CLI on the embedded database, as an operator runs it on the server: each case starts Node.
describe('omniflow backup, restore and export', () => {
  let home: string;
  afterAll(async () => home && rm(home, { recursive: true, force: true }));

  it('backs up, refuses a bad restore, restores after a wipe, and exports a workspace', async () => {
    home = await mkdtemp(join(tmpdir(), 'omniflow-cli-backup-'));
    const recordingsDir = join(home, 'recordings');
    const env = {
      ...process.env,
      OMNIFLOW_HOME: home,
      DATABASE_URL: '',
      OMNIFLOW_RECORDINGS_DIR: recordingsDir,
      OMNIFLOW_BACKUP_KEEP: '3',
    };
    const cli = (args: string[]) => run(process.execPath, [bin, ...args], { env });
    const fails = (args: string[]) =>
      cli(args).then(
        () => expect.fail(`omniflow ${args.join(' ')} should have failed`),
        (e: Failure) => e,
      );

    let handle = await openDb({ dataDir: join(home, 'pglite') });
    const store = createFilesystemRecordingStore({ dir: recordingsDir });
    const seeded = await seedWorkspaceData(handle.db, store, { contacts: 30 });
    const before = await tableFingerprints(handle.db, ['data_jobs']);
    await handle.close();

    const made = await cli(['backup', 'now']);
    expect(made.stdout).toMatch(
      /Backup written: .*omniflow-backup-.*\.tar \([\d.]+ [KMG]B, sha256 [0-9a-f]{64}\)/,
    );
    const listed = JSON.parse((await cli(['backup', 'list', '--json'])).stdout) as {
      file: string;
      storedFiles: number;
    }[];
    expect(listed).toHaveLength(1);
    expect(listed[0]!.storedFiles).toBe(4);
    const name = listed[0]!.file;
    expect((await cli(['--lang', 'es', 'backup', 'list'])).stdout).toContain(`${name}`);

    const unconfirmed = await fails(['--lang', 'es', 'restore', name]);
    expect(unconfirmed.code).toBe(1);
    expect(unconfirmed.stderr).toContain('añada --yes para continuar');
    expect((await fails(['restore', 'omniflow-backup-nope.tar', '--yes'])).stderr).toContain(
      'There is no backup "omniflow-backup-nope.tar"',
    );
    const cut = join(home, 'cut.tar');
    await copyFile(join(home, 'backups', name), cut);
    await truncate(cut, 3000);
    expect((await fails(['restore', cut, '--yes'])).stderr).toContain('Nothing was changed');

    // Wiped: the embedded database's folder and every stored file.
    await rm(join(home, 'pglite'), { recursive: true, force: true });
    await rm(recordingsDir, { recursive: true, force: true });
    const restored = await cli(['restore', name, '--yes']);
    expect(restored.stdout).toContain(`Restored ${name}`);
    expect(restored.stderr).toMatch(/Restoring \(files\)/);
    handle = await openDb({ dataDir: join(home, 'pglite') });
    expect(await tableFingerprints(handle.db, ['data_jobs'])).toEqual(before);
    await handle.close();
    for (const [key, bytes] of seeded.stored)
      expect((await readFile(join(recordingsDir, key))).equals(bytes)).toBe(true);

    const out = join(home, 'handover.tar');
    const exported = await cli(['export', 'workspace', seeded.workspaceId, '--out', out]);
    expect(exported.stdout).toContain(`Export written: ${out}`);
    const manifest = await verifyArchive(out);
    expect(manifest.files.find((f) => f.path === 'contacts.jsonl')?.rows).toBe(30);
    expect(
      (await fails(['--lang', 'es', 'export', 'workspace', 'no-such-id', '--out', out])).stderr,
    ).toContain('No existe el espacio de trabajo no-such-id');
  }, 300_000);
});
