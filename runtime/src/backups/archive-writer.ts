import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import tar from 'tar-stream';

/** One file in an archive as its manifest lists it. */
export interface ArchivedFile {
  path: string;
  bytes: number;
  sha256: string;
  /** Rows in a table's file (JSON lines or CSV), for an export. */
  rows?: number;
}

const hashing = (hash: ReturnType<typeof createHash>) =>
  new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      callback(null, chunk);
    },
  });

/**
 * A tar archive written file by file to disk: each file is streamed in from disk (never held in
 * memory) and its size and sha256 noted for the manifest; the whole archive's sha256 too.
 */
export function createArchiveWriter(target: string) {
  const pack = tar.pack();
  const archiveHash = createHash('sha256');
  const out = createWriteStream(target, { mode: 0o600 });
  const written = pipeline(pack, hashing(archiveHash), out);
  // Surfaces at finish(); a caught copy keeps an early failure from being unhandled meanwhile.
  written.catch(() => undefined);
  const files: ArchivedFile[] = [];

  async function addStream(path: string, size: number, source: NodeJS.ReadableStream): Promise<ArchivedFile> {
    const hash = createHash('sha256');
    const entry = pack.entry({ name: path, size, mode: 0o600, mtime: new Date() });
    await pipeline(source, hashing(hash), entry);
    const file = { path, bytes: size, sha256: hash.digest('hex') };
    files.push(file);
    return file;
  }

  return {
    files,
    /** Adds the file at `source` (on disk) as `path`. */
    async addFile(path: string, source: string, extra: { rows?: number } = {}): Promise<ArchivedFile> {
      const { size } = await stat(source);
      const file = await addStream(path, size, createReadStream(source));
      if (extra.rows !== undefined) file.rows = extra.rows;
      return file;
    },
    /** Adds bytes of a known length read from a stream (a stored recording). */
    addStream,
    /** Adds a small text (the manifest) that is not itself listed in `files`. */
    async addText(path: string, text: string): Promise<void> {
      const bytes = Buffer.from(text);
      await new Promise<void>((resolve, reject) =>
        pack.entry({ name: path, size: bytes.length, mode: 0o600, mtime: new Date() }, bytes, (error) =>
          error ? reject(error) : resolve(),
        ),
      );
    },
    /** Closes the archive; answers its size and sha256. */
    async finish(): Promise<{ bytes: number; sha256: string }> {
      pack.finalize();
      await written;
      return { bytes: (await stat(target)).size, sha256: archiveHash.digest('hex') };
    },
    /** Stops writing after a failure (the caller removes the partial file). */
    abort(): void {
      pack.destroy();
      out.destroy();
    },
  };
}

export type ArchiveWriter = ReturnType<typeof createArchiveWriter>;
