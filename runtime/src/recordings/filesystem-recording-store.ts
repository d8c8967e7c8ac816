import { createReadStream } from 'node:fs';
import { copyFile, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { RecordingError, type ByteRange, type RecordingStore } from './recording-store.ts';

/** Recordings as files under `dir` (default `.omniflow/recordings`, or OMNIFLOW_RECORDINGS_DIR). */
export function createFilesystemRecordingStore(options: { dir: string }): RecordingStore {
  const root = resolve(options.dir);
  // Keys come from our own ids, but a key that climbs out of the folder must never be followed.
  const pathOf = (key: string) => {
    const path = resolve(root, key);
    if (!path.startsWith(root + sep)) throw new RecordingError('RECORDING_INVALID', `Bad storage key ${key}`);
    return path;
  };
  return {
    kind: 'filesystem',
    async put(key, source) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      // Copied beside its final name and renamed, so a reader never streams half a file.
      const partial = `${path}.${randomUUID()}.partial`;
      try {
        await copyFile(source, partial);
        await rename(partial, path);
      } finally {
        await rm(partial, { force: true });
      }
      return { bytes: (await stat(path)).size };
    },
    async get(key, range?: ByteRange) {
      const path = pathOf(key);
      try {
        await stat(path);
      } catch {
        throw new RecordingError(
          'RECORDING_AUDIO_MISSING',
          `The audio of this recording is gone from ${root}`,
        );
      }
      const stream = createReadStream(path, range ? { start: range.start, end: range.end } : {});
      return Readable.toWeb(stream) as ReadableStream<Uint8Array>;
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
    async usage(prefix) {
      return sizeOf(join(root, prefix));
    },
  };
}

async function sizeOf(path: string): Promise<number> {
  let entries;
  try {
    entries = await readdir(path, { withFileTypes: true });
  } catch {
    return 0;
  }
  let total = 0;
  for (const entry of entries) {
    const child = join(path, entry.name);
    total += entry.isDirectory() ? await sizeOf(child) : entry.isFile() ? (await stat(child)).size : 0;
  }
  return total;
}
