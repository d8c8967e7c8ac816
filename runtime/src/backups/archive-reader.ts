import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import tar from 'tar-stream';

/**
 * Walks a tar archive entry by entry, streaming each one to `onEntry` (which must consume or
 * drain it). Nothing is held in memory beyond the entry being read.
 */
export async function readArchive(
  file: string,
  onEntry: (path: string, size: number, stream: Readable) => Promise<void>,
): Promise<void> {
  const extract = tar.extract();
  extract.on('entry', (header, stream, next) => {
    onEntry(header.name, header.size ?? 0, stream).then(
      () => {
        // Whatever the handler left unread is skipped, so the next entry can start.
        stream.resume();
        next();
      },
      (error: unknown) => {
        stream.resume();
        extract.destroy(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
  await pipeline(createReadStream(file), extract);
}
