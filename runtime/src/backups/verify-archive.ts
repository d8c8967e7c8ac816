import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { archiveManifestSchema, manifestPath, type ArchiveManifest } from './archive-manifest.ts';
import { readArchive } from './archive-reader.ts';
import { BackupError, type ArchiveProblem } from './backup-error.ts';

/**
 * Reads the whole archive and checks every file against the manifest (size and sha256, none
 * missing, none extra). Answers the manifest; throws BACKUP_CORRUPT (unreadable) or
 * BACKUP_DAMAGED naming each file that is wrong. Run
 * before a restore touches anything, so a damaged archive changes nothing.
 */
export async function verifyArchive(
  file: string,
  onProgress?: (bytesRead: number, totalBytes: number) => void,
): Promise<ArchiveManifest> {
  const totalBytes = await stat(file).then(
    (s) => s.size,
    () => {
      throw new BackupError({ code: 'BACKUP_NOT_FOUND', name: basename(file), dir: dirname(file) });
    },
  );
  let bytesRead = 0;
  const name = basename(file);
  const seen = new Map<string, { bytes: number; sha256: string }>();
  let manifestText: string | undefined;
  try {
    await readArchive(file, async (path, _size, stream) => {
      if (path === manifestPath) {
        const chunks: Buffer[] = [];
        for await (const chunk of stream) chunks.push(chunk as Buffer);
        manifestText = Buffer.concat(chunks).toString('utf8');
        return;
      }
      const hash = createHash('sha256');
      let bytes = 0;
      for await (const chunk of stream) {
        hash.update(chunk as Buffer);
        bytes += (chunk as Buffer).length;
      }
      seen.set(path, { bytes, sha256: hash.digest('hex') });
      bytesRead += bytes;
      onProgress?.(bytesRead, totalBytes);
    });
  } catch {
    throw new BackupError({ code: 'BACKUP_CORRUPT', file: name, reason: 'unreadable' });
  }
  // Headers and padding are read too: the bar ends full.
  onProgress?.(totalBytes, totalBytes);
  if (manifestText === undefined)
    throw new BackupError({ code: 'BACKUP_CORRUPT', file: name, reason: 'no-manifest' });
  let manifest: ArchiveManifest;
  try {
    manifest = archiveManifestSchema.parse(JSON.parse(manifestText));
  } catch {
    throw new BackupError({ code: 'BACKUP_CORRUPT', file: name, reason: 'bad-manifest' });
  }
  const problems: ArchiveProblem[] = [];
  for (const listed of manifest.files) {
    const found = seen.get(listed.path);
    if (!found) problems.push({ path: listed.path, kind: 'missing' });
    else if (found.bytes !== listed.bytes || found.sha256 !== listed.sha256)
      problems.push({ path: listed.path, kind: 'checksum' });
    seen.delete(listed.path);
  }
  for (const extra of seen.keys()) problems.push({ path: extra, kind: 'extra' });
  if (problems.length > 0) throw new BackupError({ code: 'BACKUP_DAMAGED', file: name, problems });
  return manifest;
}
