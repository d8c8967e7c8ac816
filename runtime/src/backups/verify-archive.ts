import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { archiveManifestSchema, manifestPath, type ArchiveManifest } from './archive-manifest.ts';
import { readArchive } from './archive-reader.ts';
import { BackupError } from './backup-error.ts';

/**
 * Reads the whole archive and checks every file against the manifest (size and sha256, none
 * missing, none extra). Answers the manifest; throws BACKUP_CORRUPT naming what is wrong. Run
 * before a restore touches anything, so a damaged archive changes nothing.
 */
export async function verifyArchive(
  file: string,
  onProgress?: (bytesRead: number, totalBytes: number) => void,
): Promise<ArchiveManifest> {
  const totalBytes = await stat(file).then(
    (s) => s.size,
    () => {
      throw new BackupError('BACKUP_NOT_FOUND', `There is no file ${file}`);
    },
  );
  let bytesRead = 0;
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
  } catch (error) {
    throw new BackupError(
      'BACKUP_CORRUPT',
      `${file} is not a readable Omniflow archive (${(error as Error).message}); nothing was changed`,
    );
  }
  if (manifestText === undefined)
    throw new BackupError(
      'BACKUP_CORRUPT',
      `${file} has no manifest: it is cut short or not an Omniflow archive; nothing was changed`,
    );
  let manifest: ArchiveManifest;
  try {
    manifest = archiveManifestSchema.parse(JSON.parse(manifestText));
  } catch {
    throw new BackupError('BACKUP_CORRUPT', `The manifest of ${file} cannot be read; nothing was changed`);
  }
  const problems: string[] = [];
  for (const listed of manifest.files) {
    const found = seen.get(listed.path);
    if (!found) problems.push(`${listed.path} is missing`);
    else if (found.bytes !== listed.bytes || found.sha256 !== listed.sha256)
      problems.push(`${listed.path} does not match its checksum`);
    seen.delete(listed.path);
  }
  for (const extra of seen.keys()) problems.push(`${extra} is not in the manifest`);
  if (problems.length > 0) {
    const shown =
      problems.slice(0, 5).join('; ') + (problems.length > 5 ? `; and ${problems.length - 5} more` : '');
    throw new BackupError('BACKUP_CORRUPT', `${file} is damaged: ${shown}. Nothing was changed`, {
      problems,
    });
  }
  return manifest;
}
